/**
 * The empathy drills page with the shared filter bar, in a real headless Chromium against the real
 * server and reply coach, in French and English: a team or a language in the URL narrows the
 * participation and progress as GET /api/drills/progress does (this week's messages stay); a filter
 * that leaves no drill says "nothing matches" and clears, unlike the empty workspace's "no drill done
 * yet"; on a 390 px phone nothing passes the right edge.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/http-server.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { DRILL_NOW, DRILL_WS, seedDrills } from '../server/drill-fixtures.ts';
import { browserSkipReason, launchChromium, openPage } from './chromium.ts';
import { serveDashboard } from './serve-dashboard.ts';

const SKIP = browserSkipReason();
if (SKIP) it.skip(SKIP, () => undefined);

let dir: string;
let store: Store;
let server: RunningServer;
let browser: Browser;
let now = DRILL_NOW;

beforeAll(async () => {
  if (SKIP) return;
  dir = mkdtempSync(path.join(tmpdir(), 'ecoute-drills-filters-'));
  store = await openStore(`sqlite:${path.join(dir, 'drills.db')}`, { clock: () => now });
  await store.migrate();
  const ids = await seedDrills(store);
  server = await serveDashboard({ store, workspaceId: DRILL_WS, clock: () => now });
  const attempt = async (messageId: string, participant: string, team: string) => {
    const res = await fetch(`${server.url}/api/drills/attempts`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messageId, participant, team, emotions: ['frustration'], needs: ['resolution'], reply: 'Je comprends, je regarde cela tout de suite.' }) });
    expect(res.status).toBe(201);
  };
  // Ana (Paris) drills a French message, Bo (Lyon) an English one.
  await attempt(ids.customer[0], 'Ana', 'Paris');
  await attempt(ids.customer[4], 'Bo', 'Lyon');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const WORDS = {
  'fr-FR': { noMatch: 'Aucun résultat pour ces filtres', clear: 'Effacer les filtres', hint: /^Les filtres resserrent la participation et les progrès/ },
  'en-US': { noMatch: 'Nothing matches these filters', clear: 'Clear filters', hint: /^The filters narrow the participation and progress/ },
} as const;

const open = (locale: string, width = 1360) => openPage(browser, locale, width);

async function settled(page: Page, expected: string): Promise<void> {
  await page.waitForFunction((want) => location.hash.includes(want) && document.querySelector('main .page-drills .filter-bar') !== null
    && !document.querySelector('main .loading'), expected);
}
const participants = (page: Page) => page.locator('.drill-participants tbody tr > :first-child').allTextContents();

describe.skipIf(SKIP !== null)('empathy drills: the shared filter bar on participation and progress', () => {
  for (const locale of ['fr-FR', 'en-US'] as const) {
    const w = WORDS[locale];

    it(`${locale}: a team and a language narrow the progress as the API does; nothing matching says so and clears`, async () => {
      const { context, page, errors } = await open(locale);
      await page.goto(`${server.url}/#/drills`);
      await settled(page, '#/drills');
      expect(await page.locator('.drills-filter-hint').textContent()).toMatch(w.hint);
      expect(await participants(page)).toEqual(['Ana', 'Bo']);
      const scenarios = await page.locator('.page-drills section.card:has(.drill-form)').count();
      expect(scenarios).toBeGreaterThan(0);

      await page.selectOption('#f-team', 'Paris');
      await settled(page, 'team=Paris');
      expect(await participants(page)).toEqual(['Ana']);
      expect((await (await fetch(`${server.url}/api/drills/progress?team=Paris`)).json()).participantsList.map((p: { name: string }) => p.name)).toEqual(['Ana']);
      // This week's messages are not filtered.
      expect(await page.locator('.page-drills section.card:has(.drill-form)').count()).toBe(scenarios);

      await page.goto(`${server.url}/#/drills?language=en`);
      await settled(page, 'language=en');
      expect(await participants(page)).toEqual(['Bo']);

      await page.goto(`${server.url}/#/drills?team=Paris&language=en`);
      await settled(page, 'team=Paris&language=en');
      await page.waitForSelector('.page-drills .no-match');
      expect(await page.locator('.no-match h2').textContent()).toBe(w.noMatch);
      expect(await page.locator('.drill-participants').count()).toBe(0);
      await page.locator('.no-match').getByRole('button', { name: w.clear }).click();
      await page.waitForSelector('.page-drills .drill-participants');
      expect(new URL(page.url()).hash).toBe('#/drills');
      expect(await participants(page)).toEqual(['Ana', 'Bo']);
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`${locale}: on a 390 px phone, nothing passes the right edge`, async () => {
      const { context, page, errors } = await open(locale, 390);
      for (const hash of ['#/drills?team=Paris', '#/drills?period=last_quarter']) {
        await page.goto(`${server.url}/${hash}`);
        await settled(page, hash.slice(2));
        await page.waitForSelector('.page-drills .drill-progress-area > *');
        const overflow = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          const offenders: string[] = [];
          for (const el of Array.from(document.querySelectorAll('body *'))) {
            if (el.closest('.table-wrap, table') && !el.matches('.table-wrap')) continue;
            const rect = el.getBoundingClientRect();
            if (rect.width === 0 && rect.height === 0) continue;
            if (rect.right > width + 0.5) offenders.push(`${el.tagName.toLowerCase()}.${el.className} (${Math.round(rect.right)})`);
          }
          return { scrolls: document.documentElement.scrollWidth > width, offenders: offenders.slice(0, 10) };
        });
        expect(overflow, hash).toEqual({ scrolls: false, offenders: [] });
      }
      expect(await page.locator('.no-match').count()).toBe(1);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
