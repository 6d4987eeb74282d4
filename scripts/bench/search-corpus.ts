/**
 * The search benchmark's corpus: the dashboard benchmark's synthetic conversations (synthetic-data.ts),
 * analysed, plus one rare customer message every RARE_EVERY conversations. The phrase banks make every
 * word either common or absent; the rare messages give search a term with a few hundred matches, the
 * case where a plan that walks messages newest first and filters each one reads the whole table.
 */
import type { Analysis } from '../../src/core/analysis.ts';
import type { Store } from '../../src/store/store.ts';
import { syntheticConversation } from './synthetic-data.ts';

/** The benchmark workspace. */
export const BENCH_WS = 'bench';
/** "Now" of the corpus: its messages span the year before. */
export const BENCH_END = new Date('2026-11-16T00:00:00Z');
/** Words of the rare messages, for the benchmark's "rare" term. */
export const RARE_TEXT = 'Remboursement intégral attendu';

const MODEL_VERSION = 'bench-synthetic-1';
const MESSAGES_PER_CONVERSATION = 4;
const BATCH = 2_500;
const SPAN_DAYS = 364;
const RARE_EVERY = 1_000;

/** Writes about `messages` messages into `store` through the store API, reporting progress on stderr. */
export async function fillSearchCorpus(store: Store, messages: number, label: string): Promise<void> {
  const conversations = Math.ceil(messages / MESSAGES_PER_CONVERSATION);
  const customers = Math.max(50, Math.floor(conversations / 12));
  const start = new Date(BENCH_END.getTime() - SPAN_DAYS * 86_400_000);
  const t0 = performance.now();
  await store.ensureWorkspace(BENCH_WS, 'Benchmark');
  const source = await store.ensureSource(BENCH_WS, 'synthetic', 'bench');
  for (let from = 0; from < conversations; from += BATCH) {
    const batch = [];
    const byText = new Map<string, Analysis>();
    for (let i = from; i < Math.min(conversations, from + BATCH); i++) {
      const { conversation, analyses } = syntheticConversation(i, start, SPAN_DAYS, customers);
      if (i % RARE_EVERY === 0) {
        const last = conversation.messages[conversation.messages.length - 1];
        conversation.messages.push({ role: 'customer', at: new Date(last.at.getTime() + 60_000), text: `${RARE_TEXT} (commande ${i}).`, language: 'fr' });
      }
      batch.push(conversation);
      conversation.messages.filter((m) => m.role === 'customer').forEach((m, k) => analyses[k] && byText.set(m.text, analyses[k]));
    }
    await store.writeConversations(BENCH_WS, source, batch);
    const pending = await store.pendingAnalysis(BENCH_WS, MODEL_VERSION, BATCH * (MESSAGES_PER_CONVERSATION + 1));
    const known = pending.filter((p) => byText.has(p.text));
    await store.saveAnalyses(BENCH_WS, MODEL_VERSION, known.map((p) => ({ messageId: p.messageId, analysis: byText.get(p.text)! })));
    const done = Math.min(conversations, from + BATCH) * MESSAGES_PER_CONVERSATION;
    process.stderr.write(`\rbuilding ${label}: ${done.toLocaleString('en')} messages (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  process.stderr.write('\n');
}
