/**
 * The EX → CX lag table of the employees & customers page in a real headless Chromium against the
 * real server: the plain too-few warning first, a row per measure pair with r, interval and n for
 * each lag (the same figures as GET /api/ex-cx), and the published anchors with a claim labelled as
 * one, in French and in English.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/http-server.ts';
import { employeeAnswers, NOW, seedStore, WORKSPACE, type SeededStore } from '../server/fixtures.ts';
import { browserSkipReason, launchChromium } from './chromium.ts';
import { serveDashboard } from './serve-dashboard.ts';

const SKIP = browserSkipReason();
if (SKIP) it.skip(SKIP, () => undefined);

let seeded: SeededStore;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  if (SKIP) return;
  seeded = await seedStore();
  // Monthly pulses over the five months before the fixtures' conversations: EX months that lead CX.
  const months = [5, 4, 3, 2, 1].map((k) => new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() - k, 15)));
  const pulses = months.flatMap((at, m) => employeeAnswers().map((a, i) => ({
    ...a, naturalKey: `pulse-${m}-${i}`, period: at.toISOString().slice(0, 7), at, enps: Math.max(0, Math.min(10, (a.enps ?? 5) + ((m + i) % 3) - 1)),
  })));
  await seeded.store.writeEmployeeAnswers(WORKSPACE, await seeded.store.ensureSource(WORKSPACE, 'pulses', 'csv'), pulses);
  server = await serveDashboard({ store: seeded.store, workspaceId: WORKSPACE, clock: () => NOW });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await seeded?.cleanup();
});

const EXPECT = {
  fr: { locale: 'fr-FR', title: 'Dans le temps', warning: '⚠ Trop peu de données pour conclure', col: '+6 mois', claim: 'affirmation', pair: 'eNPS → CSAT' },
  en: { locale: 'en-GB', title: 'Over time', warning: '⚠ Too few data to conclude anything', col: '+6 mo', claim: 'claim', pair: 'eNPS → CSAT' },
} as const;

describe.skipIf(SKIP !== null)('employees & customers: EX → CX over time', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`shows the warning, the lag table with intervals and n, and the anchors (${lang})`, async () => {
      const want = EXPECT[lang];
      const api = (await (await fetch(`${server.url}/api/ex-cx`)).json()) as { lags: { correlations: { ex: string; cx: string; lag: number; r: number | null; withinR: number | null; n: number; ci: { low: number; high: number } | null }[]; warning: { fr: string; en: string } } };
      const context = await browser.newContext({ locale: want.locale });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.url}/#/ex-cx`);
      await page.waitForSelector('.page-ex-cx .lag-table');
      expect(await page.locator('.page-ex-cx h2', { hasText: want.title }).count()).toBe(1);
      expect((await page.locator('.excx-warning').textContent())?.replace(/\u202f|\u00a0/g, ' ')).toBe(`⚠ ${api.lags.warning[lang]}`.replace(/\u202f|\u00a0/g, ' '));
      expect(await page.locator('.excx-warning').textContent()).toContain(want.warning);
      expect(await page.locator('.lag-table thead th').last().textContent()).toBe(want.col);
      const pairs = new Set(api.lags.correlations.filter((c) => c.n > 0).map((c) => `${c.ex}:${c.cx}`));
      expect(await page.locator('.lag-table tbody tr').count()).toBe(pairs.size);
      // One computed cell checked against the API: r with two decimals, its interval and n.
      const c = api.lags.correlations.find((x) => x.ex === 'enps' && x.cx === 'csat' && x.r !== null && x.ci !== null)!;
      expect(c, 'the fixtures give eNPS → CSAT a computed r').toBeDefined();
      const row = page.locator('.lag-table tbody tr', { has: page.locator('th', { hasText: want.pair }) });
      // Spaces and minus signs as plain ASCII, whichever the locale's formatter uses.
      const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ').replace(/\u2212/g, '-');
      const cell = plain((await row.locator('td').nth(c.lag).textContent())!);
      expect(cell.startsWith(plain(new Intl.NumberFormat(want.locale, { maximumFractionDigits: 2 }).format(c.r!)))).toBe(true);
      expect(cell).toContain(`(n = ${c.n})`);
      // The within-team r follows, when two teams have two pairs or more.
      const withinCells = await page.locator('.lag-table .within').count();
      expect(withinCells).toBeGreaterThan(0);
      expect(withinCells).toBe(api.lags.correlations.filter((x) => x.r !== null && x.withinR !== null && pairs.has(`${x.ex}:${x.cx}`)).length);
      const anchors = page.locator('.anchors li');
      expect(await anchors.count()).toBe(3);
      expect(await page.locator('.anchors .anchor-claim strong').textContent()).toBe(want.claim);
      expect(await anchors.first().textContent()).toContain('Gallup');
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
