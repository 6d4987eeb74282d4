/**
 * "What to fix first" on the overview, in a real headless Chromium, shows a discovered theme as a cause
 * — marked as discovered, with the emotions its customers feel and a link to read them — next to the
 * built-in causes, in French and English.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationInput } from '../../src/core/conversation.ts';
import type { RunningServer } from '../../src/server/http-server.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { analysis } from '../insights/fixtures.ts';
import { browserSkipReason, launchChromium } from './chromium.ts';
import { serveDashboard } from './serve-dashboard.ts';

const WS = 'overview-discovered';
const NOW = new Date('2026-11-20T12:00:00Z');
const SKIP = browserSkipReason();
if (SKIP) it.skip(SKIP, () => undefined);
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

let dir: string;
let store: Store;
let server: RunningServer;
let browser: Browser;

/** Conversation i: planted loyalty-card complaints (detractors, frustrated) or calm thanks (promoters). */
function conversation(i: number, planted: boolean): ConversationInput {
  const at = new Date(Date.UTC(2026, 10, 2 + (i % 10), 9, i));
  return {
    naturalKey: `t-${i}`, externalId: `T${i}`, channel: 'email', team: 'Paris', agent: 'Léa',
    customer: { externalId: `c-${i}` }, startedAt: at,
    messages: [{ role: 'customer', at, language: 'fr', text: planted
      ? `Ma carte de fidélité bloquée depuis ${i + 2} jours, impossible de payer en magasin.`
      : `Tout s'est bien passé pour la commande numéro ${i}, merci.` }],
    surveys: [{ kind: 'nps', score: planted ? (i % 5 === 0 ? 8 : 2) : 10, at: new Date(at.getTime() + 3_600_000) }],
  };
}

beforeAll(async () => {
  if (SKIP) return;
  dir = mkdtempSync(path.join(tmpdir(), 'ecoute-overview-discovered-'));
  store = await openStore(`sqlite:${path.join(dir, 'db.sqlite')}`);
  await store.ensureWorkspace(WS, 'Test');
  const source = await store.ensureSource(WS, 'fixtures', 'json');
  // 10 planted (8 detractors, 2 passives), 10 calm promoters.
  await store.writeConversations(WS, source, Array.from({ length: 20 }, (_, i) => conversation(i, i < 10)));
  const pending = await store.pendingAnalysis(WS, 'v1', 1000);
  await store.saveAnalyses(WS, 'v1', pending.map((p) => ({
    messageId: p.messageId,
    analysis: analysis(p.text.includes('fidélité') ? { sentiment: 'negative', emotions: ['frustration'] } : { sentiment: 'positive', emotions: ['joy'] }),
  })));
  server = await serveDashboard({ store, workspaceId: WS, clock: () => NOW });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(SKIP !== null)('overview: discovered themes in "what to fix first"', () => {
  it('ranks the discovered theme with its emotions inside, in French then English', async () => {
    const overview = await (await fetch(`${server.url}/api/overview`)).json();
    const [cause] = overview.fixFirst;
    // 8 of its 10 conversations are detractors, none of the other 10: difference 0.8, impact 0.8 × 10/20 = 0.4.
    expect(cause).toMatchObject({ kind: 'discovered', name: { fr: 'carte fidélité bloquée' }, withN: 10, withBad: 8, impact: 0.4, emotions: [{ label: 'frustration', share: 1 }] });

    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/#/overview`);
    const item = page.locator('.fix-list .fix-item').first();
    await item.waitFor();
    expect(plain(await item.locator('h3').textContent())).toBe('carte fidélité bloquée (thème découvert)');
    expect(plain(await item.locator('.fix-felt').textContent())).toBe('Ce que ressentent ces clients : Frustration 100 %');
    expect(plain(await item.locator('.impact-value').textContent())).toBe('40 %');
    expect(await item.getByRole('link').getAttribute('href')).toBe(`#/listen?q=${encodeURIComponent(cause.terms[0])}`);

    await page.selectOption('#lang-select', 'en');
    await page.locator('.fix-list .fix-item h3', { hasText: 'discovered theme' }).waitFor();
    expect(plain(await item.locator('h3').textContent())).toBe('carte fidélité bloquée (discovered theme)');
    expect(plain(await item.locator('.fix-felt').textContent())).toBe('What these customers feel: Frustration 100%');
    // The link reads the customers' own words in the listening station.
    await item.getByRole('link').click();
    await page.waitForSelector('.page-listen');
    expect(await page.locator('.page-listen').textContent()).toContain('carte de fidélité bloquée');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
