/**
 * The view cache (here of the insights) over a real SQLite store and the real insights computation: one computation per
 * view and data version, the last 16 filters kept, and — for callers that send `Cache-Control:
 * max-stale` (the dashboard) — the last result at once while a newer one computes, so an import
 * committing batch after batch no longer makes every dashboard request wait.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeInsights } from '../../src/insights/compute-insights.ts';
import { filterInsightsInput, type InsightFilter } from '../../src/insights/filter-input.ts';
import type { Insights } from '../../src/insights/types.ts';
import { loadInsightsInput } from '../../src/runtime/insights/load-insights-input.ts';
import { createApp } from '../../src/server/create-app.ts';
import { FILTERED_CACHE_SIZE, ViewCache } from '../../src/server/view-cache.ts';
import { maxStaleMs } from '../../src/server/max-stale.ts';
import { NOW, seedStore, WORKSPACE, type SeededStore } from './fixtures.ts';

let seeded: SeededStore;
beforeAll(async () => {
  seeded = await seedStore();
});
afterAll(async () => {
  await seeded?.cleanup();
});

/** The real computation, counted, and held at a gate when the test closes it (to observe "while it runs"). */
function gatedComputer() {
  let gate: Promise<void> = Promise.resolve();
  let open: () => void = () => undefined;
  const state = {
    calls: 0,
    close() { gate = new Promise((r) => { open = r; }); },
    open() { open(); },
    compute: async (filter?: InsightFilter): Promise<Insights> => {
      state.calls++;
      const input = await loadInsightsInput(seeded.store, WORKSPACE, NOW);
      await gate;
      return computeInsights(filterInsightsInput(input, filter));
    },
  };
  return state;
}

/** Whether `promise` is still unsettled after `ms` (a request still waiting for its computation). */
async function stillWaiting(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return Promise.race([promise.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), ms))]);
}

let late = 0;
/** One more customer message: the data version moves on. */
async function addMessage(): Promise<void> {
  const source = await seeded.store.ensureSource(WORKSPACE, 'late', 'json');
  late++;
  await seeded.store.writeConversations(WORKSPACE, source, [
    { naturalKey: `late-${late}`, channel: 'chat', startedAt: NOW, surveys: [], messages: [{ role: 'customer', at: NOW, text: `Message arrivé après coup n° ${late}.`, language: 'fr' }] },
  ]);
}

describe('maxStaleMs', () => {
  it('reads the max-stale request directive, bare or with seconds, and nothing else', () => {
    expect(maxStaleMs(undefined)).toBe(0);
    expect(maxStaleMs('no-cache')).toBe(0);
    expect(maxStaleMs('max-stale=120')).toBe(120_000);
    expect(maxStaleMs('no-transform, Max-Stale = "30"')).toBe(30_000);
    expect(maxStaleMs('max-stale')).toBe(Infinity);
    expect(maxStaleMs('max-stale=soon')).toBe(0);
    expect(maxStaleMs('max-age=60')).toBe(0);
  });
});

describe('ViewCache (the insights)', () => {
  it('keeps the unfiltered view and the last 16 filters, least recently used dropped first', async () => {
    const g = gatedComputer();
    const cache = new ViewCache<Insights>(seeded.store, WORKSPACE, g.compute, () => NOW);
    await cache.get();
    for (let i = 0; i < 16; i++) await cache.get({ team: `t${i}` });
    expect(g.calls).toBe(17);
    await cache.get({ team: 't0' }); // kept, and now the most recent
    await cache.get();
    expect(g.calls).toBe(17);
    await cache.get({ team: 't16' }); // drops t1, the least recently used filter; never the unfiltered view
    expect(cache.keys()).toHaveLength(17);
    expect(cache.keys()).toContain('');
    expect(cache.keys()).toContain('team=t0');
    expect(cache.keys()).not.toContain('team=t1');
    await addMessage();
    const fresh = await cache.get({ team: 't0' });
    expect(g.calls).toBe(19);
    expect(fresh.messages.total).toBe(0); // team t0 does not exist: the filter was applied
  });

  it('shares one computation between concurrent requests and does not keep a failure', async () => {
    let calls = 0;
    const cache = new ViewCache<Insights>(seeded.store, WORKSPACE, async () => { calls++; await new Promise((r) => setTimeout(r, 50)); throw new Error('boom'); }, () => NOW);
    const [a, b] = [cache.get({ team: 'x' }), cache.get({ team: 'x' })];
    await expect(a).rejects.toThrow('boom');
    await expect(b).rejects.toThrow('boom');
    expect(calls).toBe(1);
    expect(cache.keys()).toEqual([]);
  });

  it('while a computation of newer data runs, answers a stale-accepting caller at once with the last result, and starts no second one', async () => {
    const g = gatedComputer();
    const cache = new ViewCache<Insights>(seeded.store, WORKSPACE, g.compute, () => NOW);
    const first = await cache.read(undefined, 60_000);
    expect(first.stale).toBe(false);
    await addMessage();
    g.close();
    const waiting = cache.read(); // no max-stale: waits for the data as it is now
    const stale = await cache.read(undefined, 60_000);
    expect(stale.stale).toBe(true);
    expect(stale.value.messages.total).toBe(first.value.messages.total);
    expect(stale.version).toBe(first.version);
    expect(g.calls).toBe(2);
    g.open();
    const fresh = await waiting;
    expect(fresh.stale).toBe(false);
    expect(fresh.value.messages.total).toBe(first.value.messages.total + 1);
    const after = await cache.read(undefined, 60_000);
    expect(after).toMatchObject({ stale: false, version: fresh.version });
    expect(g.calls).toBe(2);
  });

  it('with nothing running, computes the data as it is now even for a stale-accepting caller (a change just made shows)', async () => {
    const g = gatedComputer();
    // A wait long enough for any machine: what is tested is that the answer is the new computation's.
    const cache = new ViewCache<Insights>(seeded.store, WORKSPACE, g.compute, () => NOW, FILTERED_CACHE_SIZE, 60_000);
    const first = await cache.read(undefined, 60_000);
    await addMessage();
    const next = await cache.read(undefined, 60_000);
    expect(next.stale).toBe(false);
    expect(next.value.messages.total).toBe(first.value.messages.total + 1);
  });

  it('where the last computation was slow, waits for the one it starts only so long, then answers with the last result while it goes on', async () => {
    const g = gatedComputer();
    const cache = new ViewCache<Insights>(seeded.store, WORKSPACE, g.compute, () => NOW, FILTERED_CACHE_SIZE, 50);
    // The first computation takes longer than the 50 ms the cache waits: a large workspace's, say.
    g.close();
    setTimeout(() => g.open(), 120);
    const first = await cache.read(undefined, 60_000);
    await addMessage();
    g.close();
    const t0 = performance.now();
    const stale = await cache.read(undefined, 60_000);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(45);
    expect(stale).toMatchObject({ stale: true, version: first.version });
    expect(stale.value.messages.total).toBe(first.value.messages.total);
    expect(g.calls).toBe(2);
    // The computation it started goes on: others get the last result at once, and no second one starts.
    expect((await cache.read(undefined, 60_000)).stale).toBe(true);
    expect(g.calls).toBe(2);
    g.open();
    const fresh = await cache.read();
    expect(fresh.stale).toBe(false);
    expect(fresh.value.messages.total).toBe(first.value.messages.total + 1);
    expect(g.calls).toBe(2);
  });

  it('where the last computation was quick, waits for the one it starts however long it takes (a change just made shows)', async () => {
    const g = gatedComputer();
    const cache = new ViewCache<Insights>(seeded.store, WORKSPACE, g.compute, () => NOW, FILTERED_CACHE_SIZE, 1_000);
    const first = await cache.read(undefined, 60_000);
    await addMessage();
    g.close();
    const next = cache.read(undefined, 60_000);
    expect(await stillWaiting(next, 1_300)).toBe(true);
    g.open();
    expect(await next).toMatchObject({ stale: false });
    expect((await next).value.messages.total).toBe(first.value.messages.total + 1);
  });

  it('answers a caller that accepts no stale result only with the data as it is now, however long it takes', async () => {
    const g = gatedComputer();
    const cache = new ViewCache<Insights>(seeded.store, WORKSPACE, g.compute, () => NOW, FILTERED_CACHE_SIZE, 10);
    const first = await cache.read();
    await addMessage();
    g.close();
    const fresh = cache.read();
    expect(await stillWaiting(fresh, 200)).toBe(true);
    g.open();
    expect((await fresh).value.messages.total).toBe(first.value.messages.total + 1);
  });

  it('waits rather than answer with a result older than the caller accepts', async () => {
    const g = gatedComputer();
    let now = NOW.getTime();
    const cache = new ViewCache<Insights>(seeded.store, WORKSPACE, g.compute, () => new Date(now));
    const first = await cache.read();
    await addMessage();
    g.close();
    const running = cache.read();
    now += 90_000;
    const tooOld = cache.read(undefined, 60_000);
    expect(await stillWaiting(tooOld, 200)).toBe(true);
    g.open();
    expect((await tooOld).value.messages.total).toBe(first.value.messages.total + 1);
    await running;
  });
});

describe('GET /api/overview with Cache-Control: max-stale', () => {
  it('says when the figures were computed, and marks a stale answer', async () => {
    const g = gatedComputer();
    const app = createApp({ store: seeded.store, workspaceId: WORKSPACE, clock: () => NOW, webDir: path.resolve(import.meta.dirname, '../../web'), computeInsights: (_ws, f) => g.compute(f) });
    const first = await app.request('/api/overview', { headers: { 'cache-control': 'max-stale=300' } });
    expect(first.status).toBe(200);
    expect(first.headers.get('x-ecoute-insights-as-of')).toBe(NOW.toISOString());
    expect(first.headers.get('x-ecoute-insights-stale')).toBeNull();
    const before = (await first.json()).messages.total;
    await addMessage();
    g.close();
    const pending = app.request('/api/overview');
    const stale = await app.request('/api/overview', { headers: { 'cache-control': 'max-stale=300' } });
    expect(stale.headers.get('x-ecoute-insights-stale')).toBe('1');
    expect((await stale.json()).messages.total).toBe(before);
    g.open();
    const fresh = await pending;
    expect(fresh.headers.get('x-ecoute-insights-stale')).toBeNull();
    expect((await fresh.json()).messages.total).toBe(before + 1);
  });
});
