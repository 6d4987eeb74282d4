/**
 * The scorecards & value page in a real headless Chromium against the real server, in French and in
 * English: one row per team and one per agent with the same figures as GET /api/scorecards (never a
 * rank under the minimum), the CSV links, the value lines with their computations and every
 * assumption's source, and an assumption changed in the page (recomputed by the server, kept in the
 * address; a bad figure refused with the server's message).
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/http-server.ts';
import { NOW, seedStore, WORKSPACE, type SeededStore } from '../server/fixtures.ts';
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
  server = await serveDashboard({ store: seeded.store, workspaceId: WORKSPACE, clock: () => NOW });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await seeded?.cleanup();
});

const EXPECT = {
  fr: {
    locale: 'fr-FR', nav: 'Scorecards et valeur', cards: 'Scorecards par équipe', agents: 'Scorecards par agent', unranked: 'non classé', total: 'Total', csv: 'Exporter en CSV',
    origin: /vos données|valeur par défaut/, user: 'saisie par vous', recompute: 'Recalculer', refused: /^Calcul refusé : Assumption "saveRate" is a share from 0 to 1, not 1\.5/, reset: 'Revenir aux valeurs de départ',
  },
  en: {
    locale: 'en-GB', nav: 'Scorecards & value', cards: 'Scorecards by team', agents: 'Scorecards by agent', unranked: 'not ranked', total: 'Total', csv: 'Export as CSV',
    origin: /your data|default/, user: 'set by you', recompute: 'Recompute', refused: /^Not recomputed: Assumption "saveRate" is a share from 0 to 1, not 1\.5/, reset: 'Back to the starting figures',
  },
} as const;

interface ApiCard { subject: string; rank: number | null; metrics: Record<string, { n: number; weight: number }> }
const getApi = async (p: string) => (await fetch(`${server.url}${p}`)).json();

describe.skipIf(SKIP !== null)('scorecards & value page', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`shows every team's and agent's scorecard as the API computes it, and the value model with its sources, editable (${lang})`, async () => {
      const want = EXPECT[lang];
      const api = (await getApi(`/api/scorecards?by=team&lang=${lang}`)) as { scorecards: ApiCard[] };
      const agents = (await getApi(`/api/scorecards?by=agent&lang=${lang}`)) as { scorecards: ApiCard[]; minSample: number };
      const value = (await getApi('/api/value')) as { lines: unknown[]; assumptions: { source: Record<string, string> }[] };
      const context = await browser.newContext({ locale: want.locale });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.url}/#/overview`);
      await page.getByRole('link', { name: want.nav }).click();
      await page.waitForSelector('.page-learn table.scorecards.by-agent');
      expect(await page.locator('.page-learn h2').first().textContent()).toBe(want.cards);
      expect(await page.locator('.page-learn h2').nth(1).textContent()).toBe(want.agents);
      const rows = page.locator('table.scorecards.by-team tbody tr');
      expect(await rows.count()).toBe(api.scorecards.length);
      expect(api.scorecards.length).toBeGreaterThan(0);
      for (const [i, card] of api.scorecards.entries()) {
        expect((await rows.nth(i).locator('th').textContent())).toBe(card.subject);
        expect(await rows.nth(i).locator('td').first().textContent()).toBe(card.rank === null ? want.unranked : String(card.rank));
      }
      // Agents: the same rows and ranks as the API, and never a rank with a weighted figure under the minimum.
      const agentRows = page.locator('table.scorecards.by-agent tbody tr');
      expect(agents.scorecards.length).toBeGreaterThan(0);
      expect(await agentRows.count()).toBe(agents.scorecards.length);
      for (const [i, card] of agents.scorecards.entries()) {
        expect(await agentRows.nth(i).locator('th').textContent()).toBe(card.subject);
        expect(await agentRows.nth(i).locator('td').first().textContent()).toBe(card.rank === null ? want.unranked : String(card.rank));
        if (card.rank !== null) for (const f of Object.values(card.metrics)) if (f.weight > 0) expect(f.n).toBeGreaterThanOrEqual(agents.minSample);
      }
      expect(await page.getByRole('link', { name: want.csv }).nth(0).getAttribute('href')).toContain('by=team&format=csv');
      expect(await page.getByRole('link', { name: want.csv }).nth(1).getAttribute('href')).toContain('by=agent&format=csv');
      expect(await page.locator('table.value-lines tbody tr').count()).toBe(value.lines.length + 2);
      expect(await page.locator('table.value-lines tr.total th').textContent()).toBe(want.total);
      expect(await page.locator('table.assumptions tbody tr').count()).toBe(value.assumptions.length);
      expect(await page.locator('table.assumptions td.source').first().textContent()).toBe(value.assumptions[0].source[lang]);
      expect(await page.locator('table.assumptions tbody tr td:nth-child(3)').first().textContent()).toMatch(want.origin);

      // Change an assumption in the page: the server recomputes, the address keeps it.
      await page.fill('#v-saveRate', '50');
      await page.getByRole('button', { name: want.recompute }).click();
      await page.waitForFunction(() => location.hash === '#/learn?saveRate=0.5');
      await page.waitForSelector('table.assumptions');
      const saveRow = page.locator('table.assumptions tbody tr', { has: page.locator('#v-saveRate') });
      await saveRow.locator('td', { hasText: want.user }).waitFor();
      expect(await page.inputValue('#v-saveRate')).toBe('50');
      const edited = (await getApi('/api/value?saveRate=0.5')) as { lines: { computation: string }[] };
      expect(await page.locator('table.value-lines tbody tr:not(.total):not(.muted) code').allTextContents()).toEqual(edited.lines.map((l) => l.computation));
      // A share above 100 % is refused with the server's message; the page keeps the last good figures.
      await page.fill('#v-saveRate', '150');
      await page.getByRole('button', { name: want.recompute }).click();
      const refused = page.locator('.value-form [role="alert"]');
      await refused.waitFor();
      expect(await refused.textContent()).toMatch(want.refused);
      expect(await page.evaluate(() => location.hash)).toBe('#/learn?saveRate=0.5');
      await page.getByRole('link', { name: want.reset }).click();
      await page.waitForFunction(() => location.hash === '#/learn');
      await page.locator('table.assumptions td', { hasText: want.user }).waitFor({ state: 'detached' });
      expect(await page.inputValue('#v-saveRate')).not.toBe('50');
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
