/**
 * The scorecards & value page in a real headless Chromium against the real server, in French and in
 * English: one row per team with the same figures as GET /api/scorecards (never a rank under the
 * minimum), the CSV link, and the value lines with their computations and every assumption's source.
 */
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/create-app.ts';
import { startServer, type RunningServer } from '../../src/server/http-server.ts';
import { NOW, seedStore, WORKSPACE, type SeededStore } from '../server/fixtures.ts';
import { browserSkipReason, CHROMIUM_PATH } from './chromium.ts';

const SKIP = browserSkipReason();
if (SKIP) it.skip(SKIP, () => undefined);

let seeded: SeededStore;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  if (SKIP) return;
  seeded = await seedStore();
  server = await startServer(createApp({ store: seeded.store, workspaceId: WORKSPACE, clock: () => NOW, webDir: path.resolve(import.meta.dirname, '../../web') }), { port: 0, host: '127.0.0.1' });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await seeded?.cleanup();
});

const EXPECT = {
  fr: { locale: 'fr-FR', nav: 'Scorecards et valeur', cards: 'Scorecards par équipe', unranked: 'non classé', total: 'Total', csv: 'Exporter en CSV', origin: /vos données|valeur par défaut/ },
  en: { locale: 'en-GB', nav: 'Scorecards & value', cards: 'Scorecards by team', unranked: 'not ranked', total: 'Total', csv: 'Export as CSV', origin: /your data|default/ },
} as const;

describe.skipIf(SKIP !== null)('scorecards & value page', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`shows every team's scorecard as the API computes it, and the value model with its sources (${lang})`, async () => {
      const want = EXPECT[lang];
      const api = (await (await fetch(`${server.url}/api/scorecards?by=team&lang=${lang}`)).json()) as { scorecards: { subject: string; rank: number | null }[] };
      const value = (await (await fetch(`${server.url}/api/value`)).json()) as { lines: unknown[]; assumptions: { source: Record<string, string> }[] };
      const context = await browser.newContext({ locale: want.locale });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.url}/#/overview`);
      await page.getByRole('link', { name: want.nav }).click();
      await page.waitForSelector('.page-learn table.scorecards');
      expect(await page.locator('.page-learn h2').first().textContent()).toBe(want.cards);
      const rows = page.locator('table.scorecards tbody tr');
      expect(await rows.count()).toBe(api.scorecards.length);
      expect(api.scorecards.length).toBeGreaterThan(0);
      for (const [i, card] of api.scorecards.entries()) {
        expect((await rows.nth(i).locator('th').textContent())).toBe(card.subject);
        expect(await rows.nth(i).locator('td').first().textContent()).toBe(card.rank === null ? want.unranked : String(card.rank));
      }
      expect(await page.getByRole('link', { name: want.csv }).getAttribute('href')).toContain('format=csv');
      expect(await page.locator('table.value-lines tbody tr').count()).toBe(value.lines.length + 2);
      expect(await page.locator('table.value-lines tr.total th').textContent()).toBe(want.total);
      expect(await page.locator('table.assumptions tbody tr').count()).toBe(value.assumptions.length);
      expect(await page.locator('table.assumptions td.source').first().textContent()).toBe(value.assumptions[0].source[lang]);
      expect(await page.locator('table.assumptions tbody tr td:nth-child(3)').first().textContent()).toMatch(want.origin);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
