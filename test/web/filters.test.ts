/**
 * The dashboard's filter bar in a real headless Chromium against the real server on loopback, in French
 * and English: the filter goes into the URL, survives a reload and a page switch, matches the API's
 * figures, says when nothing matches and clears; every page holds at 390 px; counts take the right plural.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/http-server.ts';
import { openStore } from '../../src/store/open-store.ts';
import { NOW, seedStore, TEAMS, WORKSPACE, type SeededStore } from '../server/fixtures.ts';
import { browserSkipReason, launchChromium, openPage } from './chromium.ts';
import { serveDashboard } from './serve-dashboard.ts';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');
/** Every page a phone user reaches from the navigation, plus a customer's history. */
const PAGES = ['overview', 'journey', 'themes', 'personas', 'risk', 'competitors', 'ex-cx', 'listen', 'cases', 'rules', 'drills', 'learn', 'maturity'];
const TEAM = TEAMS[1].name;

let seeded: SeededStore;
let server: RunningServer;
let browser: Browser;

const SKIP = browserSkipReason();
if (SKIP) it.skip(SKIP, () => undefined);

beforeAll(async () => {
  if (SKIP) return;
  mkdirSync(SHOTS, { recursive: true });
  seeded = await seedStore();
  server = await serveDashboard({ store: seeded.store, workspaceId: WORKSPACE, clock: () => NOW });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await seeded?.cleanup();
});

const open = (locale: string, width = 1360) => openPage(browser, locale, width, { consoleErrors: true });

async function rendered(page: Page): Promise<void> {
  await page.waitForSelector('main .page, main .notice.error', { timeout: 15_000 });
}

/** The hash query of the page's URL. */
function hashParams(page: Page): URLSearchParams {
  return new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '');
}

/** Waits until the page shows a hash with `expected` in its query and has rendered it. */
async function settled(page: Page, expected: string): Promise<void> {
  await page.waitForFunction((want) => location.hash.includes(want) && document.querySelector('main .page .filter-bar') !== null
    && !document.querySelector('main .loading'), expected);
}

/** The API's overview for a query (what the page must show). */
async function apiOverview(qs: string): Promise<{ messages: { customer: number }; csat: { responses: number } }> {
  return (await fetch(`${server.url}/api/overview${qs}`)).json() as never;
}

const nbsp = (s: string | null) => (s ?? '').replace(/[\u202f\u00a0]/g, ' ');

const WORDS = {
  'fr-FR': { noMatch: 'Aucun résultat pour ces filtres', clear: 'Effacer les filtres', lead: /^(\d+) messages clients analysés du/, active: '2 filtres actifs', one: '1 message client analysé du', oneResponse: '1 réponse' },
  'en-US': { noMatch: 'Nothing matches these filters', clear: 'Clear filters', lead: /^(\d+) customer messages analysed from/, active: '2 active filters', one: '1 customer message analysed from', oneResponse: '1 response' },
} as const;

describe.skipIf(SKIP !== null)('dashboard filters', () => {
  it('an empty workspace says "no data yet", not "nothing matches"', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-empty-'));
    const store = await openStore(`sqlite:${path.join(dir, 'empty.db')}`);
    await store.migrate();
    await store.ensureWorkspace(WORKSPACE, 'Empty');
    const empty = await serveDashboard({ store, workspaceId: WORKSPACE, clock: () => NOW });
    try {
      const { context, page } = await open('fr-FR');
      await page.goto(`${empty.url}/#/themes`);
      await settled(page, '#/themes');
      expect(await page.locator('.no-match').count()).toBe(0);
      expect(await page.locator('main .notice').allTextContents()).toContain('Aucune donnée pour l’instant.');
      // Filtered, the same empty workspace says the filter matches nothing (and offers to clear it).
      await page.selectOption('#f-period', '7d');
      await page.waitForSelector('.no-match');
      expect(await page.locator('.no-match h2').textContent()).toBe('Aucun résultat pour ces filtres');
      await context.close();
    } finally {
      await empty.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const locale of ['fr-FR', 'en-US'] as const) {
    const w = WORDS[locale];

    it(`${locale}: a period and a team go into the URL, survive a reload and a page switch, and match the API`, async () => {
      const { context, page, errors } = await open(locale);
      await page.goto(`${server.url}/#/overview`);
      await settled(page, '#/overview');
      const all = await apiOverview('');
      expect(nbsp(await page.locator('.page-header .lead').textContent())).toMatch(w.lead);

      await page.selectOption('#f-period', '30d');
      await settled(page, 'period=30d');
      await page.selectOption('#f-team', TEAM);
      await settled(page, `team=${encodeURIComponent(TEAM)}`);
      const params = hashParams(page);
      expect(params.get('period')).toBe('30d');
      expect(params.get('team')).toBe(TEAM);

      const filtered = await apiOverview(`?period=30d&team=${encodeURIComponent(TEAM)}`);
      expect(filtered.messages.customer).toBeLessThan(all.messages.customer);
      const lead = nbsp(await page.locator('.page-header .lead').textContent());
      expect(Number(w.lead.exec(lead)?.[1])).toBe(filtered.messages.customer);
      expect(nbsp(await page.locator('.filter-count').textContent())).toBe(w.active);

      // The same URL, loaded afresh, shows the same filter and the same figures.
      await page.reload();
      await settled(page, 'period=30d');
      expect(await page.locator('#f-period').inputValue()).toBe('30d');
      expect(await page.locator('#f-team').inputValue()).toBe(TEAM);
      expect(nbsp(await page.locator('.page-header .lead').textContent())).toBe(lead);

      // The navigation keeps the filter: the themes page reads it and shows it.
      await page.locator('#nav a[href^="#/themes"]').click();
      await settled(page, '#/themes');
      expect(hashParams(page).get('team')).toBe(TEAM);
      expect(hashParams(page).get('period')).toBe('30d');
      expect(await page.locator('#f-team').inputValue()).toBe(TEAM);
      await page.screenshot({ path: path.join(SHOTS, `filters-themes-${locale}.png`), fullPage: true });
      // A page's own link (a theme to its verbatims) keeps the filter too, and the station applies it.
      await page.locator('.page-themes table a[href^="#/listen?theme="]').first().click();
      await page.waitForSelector('.page-listen .stream .msg');
      expect(hashParams(page).get('theme')).toBeTruthy();
      expect(hashParams(page).get('team')).toBe(TEAM);
      expect(await page.locator('#f-team').inputValue()).toBe(TEAM);
      const listed = (await (await fetch(`${server.url}/api/messages?theme=${hashParams(page).get('theme')}&period=30d&team=${encodeURIComponent(TEAM)}`)).json()) as { total: number };
      expect(nbsp(await page.locator('.result-count').textContent())).toMatch(new RegExp(`^${listed.total} messages?$`));
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`${locale}: a filter matching nothing says so, apart from "no data yet", and clearing restores the page`, async () => {
      const { context, page, errors } = await open(locale);
      await page.goto(`${server.url}/#/overview?team=${encodeURIComponent(TEAM)}`);
      await settled(page, 'team=');
      // The fixtures span the six weeks before the clock: the quarter before holds nothing.
      await page.selectOption('#f-period', 'last_quarter');
      await settled(page, 'period=last_quarter');
      await page.waitForSelector('.no-match');
      expect(await page.locator('.no-match h2').textContent()).toBe(w.noMatch);
      expect(await page.locator('.fix-first').count()).toBe(0);
      await page.screenshot({ path: path.join(SHOTS, `filters-no-match-${locale}.png`), fullPage: true });
      for (const id of ['themes', 'journey', 'personas', 'risk', 'competitors', 'listen']) {
        await page.goto(`${server.url}/#/${id}?period=last_quarter`);
        await page.waitForSelector('.no-match');
        expect(await page.locator('.no-match h2').textContent(), id).toBe(w.noMatch);
      }
      await page.goto(`${server.url}/#/overview?period=last_quarter&team=${encodeURIComponent(TEAM)}`);
      await page.waitForSelector('.no-match');
      await page.locator('.no-match').getByRole('button', { name: w.clear }).click();
      await page.waitForSelector('.page-overview .fix-first');
      expect(new URL(page.url()).hash).toBe('#/overview');
      expect(await page.locator('.no-match').count()).toBe(0);
      const all = await apiOverview('');
      expect(Number(w.lead.exec(nbsp(await page.locator('.page-header .lead').textContent()))?.[1])).toBe(all.messages.customer);
      expect(await page.locator('#f-period').inputValue()).toBe('');
      expect(await page.locator('.filter-bar .clear-filters').isVisible()).toBe(false);
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`${locale}: one is singular, several plural`, async () => {
      const { context, page } = await open(locale);
      // One competitor review on that day: one message, one CSAT answer (a star rating).
      const day = new Date(NOW.getTime() - 9 * 86_400_000).toISOString().slice(0, 10);
      const qs = `?brand=RivalCo&from=${day}&to=${day}`;
      const one = await apiOverview(qs);
      expect(one.messages.customer).toBe(1);
      expect(one.csat.responses).toBe(1);
      await page.goto(`${server.url}/#/overview${qs}`);
      await settled(page, 'brand=RivalCo');
      expect(nbsp(await page.locator('.page-header .lead').textContent())).toContain(w.one);
      expect(nbsp(await page.locator('.score-card', { hasText: 'CSAT' }).textContent())).toContain(w.oneResponse);
      expect(await page.locator('#f-period').inputValue()).toBe('custom');
      expect(await page.locator('#f-from').inputValue()).toBe(day);
      await page.goto(`${server.url}/#/overview`);
      await settled(page, '#/overview');
      expect(nbsp(await page.locator('.page-header .lead').textContent())).toMatch(w.lead);
      expect(nbsp(await page.locator('.score-card', { hasText: 'CSAT' }).textContent())).not.toContain(w.oneResponse);
      await context.close();
    });

    it(`${locale}: every page holds at 390 px wide (no sideways scroll of the page)`, async () => {
      const { context, page, errors } = await open(locale, 390);
      const customerId = (await (await fetch(`${server.url}/api/risk`)).json() as { customers: { customerId: string }[] }).customers[0].customerId;
      const tooWide: string[] = [];
      for (const id of [...PAGES, `customer/${customerId}`]) {
        await page.goto(`${server.url}/#/${id}?period=90d`);
        await rendered(page);
        await page.waitForFunction(() => !document.querySelector('main .loading'));
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width <= 390) continue;
        // Names the outermost elements that stick out, so a failure says what to fix.
        const culprits = await page.evaluate(() => Array.from(document.querySelectorAll('body *'))
          .filter((el) => el.getBoundingClientRect().right > 391 && !(el.parentElement && el.parentElement.getBoundingClientRect().right > 391))
          .slice(0, 4).map((el) => `${el.tagName.toLowerCase()}.${(el as HTMLElement).className}`));
        tooWide.push(`${id}: ${width} px (${culprits.join(', ')})`);
        await page.screenshot({ path: path.join(SHOTS, `phone-${id.replace('/', '-')}-${locale}.png`), fullPage: true });
      }
      expect(tooWide).toEqual([]);
      // Wide tables scroll inside their own box.
      await page.goto(`${server.url}/#/themes`);
      await page.waitForSelector('.page-themes .table-wrap table');
      const wrap = await page.locator('.table-wrap').first().evaluate((el) => ({ overflow: getComputedStyle(el).overflowX, client: el.clientWidth }));
      expect(wrap.overflow).toBe('auto');
      expect(wrap.client).toBeLessThanOrEqual(390);
      await page.screenshot({ path: path.join(SHOTS, `phone-themes-${locale}.png`), fullPage: true });
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
