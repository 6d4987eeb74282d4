import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeInsights } from '../../src/insights/compute-insights.ts';
import { filterInsightsInput } from '../../src/insights/filter-input.ts';
import { InsightsWorkerHost } from '../../src/runtime/insights/insights-worker-host.ts';
import { loadInsightsInput } from '../../src/runtime/insights/load-insights-input.ts';
import { analysisOf, conversations, MODEL_VERSION, NOW, seedStore, TEMPLATES, WORKSPACE, type SeededStore } from '../server/fixtures.ts';

let seeded: SeededStore;
let host: InsightsWorkerHost;
beforeAll(async () => {
  seeded = await seedStore();
  host = new InsightsWorkerHost(seeded.url);
});
afterAll(async () => {
  await host?.close();
  await seeded?.cleanup();
});

/** What the main thread computes from a full load. */
async function fullyComputed(filter?: Parameters<typeof filterInsightsInput>[1]) {
  return computeInsights(filterInsightsInput(await loadInsightsInput(seeded.store, WORKSPACE, NOW), filter));
}

describe('InsightsWorkerHost', () => {
  it('computes in its worker what a full load computes, before and after an import batch and its analyses', async () => {
    expect(await host.compute(WORKSPACE, NOW)).toEqual(await fullyComputed());
    const source = await seeded.store.ensureSource(WORKSPACE, 'later', 'json');
    // The same conversations under new keys, a day later: every section moves.
    const more = conversations().slice(0, 40).map((c) => ({
      ...c,
      naturalKey: `later-${c.naturalKey}`,
      messages: c.messages.map((m) => ({ ...m, at: new Date(m.at.getTime() + 86_400_000) })),
    }));
    const written = await seeded.store.writeConversations(WORKSPACE, source, more);
    const pending = await seeded.store.pendingAnalysis(WORKSPACE, MODEL_VERSION, 10_000);
    await seeded.store.saveAnalyses(WORKSPACE, MODEL_VERSION, pending.map((p, k) => ({ messageId: p.messageId, analysis: analysisOf(TEMPLATES[k % TEMPLATES.length]) })));
    expect(written.newMessageIds.length).toBeGreaterThan(0);
    const after = await host.compute(WORKSPACE, NOW);
    expect(after).toEqual(await fullyComputed());
    expect(after.messages.total).toBeGreaterThan((await host.compute(WORKSPACE, NOW, { team: 'nobody' })).messages.total);
    expect(await host.compute(WORKSPACE, NOW, { channel: 'email' })).toEqual(await fullyComputed({ channel: 'email' }));
  });

  it('answers concurrent requests, those for the same view by one computation of the data as it is now', async () => {
    const later = new Date(NOW.getTime() + 3_600_000);
    const answers = await Promise.all([
      host.compute(WORKSPACE, NOW), host.compute(WORKSPACE, NOW, { channel: 'email' }), host.compute(WORKSPACE, later), host.compute(WORKSPACE, NOW),
    ]);
    expect(answers[1]).toEqual(await fullyComputed({ channel: 'email' }));
    // Whichever of the unfiltered requests queued behind the first share the latest clock asked.
    for (const a of [answers[0], answers[2], answers[3]]) expect({ ...a, generatedAt: null }).toEqual({ ...(await fullyComputed()), generatedAt: null });
    expect(answers[2].generatedAt).toBe(later.toISOString());
  });

  it('reports a database it cannot open as an error naming it, not a hang, and refuses work once closed', async () => {
    const broken = new InsightsWorkerHost('sqlite:/nonexistent-dir/x/y.db');
    await expect(broken.compute(WORKSPACE, NOW)).rejects.toThrow(/nonexistent-dir|open|database/i);
    await broken.close();
    await expect(broken.compute(WORKSPACE, NOW)).rejects.toThrow(/server is stopping/);
  });
});
