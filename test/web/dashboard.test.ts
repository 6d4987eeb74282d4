/**
 * The dashboard in a real headless Chromium against the real server on loopback. Screenshots go to
 * test-results/screenshots/ (gitignored) for a human look at the design.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserSkipReason, launchChromium } from './chromium.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/http-server.ts';
import { openStore } from '../../src/store/open-store.ts';
import { TOTAL_CAP } from '../../src/store/listening-queries.ts';
import type { Store } from '../../src/store/store.ts';
import { BACK_OFFICE_TEAM, NOW, seedStore, TEAMS, TEMPLATES, WORKSPACE, type SeededStore } from '../server/fixtures.ts';
import { serveDashboard } from './serve-dashboard.ts';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const PAGES = ['overview', 'journey', 'themes', 'personas', 'risk', 'competitors', 'ex-cx', 'listen'] as const;

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

/** The page's hash route. */
function hashOf(page: Page): string {
  return new URL(page.url()).hash;
}

/** Waits until the page module replaced the loading notice. */
async function rendered(page: Page): Promise<void> {
  await page.waitForSelector('main .page, main .notice.error', { timeout: 15_000 });
}

describe.skipIf(SKIP !== null)('dashboard pages', () => {
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
    // Causes a team can own, with what their customers feel inside; no emotion ranked as a cause.
    const causes = firstSection.locator('.fix-item');
    expect(await causes.count()).toBeGreaterThan(0);
    expect(await firstSection.locator('.fix-felt').first().textContent()).toMatch(/^Ce que ressentent ces clients : \S.*\d\s%/);
    for (const href of await firstSection.locator('.fix-item a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
      expect(href).toMatch(/^#\/listen\?(theme|stage)=/);
    }
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
    // Stage and theme chips say, on hover, the words of the message that placed them.
    expect(await page.locator('.stream .chip.stage').first().getAttribute('title')).toBe('Étape : «\u00a0Ma commande devait arriver\u00a0»');
    expect(await page.locator('.stream .chip.theme').first().getAttribute('title')).toBe('Thème : «\u00a0toujours rien\u00a0»');
    // All six fit on one page: no "load more"; the count says how many, exactly.
    expect(await page.getByRole('button', { name: 'Charger plus' }).isVisible()).toBe(false);
    expect(await page.locator('.result-count').textContent()).toBe(`${texts.length} messages`);
    await page.screenshot({ path: path.join(SHOTS, 'listen-filtered.png'), fullPage: true });

    await page.selectOption('#f-emotion', '');
    await page.selectOption('#f-channel', 'review');
    await page.waitForFunction(() => location.hash.includes('channel=review') && !location.hash.includes('emotion'));
    await page.waitForSelector('.stream .msg');
    const metas = await page.locator('.stream .msg .msg-meta').allTextContents();
    expect(metas.length).toBe(8);
    for (const meta of metas) expect(meta).toContain('Avis');
    expect(await page.locator('.result-count').textContent()).toBe('8 messages');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the reply coach reviews a draft beside any message of the listening station', async () => {
    const { context, page, errors } = await open();
    await page.goto(`${server.url}/#/listen`);
    await page.waitForSelector('.stream .msg');
    const first = page.locator('.stream .msg').first();
    await first.locator('details.reply-coach summary').click();
    expect(await first.locator('details.reply-coach summary').textContent()).toBe('Rédiger une réponse (relue par le coach)');
    await first.locator('details.reply-coach textarea').fill('Bonjour, je comprends votre colère : je retrouve votre colis aujourd’hui et je vous rappelle avant 17 h.');
    await first.getByRole('button', { name: 'Relire mon brouillon' }).click();
    await first.locator('.coach-score').waitFor();
    expect(await first.locator('.coach-score').textContent()).toMatch(/^Score d’empathie\s?: \d+\/100$/);
    expect(await first.locator('.coach-dims li').count()).toBe(5);
    // One message's draft is its own: the next card's coach is still folded and empty.
    expect(await page.locator('.stream .msg').nth(1).locator('.coach-score').count()).toBe(0);
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
    const agents = page.locator('.timeline .turn.role-agent');
    const customers = page.locator('.timeline .turn.role-customer');
    expect(await agents.count()).toBeGreaterThan(0);
    expect(await customers.count()).toBeGreaterThan(0);
    // Agent replies say who answered and for which team; customer turns carry the customer's name.
    const teamOf = new Map(TEAMS.map((tm) => [tm.agent, tm.name]));
    for (const who of await agents.locator('.who').allTextContents()) {
      const agent = [...teamOf.keys()].find((a) => who.includes(a));
      expect(agent, who).toBeDefined();
      expect(who).toContain(`Conseiller · ${teamOf.get(agent!)}`);
    }
    for (const who of await customers.locator('.who').allTextContents()) expect(who).toContain(name);
    // Agent replies look different from customer messages (other side, other colour).
    const side = (l: typeof agents) => l.first().evaluate((el) => ({ justify: getComputedStyle(el).justifySelf, bg: getComputedStyle(el).backgroundColor }));
    const [a, c] = [await side(agents), await side(customers)];
    expect(a.justify).toBe('end');
    expect(c.justify).toBe('start');
    expect(a.bg).not.toBe(c.bg);
    // The whole conversation, in time order, each conversation headed by who handled it.
    const times = await page.locator('.timeline .turn time').evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute('datetime')!)));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    for (const head of await page.locator('.timeline .conv-break').allTextContents()) {
      expect(TEAMS.some((tm) => head.includes(`traité par ${tm.name} · ${tm.agent}`)), head).toBe(true);
    }
    // Each customer message says what the customer felt; agent replies carry no emotion.
    const felt = await customers.evaluateAll((els) => els.map((el) => ({ text: el.querySelector('.msg-text')!.textContent, chips: Array.from(el.querySelectorAll('.feelings .emo'), (c) => c.textContent) })));
    const nameOf: Record<string, string> = await page.evaluate("fetch('/api/i18n').then((r) => r.json()).then((l) => Object.fromEntries(Object.entries(l.emotions).map(([k, v]) => [k, v.fr])))");
    for (const turn of felt) {
      const template = TEMPLATES.find((tpl) => tpl.text === turn.text);
      if (template) expect(turn.chips).toEqual(template.emotions.map(([e]) => nameOf[e]));
      else expect(turn.chips.length).toBeGreaterThan(0);
    }
    expect(await agents.locator('.feelings').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'customer.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('employees & customers shows every team with n, and calls small-n correlations indicative', async () => {
    const api = (await (await fetch(`${server.url}/api/ex-cx`)).json()) as {
      teams: { team: string; enpsResponses: number; csat: number | null }[];
      correlations: { x: string; y: string; method: string; r: number | null; n: number }[];
    };
    const { context, page, errors } = await open();
    await page.goto(`${server.url}/#/overview`);
    await rendered(page);
    await page.locator('#nav a', { hasText: 'Employés & clients' }).click();
    await page.waitForSelector('.page-ex-cx .excx-table');
    expect(hashOf(page)).toBe('#/ex-cx');
    expect(await page.locator('main h1').textContent()).toBe('Employés & clients');
    const rows = page.locator('.excx-table tbody tr');
    expect(await rows.locator('th').allTextContents()).toEqual(api.teams.map((tm) => tm.team));
    for (const tm of api.teams) {
      const row = rows.filter({ hasText: tm.team });
      expect(await row.textContent()).toContain(`(n = ${tm.enpsResponses})`);
    }
    // The back-office team answered the staff survey but served no customer: no CSAT, said plainly.
    expect(await rows.filter({ hasText: BACK_OFFICE_TEAM }).locator('td').nth(2).textContent()).toBe('—');
    // Correlations: one row per pair, both methods, with n and the small-n caveat.
    const computed = api.correlations.filter((c) => c.r !== null);
    expect(computed.length).toBeGreaterThan(0);
    const n = computed[0].n;
    expect(n).toBe(api.teams.filter((tm) => tm.csat !== null).length);
    const corrRows = page.locator('.corr-table tbody tr');
    expect(await corrRows.count()).toBe(new Set(api.correlations.map((c) => `${c.x}:${c.y}`)).size);
    expect(await page.locator('.corr-table thead').textContent()).toContain('Spearman');
    const caveats = await page.locator('.corr-table .caveat').allTextContents();
    expect(caveats.length).toBe(await corrRows.count());
    for (const caveat of caveats) expect(caveat).toBe(`corrélation indicative : n = ${n} équipes`);
    const pearsonCsat = api.correlations.find((c) => c.x === 'enps' && c.y === 'csat' && c.method === 'pearson')!;
    expect(await corrRows.first().locator('td').first().textContent()).toBe(pearsonCsat.r!.toFixed(2).replace('.', ','));
    await page.screenshot({ path: path.join(SHOTS, 'ex-cx.png'), fullPage: true });

    await page.selectOption('#lang-select', 'en');
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Employees & customers');
    expect(await page.locator('#nav a[aria-current="page"]').textContent()).toBe('Employees & customers');
    expect(await page.locator('.corr-table .caveat').first().textContent()).toBe(`indicative correlation: n = ${n} teams`);
    await page.screenshot({ path: path.join(SHOTS, 'ex-cx-en.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('competitors put our own brand first, highlighted and labelled as ours', async () => {
    const { brands } = (await (await fetch(`${server.url}/api/competitors`)).json()) as { brands: { brand: string; own: boolean; messages: number }[] };
    const own = brands.find((b) => b.own)!;
    const { context, page } = await open();
    await page.goto(`${server.url}/#/competitors`);
    await page.waitForSelector('.brand-grid .brand');
    const cards = page.locator('.brand-grid .brand');
    expect(await cards.count()).toBe(brands.length);
    expect(await page.locator('.brand-grid .brand.own').count()).toBe(1);
    const first = cards.first();
    expect(await first.getAttribute('class')).toContain('own');
    expect(await first.locator('h2').textContent()).toContain('Notre marque');
    expect(await first.textContent()).toContain(`${own.messages} messages`);
    // Competitors keep their names and no "ours" label.
    for (const b of brands.filter((x) => !x.own)) {
      const card = cards.filter({ has: page.locator('h2', { hasText: b.brand }) });
      expect(await card.count()).toBe(1);
      expect(await card.textContent()).not.toContain('Notre marque');
    }
    const border = async (i: number) => cards.nth(i).evaluate((el) => getComputedStyle(el).borderTopColor);
    expect(await border(0)).not.toBe(await border(1));
    await page.selectOption('#lang-select', 'en');
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Competitors');
    expect(await page.locator('.brand-grid .brand').first().locator('h2').textContent()).toContain('Our brand');
    await context.close();
  });

  it('reads as French in French: weeks as dates, French quotes and percent signs, gendered "all"', async () => {
    const { context, page } = await open('fr-FR');
    for (const id of PAGES) {
      await page.goto(`${server.url}/#/${id}`);
      await rendered(page);
      const text = (await page.locator('main').innerText()).replace(/[\u202f\u00a0]/g, ' ');
      expect(text, `${id} shows an ISO week code`).not.toMatch(/\d{4}-W\d{2}/);
      expect(text, `${id} glues a percent sign`).not.toMatch(/\d%/);
      expect(text, `${id} uses English quotes`).not.toMatch(/“/);
    }
    await page.goto(`${server.url}/#/overview`);
    await page.waitForSelector('.page-overview .trends');
    expect(await page.locator('.trends').innerText()).toMatch(/semaine du \d{1,2} [a-zéû]+\.? \d{4} → semaine du/);
    expect(await page.locator('.verbatim p').first().textContent()).toMatch(/^«\u00a0.+\u00a0»$/s);
    await page.goto(`${server.url}/#/listen`);
    await page.waitForSelector('.page-listen .filters');
    expect(await page.locator('#f-stage option[value=""]').textContent()).toBe('Toutes');
    expect(await page.locator('#f-emotion option[value=""]').textContent()).toBe('Toutes');
    expect(await page.locator('#f-theme option[value=""]').textContent()).toBe('Tous');
    expect(await page.locator('#f-language option[value="en"]').textContent()).toBe('Anglais');
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

describe.skipIf(SKIP !== null)('listening station count', () => {
  let big: { store: Store; dir: string };
  let bigServer: RunningServer;

  beforeAll(async () => {
    // More messages than the store counts (its cap is 1000): the total becomes a floor.
    const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-web-count-'));
    const store = await openStore(`sqlite:${path.join(dir, 'count.db')}`);
    await store.migrate();
    await store.ensureWorkspace(WORKSPACE, 'Count');
    const source = await store.ensureSource(WORKSPACE, 'many', 'json');
    const start = NOW.getTime() - 30 * 86_400_000;
    await store.writeConversations(WORKSPACE, source, [{
      naturalKey: 'many-1', channel: 'chat', startedAt: new Date(start), surveys: [],
      customer: { externalId: 'cust-many', name: 'Client bavard' },
      messages: Array.from({ length: TOTAL_CAP + 5 }, (_, i) => ({ role: 'customer' as const, at: new Date(start + i * 60_000), text: `Relance numéro ${i} sans réponse`, language: 'fr' })),
    }]);
    big = { store, dir };
    bigServer = await serveDashboard({ store, workspaceId: WORKSPACE, clock: () => NOW });
  });
  afterAll(async () => {
    await bigServer?.close();
    await big?.store.close();
    if (big) rmSync(big.dir, { recursive: true, force: true });
  });

  /** The count line of the listening station for a query, in a locale. */
  async function countLine(locale: string, qs = ''): Promise<string> {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto(`${bigServer.url}/#/listen${qs}`);
    await page.waitForSelector('.page-listen .result-count');
    const text = (await page.locator('.result-count').textContent())!;
    await context.close();
    return text.replace(/[\u202f\u00a0]/g, ' ');
  }

  it('shows "1000+ messages" when the store caps the total, in French and English', async () => {
    const api = (await (await fetch(`${bigServer.url}/api/messages?limit=1`)).json()) as { total: number; totalCapped: boolean };
    expect(api).toMatchObject({ total: TOTAL_CAP, totalCapped: true });
    expect(await countLine('fr-FR')).toBe('1 000+ messages');
    expect(await countLine('en-US')).toBe('1,000+ messages');
  });

  it('says exact counts with the plural rules of each language', async () => {
    expect(await countLine('fr-FR', '?q=num%C3%A9ro%2012%20sans')).toBe('1 message');
    expect(await countLine('en-US', '?q=num%C3%A9ro%2012%20sans')).toBe('1 message');
    expect(await countLine('fr-FR', '?q=introuvable')).toBe('0 message');
    expect(await countLine('en-US', '?q=introuvable')).toBe('0 messages');
    expect(await countLine('fr-FR', '?q=num%C3%A9ro%20100')).toBe('6 messages');
  });
});
