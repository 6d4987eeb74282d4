/**
 * The dashboard in a real headless Chromium against the real server on loopback. Screenshots go to
 * test-results/screenshots/ (gitignored) for a human look at the design.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/create-app.ts';
import { startServer, type RunningServer } from '../../src/runtime/http-server.ts';
import { NOW, seedStore, TEMPLATES, WORKSPACE, type SeededStore } from '../server/fixtures.ts';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const PAGES = ['overview', 'journey', 'themes', 'personas', 'risk', 'competitors', 'listen'] as const;

let seeded: SeededStore;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  seeded = await seedStore();
  const app = createApp({ store: seeded.store, workspaceId: WORKSPACE, clock: () => NOW, webDir: path.resolve(import.meta.dirname, '../../web') });
  server = await startServer(app, { port: 0, host: '127.0.0.1' });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await seeded?.cleanup();
});

/** A fresh browser context in a locale, and a page that records console errors and failed requests. */
async function open(locale = 'fr-FR'): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale, viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('requestfailed', (req) => errors.push(`request failed: ${req.url()}`));
  page.on('request', (req) => {
    if (!req.url().startsWith(server.url)) errors.push(`external request: ${req.url()}`);
  });
  return { context, page, errors };
}

/** Waits until the page module replaced the loading notice. */
async function rendered(page: Page): Promise<void> {
  await page.waitForSelector('main .page, main .notice.error', { timeout: 15_000 });
}

describe('dashboard pages', () => {
  it('every page renders, without console errors or outside requests', async () => {
    const { context, page, errors } = await open();
    for (const id of PAGES) {
      await page.goto(`${server.url}/#/${id}`);
      await rendered(page);
      expect(await page.locator('main .notice.error').count(), `${id} shows an error`).toBe(0);
      expect((await page.locator('main h1').textContent())?.trim().length, `${id} has a title`).toBeGreaterThan(0);
      expect(await page.locator('#nav a[aria-current="page"]').count()).toBe(1);
      await page.screenshot({ path: path.join(SHOTS, `${id}.png`), fullPage: true });
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the overview leads with what to fix first and links to the journey', async () => {
    const { context, page } = await open();
    await page.goto(`${server.url}/#/overview`);
    await rendered(page);
    const firstSection = page.locator('main .page > section').first();
    expect(await firstSection.locator('h2').textContent()).toBe('À corriger en premier');
    await page.locator('main a[href="#/journey"]').first().click();
    await page.waitForSelector('main .page-journey');
    await context.close();
  });

  it('the journey shows per stage the dominant emotion, its reasons and the gap to the desired emotion', async () => {
    const { context, page } = await open();
    await page.goto(`${server.url}/#/journey`);
    await page.waitForSelector('.page-journey .heatmap');
    const delivery = page.locator('.stage-card', { hasText: 'Livraison' });
    expect(await delivery.locator('.status').textContent()).toBe('Écart');
    expect(await delivery.textContent()).toContain('Confiance');
    expect(await delivery.locator('.reasons li').count()).toBeGreaterThan(0);
    const onboarding = page.locator('.stage-card', { hasText: 'Prise en main' });
    expect(await onboarding.locator('.status').textContent()).toBe('Atteint');
    // A heatmap cell opens the listening station on that stage and emotion.
    await page.locator('.heatmap a[href="#/listen?stage=delivery&emotion=anger"]').click();
    await page.waitForSelector('.stream .msg');
    expect(await page.locator('#f-stage').inputValue()).toBe('delivery');
    expect(await page.locator('#f-emotion').inputValue()).toBe('anger');
    await context.close();
  });

  it('listening station filters change the list, marks evidence, and loads more by cursor', async () => {
    const { context, page, errors } = await open();
    await page.goto(`${server.url}/#/listen`);
    await page.waitForSelector('.stream .msg');
    expect(await page.locator('.stream .msg').count()).toBe(20);
    await page.getByRole('button', { name: 'Charger plus' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.stream .msg').length > 20);

    await page.selectOption('#f-emotion', 'anger');
    await page.waitForFunction(() => location.hash.includes('emotion=anger') && document.querySelectorAll('.stream .msg').length > 0 && document.querySelectorAll('.stream .msg').length < 20);
    const texts = await page.locator('.stream .msg .msg-text').allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toBe(TEMPLATES[0].text);
    expect(await page.locator('.stream mark.mark-emotion').first().textContent()).toBe('vraiment en colère');
    expect(await page.locator('.stream mark.mark-need').first().textContent()).toBe('savoir où est mon colis');
    expect(await page.locator('.stream mark.mark-reason').first().textContent()).toBe('Ma commande devait arriver lundi et toujours rien');
    // All six fit on one page: no "load more".
    expect(await page.getByRole('button', { name: 'Charger plus' }).isVisible()).toBe(false);
    await page.screenshot({ path: path.join(SHOTS, 'listen-filtered.png'), fullPage: true });

    await page.selectOption('#f-emotion', '');
    await page.selectOption('#f-channel', 'review');
    await page.waitForFunction(() => location.hash.includes('channel=review') && !location.hash.includes('emotion'));
    await page.waitForSelector('.stream .msg');
    const metas = await page.locator('.stream .msg .msg-meta').allTextContents();
    expect(metas.length).toBe(8);
    for (const meta of metas) expect(meta).toContain('Avis');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the language switch flips the UI between French and English and is remembered', async () => {
    const { context, page } = await open('fr-FR');
    await page.goto(`${server.url}/#/journey`);
    await rendered(page);
    expect(await page.locator('main h1').textContent()).toBe('Carte émotionnelle du parcours');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.selectOption('#lang-select', 'en');
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Journey emotion map');
    expect(await page.locator('#nav').textContent()).toContain('Listening station');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await rendered(page);
    expect(await page.locator('main h1').textContent()).toBe('Journey emotion map');
    await page.screenshot({ path: path.join(SHOTS, 'journey-en.png'), fullPage: true });
    await page.goto(`${server.url}/#/overview`);
    await page.waitForSelector('main .page-overview');
    expect(await page.locator('main .page > section h2').first().textContent()).toBe('What to fix first');
    await page.screenshot({ path: path.join(SHOTS, 'overview-en.png'), fullPage: true });
    // Every UI string exists in both languages.
    // (A string, so the test runner does not rewrite the browser-side dynamic import.)
    const keys = (await page.evaluate(
      "import('/app/i18n.js').then((m) => ({ fr: Object.keys(m.STRINGS.fr).sort(), en: Object.keys(m.STRINGS.en).sort() }))",
    )) as { fr: string[]; en: string[] };
    expect(keys.fr.length).toBeGreaterThan(50);
    expect(keys.en).toEqual(keys.fr);
    await context.close();

    const english = await open('en-US');
    await english.page.goto(`${server.url}/#/listen`);
    await rendered(english.page);
    expect(await english.page.locator('main h1').textContent()).toBe('Listening station');
    await english.context.close();
  });

  it('walk in their shoes opens from the risk table', async () => {
    const { context, page, errors } = await open();
    await page.goto(`${server.url}/#/risk`);
    await page.waitForSelector('.risk-table tbody tr');
    const name = (await page.locator('.risk-table tbody tr th a').first().textContent())!;
    await page.locator('.risk-table tbody tr td').first().click();
    await page.waitForSelector('.page-customer .timeline .turn');
    expect(await page.locator('main h1').textContent()).toContain(name);
    expect(await page.locator('.timeline .turn.role-agent').count()).toBeGreaterThan(0);
    expect(await page.locator('.timeline .turn.role-customer').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'customer.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('escapes customer text (no HTML injection)', async () => {
    const source = await seeded.store.ensureSource(WORKSPACE, 'xss', 'json');
    await seeded.store.writeConversations(WORKSPACE, source, [
      {
        naturalKey: 'xss-1', channel: 'chat', startedAt: NOW, surveys: [],
        customer: { externalId: 'cust-xss', name: '<b id="evil-name">Eve</b>' },
        messages: [{ role: 'customer', at: new Date(NOW.getTime() + 60_000), text: '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=1</script>', language: 'fr' }],
      },
    ]);
    const { context, page } = await open();
    await page.goto(`${server.url}/#/listen`);
    await page.waitForSelector('.stream .msg');
    expect(await page.locator('.stream .msg-text').first().textContent()).toContain('<img src=x');
    expect(await page.locator('.stream img, #evil-name').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await context.close();
  });
});
