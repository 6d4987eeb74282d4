import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeInsights } from '../../src/insights/compute-insights.ts';
import { computeInsightsInWorker, workerCanShare } from '../../src/runtime/insights/compute-insights-in-worker.ts';
import { loadInsightsInput } from '../../src/runtime/insights/load-insights-input.ts';
import { NOW, seedStore, WORKSPACE, type SeededStore } from './fixtures.ts';

let seeded: SeededStore;
beforeAll(async () => {
  seeded = await seedStore();
});
afterAll(async () => {
  await seeded?.cleanup();
});

describe('computeInsightsInWorker', () => {
  it('computes in a worker thread exactly what the main thread computes', async () => {
    const inWorker = await computeInsightsInWorker(seeded.url, WORKSPACE, NOW);
    const here = computeInsights(await loadInsightsInput(seeded.store, WORKSPACE, NOW));
    expect(inWorker.messages.total).toBeGreaterThan(0);
    expect(inWorker).toEqual(here);
  });

  it('reports a database it cannot open as an error, not a hang', async () => {
    await expect(computeInsightsInWorker('sqlite:/nonexistent-dir/x/y.db', WORKSPACE, NOW)).rejects.toThrow();
  });

  it('knows an in-memory database cannot be shared with a worker', () => {
    expect(workerCanShare('sqlite::memory:')).toBe(false);
    expect(workerCanShare('sqlite:./ecoute.db')).toBe(true);
    expect(workerCanShare('postgres://u:p@localhost/db')).toBe(true);
  });
});
