/**
 * The scorecards page with the shared filter bar, in a real headless Chromium against the real server
 * on loopback, in French and English: a team goes into the URL, narrows both tables as GET
 * /api/scorecards does, survives a reload and reaches the CSV links; an old link's from/to is the
 * custom range; a filter that leaves nothing says "nothing matches" and clears, while the value model
 * stays and says it is not filtered; a bad value is refused naming the parameter; on a 390 px phone
 * nothing passes the right edge (wide tables scroll inside themselves).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
let browser: Browser;

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

const WORDS = {
  'fr-FR': { lang: 'fr', noMatch: 'Aucun résultat pour ces filtres', clear: 'Effacer les filtres', hint: /^Les filtres resserrent les scorecards\. Période/, unfiltered: /^Le modèle de valeur reste calculé sur toutes les données/, noTeams: 'Aucune équipe sur la période.' },
  'en-US': { lang: 'en', noMatch: 'Nothing matches these filters', clear: 'Clear filters', hint: /^The filters narrow the scorecards\. Period/, unfiltered: /^The value model stays computed on all of the workspace’s data/, noTeams: 'No team in the period.' },
} as const;

const open = (locale: string, width = 1360) => openPage(browser, locale, width);

/** Waits until the hash holds `expected` and the page has rendered it with its filter bar. */
async function settled(page: Page, expected: string): Promise<void> {
  await page.waitForFunction((want) => location.hash.includes(want) && document.querySelector('main .page-learn .filter-bar') !== null
    && !document.querySelector('main .loading'), expected);
}

const api = async (qs: string): Promise<{ scorecards: { subject: string; rank: number | null }[] }> => (await fetch(`${server.url}/api/scorecards${qs}`)).json() as any;
const subjects = (page: Page, by: 'team' | 'agent') => page.locator(`table.scorecards.by-${by} tbody th`).allTextContents();

describe.skipIf(SKIP !== null)('scorecards: the shared filter bar', () => {
  for (const locale of ['fr-FR', 'en-US'] as const) {
    const w = WORDS[locale];

    it(`${locale}: a team narrows both tables as the API does, survives a reload and reaches the CSV; old from/to links are the custom range`, async () => {
      const { context, page, errors } = await open(locale);
      await page.goto(`${server.url}/#/learn`);
      await settled(page, '#/learn');
      expect(await page.locator('.learn-filter-hint').textContent()).toMatch(w.hint);
      expect(await page.locator('.learn-value-unfiltered').count()).toBe(0);
      const all = await api(`?by=team&lang=${w.lang}`);
      expect(await subjects(page, 'team')).toEqual(all.scorecards.map((c) => c.subject));

      await page.selectOption('#f-team', TEAM);
      await settled(page, `team=${encodeURIComponent(TEAM)}`);
      const teams = await api(`?by=team&lang=${w.lang}&team=${encodeURIComponent(TEAM)}`);
      const agents = await api(`?by=agent&lang=${w.lang}&team=${encodeURIComponent(TEAM)}`);
      expect(teams.scorecards.map((c) => c.subject)).toEqual([TEAM]);
      expect(await subjects(page, 'team')).toEqual([TEAM]);
      expect(await subjects(page, 'agent')).toEqual(agents.scorecards.map((c) => c.subject));
      expect(agents.scorecards.length).toBeLessThan((await api('?by=agent')).scorecards.length);
      const csv = await page.locator('.page-learn a[download]').first().getAttribute('href');
      expect(new URLSearchParams(csv!.split('?')[1]).get('team')).toBe(TEAM);
      // The value model is not filtered, and says so.
      expect(await page.locator('.learn-value-unfiltered').textContent()).toMatch(w.unfiltered);

      await page.reload();
      await settled(page, `team=${encodeURIComponent(TEAM)}`);
      expect(await page.locator('#f-team').inputValue()).toBe(TEAM);
      expect(await subjects(page, 'team')).toEqual([TEAM]);

      // A link with from/to (the page's older custom dates) is the bar's custom range.
      await page.goto(`${server.url}/#/learn?from=2026-11-10&to=2026-11-20`);
      await settled(page, 'from=2026-11-10');
      expect(await page.locator('#f-period').inputValue()).toBe('custom');
      expect(await page.locator('#f-from').inputValue()).toBe('2026-11-10');
      const ranged = await api(`?by=team&lang=${w.lang}&from=2026-11-10&to=2026-11-20`);
      expect(await subjects(page, 'team')).toEqual(ranged.scorecards.map((c) => c.subject));
      expect(ranged.scorecards.length).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`${locale}: nothing matching says so and clears (the value model stays); a bad value is refused naming the parameter`, async () => {
      const { context, page, errors } = await open(locale);
      // A what-if on the value model stays in the address while the filter changes and clears.
      await page.goto(`${server.url}/#/learn?saveRate=0.5&period=last_quarter`);
      await settled(page, 'period=last_quarter');
      await page.waitForSelector('.page-learn .no-match');
      expect(await page.locator('.no-match h2').textContent()).toBe(w.noMatch);
      expect(await page.locator('table.scorecards').count()).toBe(0);
      expect(await page.getByText(w.noTeams).count()).toBe(0);
      expect(await page.locator('table.value-lines').count()).toBe(1);
      expect(await page.inputValue('#v-saveRate')).toBe('50');
      await page.locator('.no-match').getByRole('button', { name: w.clear }).click();
      await page.waitForSelector('.page-learn table.scorecards.by-team');
      expect(new URL(page.url()).hash).toBe('#/learn?saveRate=0.5');
      expect(await page.locator('.no-match').count()).toBe(0);

      await page.goto(`${server.url}/#/learn?period=fortnight`);
      await page.waitForSelector('main .notice.error');
      expect(await page.locator('main .notice.error').textContent()).toContain('"period"');
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`${locale}: on a 390 px phone, filtered or not, nothing passes the right edge`, async () => {
      const { context, page, errors } = await open(locale, 390);
      for (const hash of ['#/learn', `#/learn?team=${encodeURIComponent(TEAM)}&channel=email`, '#/learn?period=last_quarter']) {
        await page.goto(`${server.url}/${hash}`);
        await settled(page, hash.slice(2));
        await page.waitForSelector('.page-learn table.value-lines');
        const overflow = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          const offenders: string[] = [];
          for (const el of Array.from(document.querySelectorAll('body *'))) {
            // Cells of a table that scrolls inside itself may lie past the edge; the table itself may not.
            if (el.closest('table') && el.tagName !== 'TABLE') continue;
            const rect = el.getBoundingClientRect();
            if (rect.width === 0 && rect.height === 0) continue;
            if (rect.right > width + 0.5) offenders.push(`${el.tagName.toLowerCase()}.${el.className} (${Math.round(rect.right)})`);
          }
          return { scrolls: document.documentElement.scrollWidth > width, offenders: offenders.slice(0, 10) };
        });
        expect(overflow, hash).toEqual({ scrolls: false, offenders: [] });
      }
      await page.screenshot({ path: path.join(SHOTS, `learn-filters-${locale}-390.png`), fullPage: true });
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
