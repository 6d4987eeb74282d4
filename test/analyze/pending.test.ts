import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.ts';
import type { AnalyzerModel } from '../../src/analyze/model.ts';
import type { ConversationInput } from '../../src/core/conversation.ts';
import { analyzePending } from '../../src/runtime/analysis/analyze-pending.ts';
import { loadModel } from '../../src/runtime/analysis/load-model.ts';
import { openStore } from '../../src/store/open-store.ts';

let model: AnalyzerModel;
beforeAll(async () => { model = await loadModel(); });

const TEXTS = [
  "Mon colis est en retard, c'est inadmissible",
  'Merci beaucoup, livraison parfaite !',
  'Flight cancelled again, still no refund',
];

function conversation(i: number): ConversationInput {
  const at = new Date(Date.UTC(2026, 0, 1, 0, i));
  return {
    naturalKey: `c-${i}`, channel: 'ticket', startedAt: at, surveys: [],
    messages: [{ role: 'customer', at, text: TEXTS[i % TEXTS.length] }, { role: 'agent', at, text: 'Bonjour, nous regardons.' }],
  };
}

describe('analyzePending', () => {
  it('analyses every pending customer message once, for the model version, with progress', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoute-pending-'));
    const store = await openStore(`sqlite:${join(dir, 'e.db')}`);
    try {
      await store.ensureWorkspace('w');
      const source = await store.ensureSource('w', 'csv', 'csv');
      await store.writeConversations('w', source, Array.from({ length: 7 }, (_, i) => conversation(i)));
      // A temporary analysis written by another version (e.g. at ingest) must be replaced.
      const first = await store.pendingAnalysis('w', 'temporary', 2);
      await store.saveAnalyses('w', 'temporary', first.map((p) => ({ messageId: p.messageId, analysis: analyze('', { model }) })));
      const progress: number[] = [];
      const n = await analyzePending(store, 'w', model, { workers: 1, batchSize: 3, onProgress: (done) => progress.push(done) });
      expect(n).toBe(7);
      expect(progress.at(-1)).toBe(7);
      expect(await store.pendingAnalysis('w', model.version, 10)).toEqual([]);
      expect(await analyzePending(store, 'w', model, { workers: 1 })).toBe(0);
      const facts = await store.messageFacts('w');
      const customer = facts.filter((f) => f.analysis);
      expect(customer).toHaveLength(7);
      for (const f of customer) expect(f.analysis).toEqual(analyze(f.text, { model, customer: true }));
    } finally {
      await store.close();
    }
  });

  it("reads a message either language could have written in the workspace's language", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoute-pending-'));
    const store = await openStore(`sqlite:${join(dir, 'e.db')}`);
    try {
      for (const language of ['fr', 'en'] as const) {
        const ws = await store.ensureWorkspace(language);
        await store.updateWorkspaceSettings(language, { ...ws.settings, language });
        const source = await store.ensureSource(language, 'csv', 'csv');
        const at = new Date(Date.UTC(2026, 0, 1));
        await store.writeConversations(language, source, [{
          naturalKey: 'c', channel: 'ticket', startedAt: at, surveys: [], messages: [{ role: 'customer', at, text: 'Facture incorrecte' }],
        }]);
        expect(await analyzePending(store, language, model, { workers: 1 })).toBe(1);
        const [fact] = await store.messageFacts(language);
        expect(fact.analysis?.language).toBe(language);
      }
    } finally {
      await store.close();
    }
  });
});
