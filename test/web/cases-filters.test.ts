/**
 * The cases list under the shared filter bar, in a real headless Chromium against the real server, in
 * French and English: the filter goes into the URL next to the list's own status filter, narrows the
 * list and the figures as the API does, survives a reload, says "nothing matches" (with a clear button)
 * apart from "no cases yet", and the page holds at 390 px.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/http-server.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { NOW, seedStore, WORKSPACE, type SeededStore } from '../server/fixtures.ts';
import { browserSkipReason, launchChromium, openPage } from './chromium.ts';
import { serveDashboard } from './serve-dashboard.ts';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const DAY = 86_400_000;
const nbsp = (s: string | null) => (s ?? '').replace(/[\u202f\u00a0]/g, ' ').trim();

/** What each language must show (written here, not read from the page, so a wrong string fails). */
const WORDS = {
  'fr-FR': {
    noMatch: 'Aucun résultat pour ces filtres', clear: 'Effacer les filtres', none: 'Aucun dossier pour l’instant. Ouvrez-en un depuis un message de l’écoute client.',
    one: '1 dossier', three: '3 dossiers', hint: 'date d’ouverture du dossier', scoped: 'Ces chiffres portent sur les dossiers des filtres de la vue',
  },
  'en-US': {
    noMatch: 'Nothing matches these filters', clear: 'Clear filters', none: 'No cases yet. Open one from a message in the listening station.',
    one: '1 case', three: '3 cases', hint: 'the date each case was opened', scoped: 'These figures cover the cases in the view filters',
  },
} as const;

let seeded: SeededStore;
let store: Store;
let server: RunningServer;
let browser: Browser;
let now = NOW;
const titles = { early: 'Rappeler Mme Roux (janvier)', english: 'Call back Mr Smith', byHand: 'Rappeler M. Martin' };
let team = '';

const SKIP = browserSkipReason();
if (SKIP) it.skip(SKIP, () => undefined);

beforeAll(async () => {
  if (SKIP) return;
  mkdirSync(SHOTS, { recursive: true });
  seeded = await seedStore();
  // Cases take their opened date from the store's clock: a second store on the same file reads ours.
  store = await openStore(seeded.url, { clock: () => now });
  const facts = await store.messageFacts(WORKSPACE, { customerOnly: true });
  const fr = facts.find((f) => f.language === 'fr' && f.brand === null)!;
  const en = facts.find((f) => f.language === 'en' && f.brand === null)!;
  team = fr.team!;
  now = new Date(NOW.getTime() - 60 * DAY);
  await store.openCase(WORKSPACE, { messageId: fr.messageId, title: titles.early, actor: 'cli' });
  now = NOW;
  await store.openCase(WORKSPACE, { messageId: en.messageId, title: titles.english, actor: 'cli' });
  await store.openCase(WORKSPACE, { title: titles.byHand, team, actor: 'cli' });
  server = await serveDashboard({ store, workspaceId: WORKSPACE, clock: () => NOW });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await store?.close();
  await seeded?.cleanup();
});

const open = (locale: string, width = 1360) => openPage(browser, locale, width, { consoleErrors: true });

/** Waits until the cases page shows a hash containing `expected` and has rendered it. */
async function settled(page: Page, expected: string): Promise<void> {
  await page.waitForFunction((want) => location.hash.includes(want) && document.querySelector('main .page-cases .filter-bar') !== null
    && !document.querySelector('main .loading'), expected, { timeout: 15_000 });
}

function hashParams(page: Page): URLSearchParams {
  return new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '');
}

async function rowTitles(page: Page): Promise<string[]> {
  return (await page.locator('.cases-table tbody th a').allTextContents()).sort();
}

/**
 * What passes the right edge of a phone's viewport: the page's own width, and the elements sticking out
 * other than the insides of a table that scrolls in its own box (.table-wrap, itself within the page).
 */
async function rightOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = Array.from(document.querySelectorAll('body *'))
      .filter((el) => !el.parentElement?.closest('.table-wrap'))
      .filter((el) => { const r = el.getBoundingClientRect(); return (r.width > 0 || r.height > 0) && r.right > width + 0.5; })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`).slice(0, 10);
    const scroll = document.documentElement.scrollWidth;
    return scroll > width ? [`page: ${scroll} px`, ...out] : out;
  });
}

describe.skipIf(SKIP !== null)('the cases list under the shared filter bar', () => {
  for (const locale of ['fr-FR', 'en-US'] as const) {
    const w = WORDS[locale];

    it(`${locale}: language, status and period go into the URL, narrow the list and the figures, survive a reload`, async () => {
      const { context, page, errors } = await open(locale);
      await page.goto(`${server.url}/#/cases`);
      await settled(page, '#/cases');
      expect(await rowTitles(page)).toEqual(Object.values(titles).sort());
      expect(nbsp(await page.locator('.page-cases .result-count').textContent())).toBe(w.three);
      expect(nbsp(await page.locator('.cases-scope-hint').textContent())).toContain(w.hint);
      expect(await page.locator('.case-figures-scope').count()).toBe(0);

      await page.selectOption('#f-language', 'en');
      await settled(page, 'language=en');
      expect(await rowTitles(page)).toEqual([titles.english]);
      expect(nbsp(await page.locator('.page-cases .result-count').textContent())).toBe(w.one);
      // The figures follow: one case overall, and the note says what they cover.
      expect(nbsp(await page.locator('.case-figures tbody tr').first().locator('td').first().textContent())).toBe('1');
      expect(nbsp(await page.locator('.case-figures-scope').textContent())).toContain(w.scoped);

      // The list's own status filter joins the shared one in the URL.
      await page.selectOption('#c-status', 'open');
      await settled(page, 'status=open');
      expect(hashParams(page).get('language')).toBe('en');
      expect(await rowTitles(page)).toEqual([titles.english]);

      // A shared link: the team and the last 30 days (opened dates), loaded afresh.
      await page.goto(`${server.url}/#/cases?period=30d&team=${encodeURIComponent(team)}`);
      await page.reload();
      await settled(page, 'period=30d');
      expect(await page.locator('#f-period').inputValue()).toBe('30d');
      expect(await page.locator('#f-team').inputValue()).toBe(team);
      const api = (await (await fetch(`${server.url}/api/cases?period=30d&team=${encodeURIComponent(team)}`)).json()) as { cases: { title: string }[] };
      expect(api.cases.map((c) => c.title)).toContain(titles.byHand);
      expect(api.cases.map((c) => c.title)).not.toContain(titles.early);
      expect(await rowTitles(page)).toEqual(api.cases.map((c) => c.title).sort());
      await page.screenshot({ path: path.join(SHOTS, `cases-filtered-${locale}.png`), fullPage: true });
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`${locale}: nothing matches says so and clears every filter; the page holds at 390 px`, async () => {
      const { context, page, errors } = await open(locale, 390);
      await page.goto(`${server.url}/#/cases?status=open&language=en`);
      await settled(page, 'language=en');
      expect(await rightOverflow(page)).toEqual([]);
      // The quarter before the clock has no case opened in it.
      await page.selectOption('#f-period', 'last_quarter');
      await settled(page, 'period=last_quarter');
      await page.waitForSelector('.page-cases .no-match');
      expect(await page.locator('.no-match h2').textContent()).toBe(w.noMatch);
      expect(await page.locator('.cases-table').count()).toBe(0);
      expect(await page.locator('main .notice').count()).toBe(0); // not "no cases yet"
      expect(await rightOverflow(page)).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, `cases-no-match-${locale}-390.png`), fullPage: true });
      await page.locator('.no-match').getByRole('button', { name: w.clear }).click();
      await page.waitForSelector('.page-cases .cases-table');
      expect(new URL(page.url()).hash).toBe('#/cases');
      expect(await rowTitles(page)).toEqual(Object.values(titles).sort());
      expect(await page.locator('#f-period').inputValue()).toBe('');
      expect(await page.locator('#c-status').inputValue()).toBe('');
      expect(await rightOverflow(page)).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, `cases-${locale}-390.png`), fullPage: true });
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('a workspace without cases says "no cases yet", filtered or not, never "nothing matches"', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-nocases-'));
    const empty = await openStore(`sqlite:${path.join(dir, 'empty.db')}`);
    await empty.migrate();
    await empty.ensureWorkspace(WORKSPACE, 'Empty');
    const app = await serveDashboard({ store: empty, workspaceId: WORKSPACE, clock: () => NOW });
    try {
      for (const locale of ['fr-FR', 'en-US'] as const) {
        const { context, page, errors } = await open(locale);
        await page.goto(`${app.url}/#/cases`);
        await settled(page, '#/cases');
        expect(await page.locator('main .page-cases .notice').textContent()).toBe(WORDS[locale].none);
        await page.selectOption('#f-period', '7d');
        await settled(page, 'period=7d');
        expect(await page.locator('main .page-cases .notice').textContent()).toBe(WORDS[locale].none);
        expect(await page.locator('.no-match').count()).toBe(0);
        expect(errors).toEqual([]);
        await context.close();
      }
    } finally {
      await app.close();
      await empty.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
