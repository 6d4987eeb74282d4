/**
 * Refreshing insights after an import batch, before and after incremental facts: a workspace of
 * 100,000 messages (the cached bench database, copied so it is left as it was) gains batches of 1,000
 * messages (250 conversations, their customer messages analysed, as import-writer.ts writes them); after
 * each, the insights are brought up to date (1) as before, loading every fact again and computing,
 * (2) from the facts held in memory, reading only what the batch changed (IncrementalFacts), then
 * computing, (3) the same with the phrases of texts seen before kept, (4) with those, each
 * unchanged day's tallies and each unchanged customer's profile and risk kept (InsightsMemo: phrase-memo.ts,
 * day-sections.ts, customer-memo.ts, customers-at-risk.ts, competitors.ts, compliments.ts), as `ecoute serve` computes now. All give the same insights (checked on the last batch). `--postgres URL` runs the same on a PostgreSQL database (a fresh schema, filled through the
 * store; dropped afterwards).
 * Then (SQLite) the dashboard while an import runs (dashboard-during-import.ts), the server computing
 * insights as `ecoute serve` did before (a one-shot worker loading every fact per computation) and as it
 * does now (one worker holding the facts, reading what changed): the "fresh only" row is how long a
 * request waits for figures of the data as it is now.
 * Run: `npm run bench -- incremental` or `tsx scripts/bench/incremental-insights.ts [--messages N] [--batches N]
 * [--batch-days D (batches dated over the last D days, 364 by default; 1: live traffic on the newest day)] [--import-seconds S (0: skip)]
 * [--clients N] [--postgres URL]`.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import pg from 'pg';
import type { Analysis } from '../../src/core/analysis.ts';
import type { MessageFact } from '../../src/core/facts.ts';
import { computeInsights, newInsightsMemo } from '../../src/insights/compute-insights.ts';
import { discoverThemes } from '../../src/insights/discovered-themes.ts';
import { PhraseMemo } from '../../src/insights/phrase-memo.ts';
import { readWrittenMessages } from '../data/written-messages.ts';
import type { Insights } from '../../src/insights/types.ts';
import { computeInsightsInWorker } from '../../src/runtime/insights/compute-insights-in-worker.ts';
import { IncrementalFacts } from '../../src/runtime/insights/incremental-facts.ts';
import { InsightsWorkerHost } from '../../src/runtime/insights/insights-worker-host.ts';
import { loadInsightsInput } from '../../src/runtime/insights/load-insights-input.ts';
import { createApp } from '../../src/server/create-app.ts';
import { DEFAULT_LIMITS } from '../../src/server/guards.ts';
import { startServer } from '../../src/server/http-server.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { BENCH_END, BENCH_MODEL_VERSION, BENCH_WORKSPACE, benchDatabaseFile, buildBenchDatabase } from './bench-database.ts';
import { measureDuringImport } from './dashboard-during-import.ts';
import { summarize } from './latencies.ts';
import { syntheticConversation } from './synthetic-data.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '100000' }, batches: { type: 'string', default: '5' },
    'batch-messages': { type: 'string', default: '1000' }, postgres: { type: 'string' },
    'import-seconds': { type: 'string', default: '15' }, clients: { type: 'string', default: '8' },
    'batch-days': { type: 'string', default: '364' },
  },
});
const MESSAGES = Number(values.messages);
const BATCHES = Number(values.batches);
const BATCH_CONVERSATIONS = Math.ceil(Number(values['batch-messages']) / 4);
const SPAN_DAYS = 364;
const START = new Date(BENCH_END.getTime() - SPAN_DAYS * 86_400_000);
/** Batches are dated over the last BATCH_DAYS days: the whole year (a backfill), or the newest day (live traffic: writeBatch). */
const BATCH_DAYS = Math.min(SPAN_DAYS, Math.max(1, Number(values['batch-days'])));
const WS = BENCH_WORKSPACE;

/** Writes `count` synthetic conversations from number `from`, then analyses their customer messages. */
async function writeBatch(store: Store, source: string, from: number, count: number, days = SPAN_DAYS): Promise<number> {
  const batch = [];
  const byText = new Map<string, Analysis>();
  // Live traffic (one day) arrives on the data's newest day, the day BENCH_END begins (conversations
  // started before it spill into it), each conversation started in its first 22 hours so that none
  // spills into the next: the day a server receives its messages. A longer span is a backfill.
  const live = days === 1;
  const start = live ? BENCH_END : new Date(START.getTime() + (SPAN_DAYS - days) * 86_400_000);
  for (let i = from; i < from + count; i++) {
    const { conversation, analyses } = syntheticConversation(i, start, live ? 22 / 24 : days, Math.max(50, Math.floor(MESSAGES / 48)));
    conversation.naturalKey = `incremental-${i}`;
    batch.push(conversation);
    conversation.messages.filter((m) => m.role === 'customer').forEach((m, k) => byText.set(m.text, analyses[k]));
  }
  const written = await store.writeConversations(WS, source, batch);
  const pending = await store.pendingAnalysis(WS, BENCH_MODEL_VERSION, count * 8);
  await store.saveAnalyses(WS, BENCH_MODEL_VERSION, pending.flatMap((p) => (byText.has(p.text) ? [{ messageId: p.messageId, analysis: byText.get(p.text)! }] : [])));
  return written.newMessageIds.length;
}

/** Fills a PostgreSQL schema with `MESSAGES` messages through the store, as bench-database.ts does for SQLite. */
async function fillPostgres(store: Store): Promise<void> {
  const source = await store.ensureSource(WS, 'synthetic', 'bench');
  const t0 = performance.now();
  for (let from = 0; from < MESSAGES / 4; from += 2500) {
    await writeBatch(store, source, from, Math.min(2500, MESSAGES / 4 - from));
    process.stderr.write(`\rfilling PostgreSQL: ${((from + 2500) * 4).toLocaleString('en')} messages (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  process.stderr.write('\n');
}

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const out = await fn();
  return [out, performance.now() - t];
}

async function run(store: Store, label: string): Promise<void> {
  const counts = await store.counts(WS);
  const source = await store.ensureSource(WS, 'incremental-bench', 'bench');
  const facts = new IncrementalFacts(store, WS);
  const heap0 = process.memoryUsage().heapUsed;
  const [firstInput, first] = await time(() => facts.input(BENCH_END));
  // What holding the facts costs (the copy handed to the caller included; a rough figure without a forced GC).
  const heldMb = (process.memoryUsage().heapUsed - heap0) / 1e6;
  console.log(`${label}: ${counts.messages.toLocaleString('en')} messages; first load into memory ${first.toFixed(0)} ms, heap +${heldMb.toFixed(0)} MB`);
  // What IncrementalInsights keeps between computations, filled by a first one as a server's first page
  // does: each text's phrases, each day's tallies and each customer's profile and risk; the phrases alone, as before.
  const memo = newInsightsMemo();
  const phrasesOnly = { phrases: new PhraseMemo() };
  const [, firstCompute] = await time(async () => computeInsights(firstInput, memo));
  computeInsights(firstInput, phrasesOnly);
  console.log(`  first computation ${firstCompute.toFixed(0)} ms (with an empty memo)`);
  const rows: Record<'fullLoad' | 'deltaLoad' | 'compute' | 'heldCompute' | 'phrasesCompute' | 'memoCompute', number[]> = { fullLoad: [], deltaLoad: [], compute: [], heldCompute: [], phrasesCompute: [], memoCompute: [] };
  const recounted: number[] = [];
  const refolded: number[] = [];
  let fitsKept = 0;
  let same = true;
  for (let b = 0; b < BATCHES; b++) {
    const added = await writeBatch(store, source, 50_000_000 + b * BATCH_CONVERSATIONS, BATCH_CONVERSATIONS, BATCH_DAYS);
    const [full, fullLoad] = await time(() => loadInsightsInput(store, WS, BENCH_END));
    const [held, deltaLoad] = await time(() => facts.input(BENCH_END));
    if (facts.lastRefresh !== 'delta') throw new Error(`batch ${b + 1}: expected a delta refresh, got ${facts.lastRefresh}`);
    const [insights, compute] = await time(async () => computeInsights(full));
    // The held facts without a memo, with the kept phrases, and with phrases and day tallies, in a
    // rotating order, so none always pays for the garbage another left.
    let kept: Insights | undefined;
    const runs: Record<string, () => Promise<void>> = {
      memo: async () => {
        const [k, ms] = await time(async () => computeInsights(held, memo));
        kept = k;
        rows.memoCompute.push(ms);
        recounted.push(memo.days.messages.last.counted / (memo.days.messages.last.counted + memo.days.messages.last.reused));
        refolded.push(memo.customers.last.counted / (memo.customers.last.counted + memo.customers.last.reused));
        if (memo.personas.last.reused) fitsKept++;
      },
      phrases: async () => { rows.phrasesCompute.push((await time(async () => computeInsights(held, phrasesOnly)))[1]); },
      none: async () => { rows.heldCompute.push((await time(async () => computeInsights(held)))[1]); },
    };
    const order = ['memo', 'phrases', 'none'];
    for (let k = 0; k < 3; k++) await runs[order[(b + k) % 3]]();
    rows.fullLoad.push(fullLoad);
    rows.deltaLoad.push(deltaLoad);
    rows.compute.push(compute);
    const asJson = (x: Insights) => JSON.parse(JSON.stringify(x)) as unknown;
    if (b === BATCHES - 1) same = isDeepStrictEqual(asJson(computeInsights(held)), asJson(insights)) && isDeepStrictEqual(asJson(kept!), asJson(insights));
    process.stderr.write(`\rbatch ${b + 1}/${BATCHES}: +${added} customer messages to analyse`);
  }
  process.stderr.write('\n');
  const p50 = (xs: number[]) => summarize(xs.slice()).p50;
  const fmt = (v: number) => `${v.toFixed(0).padStart(6)} ms`;
  console.log(`refresh after a batch of ${BATCH_CONVERSATIONS * 4} messages dated over the last ${BATCH_DAYS} day(s) (median of ${BATCHES})`);
  console.log(`  full reload + compute:  load ${fmt(p50(rows.fullLoad))}  + compute ${fmt(p50(rows.compute))}  = ${fmt(p50(rows.fullLoad) + p50(rows.compute))}`);
  console.log(`  delta read + compute:   load ${fmt(p50(rows.deltaLoad))}  + compute ${fmt(p50(rows.heldCompute))}  = ${fmt(p50(rows.deltaLoad) + p50(rows.heldCompute))}`);
  console.log(`  delta read + compute, phrases of texts seen before kept:  load ${fmt(p50(rows.deltaLoad))}  + compute ${fmt(p50(rows.phrasesCompute))}  = ${fmt(p50(rows.deltaLoad) + p50(rows.phrasesCompute))}`);
  console.log(`  now: phrases, unchanged days' tallies (sections, brands, compliments) and unchanged customers' profiles and risks kept:  load ${fmt(p50(rows.deltaLoad))}  + compute ${fmt(p50(rows.memoCompute))}  = ${fmt(p50(rows.deltaLoad) + p50(rows.memoCompute))}; days counted again ${(100 * p50(recounted)).toFixed(0)} %, customers ${(100 * p50(refolded)).toFixed(0)} %, personas' fit kept after ${fitsKept} of ${BATCHES} batches`);
  console.log(`  same insights as a full load: ${same ? 'yes' : 'NO'}`);
  if (!same) process.exitCode = 1;
}

/**
 * Theme discovery, most of a computation, on MESSAGES distinct texts: the synthetic conversations repeat
 * a few hundred sentences, which one computation already extracts once each, so they understate what
 * keeping each text's phrases saves on real messages. The texts are the project's written messages
 * (data/written-messages), each numbered to make it distinct; then batches of 1,000 arrive, three times.
 */
function discoveryOnDistinctTexts(): void {
  const written = readWrittenMessages();
  const facts: MessageFact[] = Array.from({ length: MESSAGES + 3000 }, (_, i) => {
    const m = written[i % written.length];
    return {
      messageId: `d${i}`, conversationId: `d${i}`, customerId: null, customerRef: null, customerName: null, segment: null,
      customerValue: null, channel: 'email', brand: null, team: null, agent: null, role: 'customer',
      at: new Date(START.getTime() + i * 1000), language: m.lang, text: `${m.text} #${i}`, analysis: null,
    };
  });
  const timed = (fn: () => unknown) => {
    const t = performance.now();
    fn();
    return performance.now() - t;
  };
  const before = facts.slice(0, MESSAGES);
  const memo = new PhraseMemo();
  const without = [0, 1, 2].map(() => timed(() => discoverThemes(before)));
  // What the kept phrases cost, when the heap can be measured after a collection (node --expose-gc).
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const first = timed(() => discoverThemes(before, { memo }));
  gc?.();
  const memoMb = gc ? `heap +${((process.memoryUsage().heapUsed - heap0) / 1e6).toFixed(0)} MB for the kept phrases` : 'heap: run with NODE_OPTIONS=--expose-gc';
  // A sliding window: each time 1,000 new texts arrive and the 1,000 oldest leave.
  const after = [1, 2, 3].map((b) => timed(() => discoverThemes(facts.slice(b * 1000, MESSAGES + b * 1000), { memo })));
  const p50 = (xs: number[]) => summarize(xs.slice()).p50.toFixed(0);
  console.log(`\ntheme discovery on ${MESSAGES.toLocaleString('en')} distinct texts (written messages, numbered), median of 3:`);
  console.log(`  every text extracted: ${p50(without)} ms; with the phrases kept: first ${first.toFixed(0)} ms, after a batch of 1,000 new texts ${p50(after)} ms; ${memoMb}`);
}

/** The dashboard during an import, insights computed by `compute` (the server otherwise as `ecoute serve` builds it). */
async function duringImport(store: Store, file: string, label: string, compute: () => Promise<Insights>): Promise<void> {
  const app = createApp({
    store, workspaceId: WS, clock: () => BENCH_END, webDir: path.join(ROOT, 'web'), computeInsights: compute,
    limits: { ...DEFAULT_LIMITS, requestsPerMinute: 0 },
  });
  const server = await startServer(app, { port: 0, host: '127.0.0.1' });
  try {
    const [, warm] = await time(() => fetch(`${server.url}/api/overview`).then((r) => r.arrayBuffer()));
    console.log(`\n${label}: first overview ${warm.toFixed(0)} ms`);
    await measureDuringImport(server.url, store, WS, file, Number(values['import-seconds']), Number(values.clients));
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  if (values.postgres) {
    const schema = `bench_incr_${process.pid}`;
    const store = await openStore(values.postgres, { schema });
    try {
      await fillPostgres(store);
      await run(store, 'PostgreSQL');
    } finally {
      await store.close();
      const client = new pg.Client({ connectionString: values.postgres });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`).finally(() => client.end());
    }
    return;
  }
  const cached = benchDatabaseFile(ROOT, MESSAGES);
  mkdirSync(path.dirname(cached), { recursive: true });
  if (!existsSync(cached)) await buildBenchDatabase(cached, MESSAGES);
  // A copy: the batches written here stay out of the cached database other benchmarks reuse. Named by
  // process, so two runs side by side do not replace each other's copy mid-run.
  const file = cached.replace(/\.db$/, `.incremental-${process.pid}.db`);
  // A write-ahead log left by an interrupted run belongs to the old copy: beside the new one it reads as corruption.
  for (const side of ['-wal', '-shm']) rmSync(file + side, { force: true });
  copyFileSync(cached, file);
  const store = await openStore(`sqlite:${file}`);
  try {
    await run(store, 'SQLite');
    discoveryOnDistinctTexts();
    if (Number(values['import-seconds']) > 0) {
      const url = `sqlite:${file}`;
      await duringImport(store, file, 'before: one-shot insights worker (full load per computation)', () => computeInsightsInWorker(url, WS, BENCH_END));
      const host = new InsightsWorkerHost(url);
      try {
        await duringImport(store, file, 'after: persistent insights worker (facts held, delta reads)', () => host.compute(WS, BENCH_END));
      } finally {
        await host.close();
      }
    }
  } finally {
    await store.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }
}

await main();
