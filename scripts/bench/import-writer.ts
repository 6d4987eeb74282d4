/**
 * The import side of the dashboard-during-import benchmark, in its own process as `ecoute ingest` would
 * be: writes synthetic conversations (with their analyses) into a SQLite file batch after batch, a
 * pause between batches, until SIGTERM or `--batches` are done. Each batch moves the data version on.
 * It prints `import ID` first: the parent undoes that import afterwards, so the cached database is left as it was.
 * Run by bench-dashboard.ts: `tsx scripts/bench/import-writer.ts --db FILE --from N --batch 500 --pause-ms 500`.
 */
import { parseArgs } from 'node:util';
import type { Analysis } from '../../src/core/analysis.ts';
import { openStore } from '../../src/store/open-store.ts';
import { syntheticConversation } from './synthetic-data.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' }, ws: { type: 'string', default: 'bench' }, model: { type: 'string', default: 'bench-synthetic-1' },
    from: { type: 'string', default: '10000000' }, batch: { type: 'string', default: '500' }, 'pause-ms': { type: 'string', default: '500' },
    batches: { type: 'string', default: '1000000' },
  },
});
if (!values.db) throw new Error('import-writer: --db FILE is required');
const END = new Date('2026-11-16T00:00:00Z');
const SPAN_DAYS = 364;
const batch = Number(values.batch);
const store = await openStore(`sqlite:${values.db}`);
try {
  const source = await store.ensureSource(values.ws!, 'bench-import', 'bench');
  const start = new Date(END.getTime() - SPAN_DAYS * 86_400_000);
  const importId = await store.beginImport(values.ws!, source, { sha256: `bench-${process.pid}-${Date.now()}`, fileName: 'bench-import', bytes: 0 });
  process.stdout.write(`import ${importId}\n`);
  let stop = false;
  process.on('SIGTERM', () => { stop = true; });
  let next = Number(values.from);
  for (let b = 0; b < Number(values.batches) && !stop; b++) {
    const conversations = [];
    const byText = new Map<string, Analysis>();
    for (let i = 0; i < batch; i++, next++) {
      const { conversation, analyses } = syntheticConversation(next, start, SPAN_DAYS, 5_000);
      conversation.naturalKey = `import-${next}`;
      conversations.push(conversation);
      conversation.messages.filter((m) => m.role === 'customer').forEach((m, k) => byText.set(m.text, analyses[k]));
    }
    await store.writeConversations(values.ws!, source, conversations, importId);
    const pending = await store.pendingAnalysis(values.ws!, values.model!, batch * 8);
    await store.saveAnalyses(values.ws!, values.model!, pending.flatMap((p) => (byText.has(p.text) ? [{ messageId: p.messageId, analysis: byText.get(p.text)! }] : [])));
    process.stdout.write(`batch ${b + 1}\n`);
    await new Promise((r) => setTimeout(r, Number(values['pause-ms'])));
  }
  await store.finishImport(values.ws!, importId, next - Number(values.from), true);
} finally {
  await store.close();
}
