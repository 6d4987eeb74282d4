/**
 * The employees & customers page with the shared filter bar, in a real headless Chromium against the
 * real server on loopback, in French and English: a team and a channel go into the URL, survive a
 * reload and match GET /api/ex-cx; a filter that matches nothing says so and clears; a bad value in
 * the URL is refused with the parameter named. The note under the lag table, and on the scorecards
 * page, says who judged reply empathy: the reply coach, or its lexicon without the model file.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelError } from '../../src/core/errors.ts';
import type { RunningServer } from '../../src/server/http-server.ts';
import { NOW, seedStore, TEAMS, WORKSPACE, type SeededStore } from '../server/fixtures.ts';
import { browserSkipReason, launchChromium, openPage } from './chromium.ts';
import { serveDashboard } from './serve-dashboard.ts';

const SKIP = browserSkipReason();
if (SKIP) it.skip(SKIP, () => undefined);

const TEAM = TEAMS[1].name;
const SHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');
let seeded: SeededStore;
let server: RunningServer;
let lexicon: RunningServer;
let browser: Browser;

beforeAll(async () => {
  if (SKIP) return;
  mkdirSync(SHOTS, { recursive: true });
  seeded = await seedStore();
  server = await serveDashboard({ store: seeded.store, workspaceId: WORKSPACE, clock: () => NOW });
  // The same data, served without the coach model file.
  const missing = () => Promise.reject(new ModelError('The coach model models/coach.json is missing. Build it with `tsx scripts/train-coach.ts`.'));
  lexicon = await serveDashboard({ store: seeded.store, workspaceId: WORKSPACE, clock: () => NOW, coachModel: missing });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await lexicon?.close();
  await seeded?.cleanup();
});

const WORDS = {
  'fr-FR': { noMatch: 'Aucun résultat pour ces filtres', clear: 'Effacer les filtres', coach: 'Empathie des réponses : lue par le coach de réponse', lexicon: 'Empathie des réponses : lue par le lexique du coach', error: 'period' },
  'en-US': { noMatch: 'Nothing matches these filters', clear: 'Clear filters', coach: 'Reply empathy: read by the reply coach', lexicon: 'Reply empathy: read by the coach’s lexicon', error: 'period' },
} as const;

const open = (locale: string) => openPage(browser, locale);

/** Waits until the hash holds `expected` and the page has rendered it with its filter bar. */
async function settled(page: Page, expected: string): Promise<void> {
  await page.waitForFunction((want) => location.hash.includes(want) && document.querySelector('main .page-ex-cx .filter-bar') !== null
    && !document.querySelector('main .loading'), expected);
}

const hashParams = (page: Page) => new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '');
const api = async (base: string, qs = ''): Promise<any> => (await fetch(`${base}/api/ex-cx${qs}`)).json();
/** The team table's rows: team name and customer answers (last column). */
async function rows(page: Page): Promise<[string, number][]> {
  return page.locator('.excx-table tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent!, Number(tr.querySelectorAll('td')[4].textContent!.replace(/\D/g, ''))] as [string, number]));
}

describe.skipIf(SKIP !== null)('employees & customers: the shared filter bar and the reply-empathy source', () => {
  for (const locale of ['fr-FR', 'en-US'] as const) {
    const w = WORDS[locale];

    it(`${locale}: a team and a channel go into the URL, survive a reload and match the API`, async () => {
      const { context, page, errors } = await open(locale);
      await page.goto(`${server.url}/#/ex-cx`);
      await settled(page, '#/ex-cx');
      const all = await api(server.url);
      expect((await rows(page)).map(([t]) => t)).toEqual(all.teams.map((t: any) => t.team));
      expect(await page.locator('.page-ex-cx .empathy-source').getAttribute('data-source')).toBe('coach');
      expect(await page.locator('.page-ex-cx .empathy-source').textContent()).toContain(w.coach);

      await page.selectOption('#f-team', TEAM);
      await settled(page, `team=${encodeURIComponent(TEAM)}`);
      await page.selectOption('#f-channel', 'email');
      await settled(page, 'channel=email');
      expect(hashParams(page).get('team')).toBe(TEAM);
      expect(hashParams(page).get('channel')).toBe('email');
      const filtered = await api(server.url, `?team=${encodeURIComponent(TEAM)}&channel=email`);
      expect(filtered.teams).toHaveLength(1);
      expect(await rows(page)).toEqual([[TEAM, filtered.teams[0].surveys]]);
      expect(filtered.teams[0].surveys).toBeLessThan(all.teams.find((t: any) => t.team === TEAM).surveys);

      await page.reload();
      await settled(page, 'channel=email');
      expect(await page.locator('#f-team').inputValue()).toBe(TEAM);
      expect(await page.locator('#f-channel').inputValue()).toBe('email');
      expect(await rows(page)).toEqual([[TEAM, filtered.teams[0].surveys]]);
      await page.screenshot({ path: path.join(SHOTS, `ex-cx-filters-${locale}.png`), fullPage: true });
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`${locale}: nothing matching says so and clears; a bad value is refused naming the parameter`, async () => {
      const { context, page, errors } = await open(locale);
      // The fixtures span the six weeks before the clock: the quarter before holds no customer data.
      await page.goto(`${server.url}/#/ex-cx?period=last_quarter`);
      await settled(page, 'period=last_quarter');
      await page.waitForSelector('.page-ex-cx .no-match');
      expect(await page.locator('.no-match h2').textContent()).toBe(w.noMatch);
      expect(await page.locator('.excx-table').count()).toBe(0);
      expect(await page.locator('#f-period').inputValue()).toBe('last_quarter');
      await page.locator('.no-match').getByRole('button', { name: w.clear }).click();
      await page.waitForSelector('.page-ex-cx .excx-table');
      expect(new URL(page.url()).hash).toBe('#/ex-cx');
      expect(await page.locator('.no-match').count()).toBe(0);

      const bad = await fetch(`${server.url}/api/ex-cx?period=fortnight`);
      expect(bad.status).toBe(400);
      await page.goto(`${server.url}/#/ex-cx?period=fortnight`);
      await page.waitForSelector('main .notice.error');
      expect(await page.locator('main .notice.error').textContent()).toContain('"period"');
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`${locale}: without the coach model file, both pages say the lexicon read the replies`, async () => {
      const { context, page, errors } = await open(locale);
      await page.goto(`${lexicon.url}/#/ex-cx`);
      await page.waitForSelector('.page-ex-cx .empathy-source');
      expect(await page.locator('.page-ex-cx .empathy-source').getAttribute('data-source')).toBe('lexicon');
      expect(await page.locator('.page-ex-cx .empathy-source').textContent()).toContain(w.lexicon);
      await page.goto(`${lexicon.url}/#/learn`);
      await page.waitForSelector('.page-learn .scorecards');
      expect(await page.locator('.page-learn .empathy-source').allTextContents()).toEqual([expect.stringContaining(w.lexicon), expect.stringContaining(w.lexicon)]);
      await page.goto(`${server.url}/#/learn`);
      await page.waitForSelector('.page-learn .scorecards');
      expect(await page.locator('.page-learn .empathy-source').allTextContents()).toEqual([expect.stringContaining(w.coach), expect.stringContaining(w.coach)]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
