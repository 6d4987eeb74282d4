/**
 * The benchmarks' synthetic SQLite database (bench-dashboard.ts, api-load.ts): built once through the
 * real store API in large batches (into a temp file, then renamed, so an interrupted build is never
 * reused) and cached under .tmp/, one file per size.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Analysis } from '../../src/core/analysis.ts';
import { openStore } from '../../src/store/open-store.ts';
import { syntheticConversation } from './synthetic-data.ts';

export const BENCH_WORKSPACE = 'bench';
export const BENCH_MODEL_VERSION = 'bench-synthetic-1';
/** The clock of the synthetic data: a year of conversations up to this day. */
export const BENCH_END = new Date('2026-11-16T00:00:00Z');
const SPAN_DAYS = 364;
const MESSAGES_PER_CONVERSATION = 4;
const BATCH = 2_500;

/** The cached database file for `messages` messages under `root`. */
export function benchDatabaseFile(root: string, messages: number): string {
  return path.resolve(root, messages === 1_000_000 ? '.tmp/bench-1m.db' : `.tmp/bench-${messages}.db`);
}

/** Writes `targetMessages` synthetic messages (half of them analysed customer messages) into `file`. */
export async function buildBenchDatabase(file: string, targetMessages: number): Promise<void> {
  const tmp = `${file}.building`;
  rmSync(tmp, { force: true });
  const store = await openStore(`sqlite:${tmp}`);
  const conversations = Math.ceil(targetMessages / MESSAGES_PER_CONVERSATION);
  const customers = Math.max(50, Math.floor(conversations / 12));
  const start = new Date(BENCH_END.getTime() - SPAN_DAYS * 86_400_000);
  const t0 = performance.now();
  try {
    await store.ensureWorkspace(BENCH_WORKSPACE, 'Benchmark');
    const source = await store.ensureSource(BENCH_WORKSPACE, 'synthetic', 'bench');
    for (let from = 0; from < conversations; from += BATCH) {
      const batch = [];
      const byText = new Map<string, Analysis>();
      for (let i = from; i < Math.min(conversations, from + BATCH); i++) {
        const { conversation, analyses } = syntheticConversation(i, start, SPAN_DAYS, customers);
        batch.push(conversation);
        conversation.messages.filter((m) => m.role === 'customer').forEach((m, k) => byText.set(m.text, analyses[k]));
      }
      await store.writeConversations(BENCH_WORKSPACE, source, batch);
      const pending = await store.pendingAnalysis(BENCH_WORKSPACE, BENCH_MODEL_VERSION, BATCH * MESSAGES_PER_CONVERSATION);
      await store.saveAnalyses(BENCH_WORKSPACE, BENCH_MODEL_VERSION, pending.map((p) => ({ messageId: p.messageId, analysis: byText.get(p.text)! })));
      const done = Math.min(conversations, from + BATCH) * MESSAGES_PER_CONVERSATION;
      process.stderr.write(`\rbuilding ${file}: ${done.toLocaleString('en')} messages (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
    process.stderr.write('\n');
  } finally {
    await store.close();
  }
  renameSync(tmp, file);
  for (const ext of ['-wal', '-shm']) if (existsSync(`${tmp}${ext}`)) renameSync(`${tmp}${ext}`, `${file}${ext}`);
  console.log(`built ${file} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
