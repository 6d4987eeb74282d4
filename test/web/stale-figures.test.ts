/**
 * While new data arrives and the insights are being recomputed, the dashboard (in a real headless
 * Chromium) shows the last figures at once with a note that says how old they are, and a button that
 * shows the latest once they are ready — in French and English.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationInput } from '../../src/core/conversation.ts';
import { computeInsights } from '../../src/insights/compute-insights.ts';
import { filterInsightsInput } from '../../src/insights/filter-input.ts';
import { loadInsightsInput } from '../../src/runtime/insights/load-insights-input.ts';
import type { RunningServer } from '../../src/server/http-server.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { browserSkipReason, launchChromium } from './chromium.ts';
import { serveDashboard } from './serve-dashboard.ts';

const WS = 'stale-figures';
const NOW = new Date('2026-11-20T12:00:00Z');
const SKIP = browserSkipReason();
if (SKIP) it.skip(SKIP, () => undefined);

let dir: string;
let store: Store;
let server: RunningServer;
let browser: Browser;
// The real computation, held at a gate while the test looks at the page.
let gate: Promise<void> = Promise.resolve();
let openGate: () => void = () => undefined;

function conversation(i: number): ConversationInput {
  const at = new Date(Date.UTC(2026, 10, 2 + (i % 10), 9, i));
  return { naturalKey: `s-${i}`, channel: 'email', startedAt: at, surveys: [], messages: [{ role: 'customer', at, language: 'fr', text: `Message numéro ${i}, merci.` }] };
}

async function add(from: number, n: number): Promise<void> {
  const source = await store.ensureSource(WS, 'fixtures', 'json');
  await store.writeConversations(WS, source, Array.from({ length: n }, (_, i) => conversation(from + i)));
}

beforeAll(async () => {
  if (SKIP) return;
  dir = mkdtempSync(path.join(tmpdir(), 'ecoute-stale-'));
  store = await openStore(`sqlite:${path.join(dir, 'db.sqlite')}`);
  await store.ensureWorkspace(WS, 'Test');
  await add(0, 5);
  server = await serveDashboard({
    store, workspaceId: WS, clock: () => NOW,
    computeInsights: async (ws, filter) => {
      const input = await loadInsightsInput(store, ws, NOW);
      await gate;
      return computeInsights(filterInsightsInput(input, filter));
    },
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const total = async () => (await (await fetch(`${server.url}/api/overview`)).json()).messages.total as number;

describe.skipIf(SKIP !== null)('dashboard while the figures are recomputed', () => {
  for (const [locale, note, button] of [
    ['fr-FR', /De nouvelles données arrivent : ces chiffres datent de \d\d:\d\d et se recalculent\./, 'Afficher les plus récents'],
    ['en-GB', /New data is arriving: these figures are from \d\d:\d\d and are being recomputed\./, 'Show the latest'],
  ] as const) {
    it(`shows the last figures with a note, then the latest on request (${locale})`, async () => {
      const before = await total();
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.url}/#/overview`);
      await page.locator('.kpi, .card').first().waitFor();
      expect(await page.locator('.stale-note').count()).toBe(0);

      await add(100 + before, 3);
      gate = new Promise((r) => { openGate = r; });
      const fresh = total(); // an API caller without max-stale starts the recomputation and waits for it
      await page.locator('#lang-select').selectOption(locale.slice(0, 2)); // re-renders the page: its requests accept stale figures
      const shown = page.locator('.stale-note');
      await shown.waitFor();
      expect((await shown.textContent())?.replace(/[\u00a0\u202f]/g, ' ')).toMatch(note);

      openGate();
      expect(await fresh).toBe(before + 3);
      await shown.getByRole('button', { name: button }).click();
      await page.locator('.stale-note').waitFor({ state: 'detached' });
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
