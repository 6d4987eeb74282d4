/**
 * Full-text search latency of the listening station, and whether a search holds up other requests.
 * Builds (once, cached) a synthetic corpus (search-corpus.ts) in SQLite (.tmp/bench-search-<N>.db) and,
 * when BENCH_DATABASE_URL names a PostgreSQL server, in its schema bench_search_<N>; starts the real
 * server on loopback and measures, per store:
 *   1. GET /api/messages?q=… p50/p95 per term, one request at a time;
 *   2. GET /api/health p50/p99 every 20 ms while CLIENTS clients send searches back to back.
 * Target: search p95 < 100 ms, health p99 < 100 ms while searching.
 * Run: `npx tsx scripts/bench/search-latency.ts`; env BENCH_SEARCH_N (messages, default 200000),
 * BENCH_SEARCH_REQUESTS (per term, default 30), BENCH_SEARCH_SECONDS (concurrent phase, default 10),
 * BENCH_DATABASE_URL (postgres://…, optional), BENCH_SEARCH_STORES (default "sqlite,postgres"),
 * BENCH_SEARCH_WORKERS=0 (SQLite searches on the server's own thread, as before listening workers).
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DEFAULT_LIMITS } from '../../src/server/guards.ts';
import { startServer } from '../../src/server/http-server.ts';
import { createApp } from '../../src/server/create-app.ts';
import { listeningOffThread } from '../../src/runtime/listening/listening-workers.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { BENCH_END, BENCH_WS, fillSearchCorpus } from './search-corpus.ts';
import { percentile } from './latencies.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const N = Number(process.env.BENCH_SEARCH_N ?? 200_000);
const REQUESTS = Number(process.env.BENCH_SEARCH_REQUESTS ?? 30);
const SECONDS = Number(process.env.BENCH_SEARCH_SECONDS ?? 10);
const PG_URL = process.env.BENCH_DATABASE_URL;
const STORES = (process.env.BENCH_SEARCH_STORES ?? 'sqlite,postgres').split(',');
const WORKERS = process.env.BENCH_SEARCH_WORKERS !== '0';
const CLIENTS = 4;

/**
 * The searches timed: [name, query string]. Folding makes "ARRIVÉ ABÎMÉ" match "arrivé abîmé". The
 * listening station searches customer messages (migration 015 indexes them apart); a 2-letter term
 * matches word starts ("ab": abîmé), longer ones any substring.
 */
const SEARCHES: [string, string][] = [
  ['common', 'q=je%20suis'],
  ['in replies, not customers', 'q=votre%20demande'],
  ['medium (3 %)', 'q=facture'],
  ['rare (0.03 %)', 'q=remboursement'],
  ['absent', 'q=zzyzx'],
  ['accented, upper case', `q=${encodeURIComponent('ARRIVÉ ABÎMÉ')}`],
  ['3 letters', 'q=tar'],
  ['2 letters, common', 'q=ab'],
  ['2 letters, absent', 'q=zq'],
  ['medium + other theme', 'q=facture&theme=delay'],
  ['medium + channel', 'q=facture&channel=email'],
  ['2 letters + other theme', 'q=ab&theme=delay'],
  ['in replies + channel', 'q=votre%20demande&channel=email'],
  ['common + theme', 'q=je%20suis&theme=delay'],
];

const fmt = (v: number) => v.toFixed(1).padStart(8);

async function timed(url: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
  return performance.now() - t;
}

/** Opens the SQLite corpus of N messages, building it first (into a temp file, then renamed) if missing. */
async function sqliteStore(): Promise<Store> {
  const file = path.join(ROOT, `.tmp/bench-search-${N}.db`);
  mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(file)) {
    const tmp = `${file}.building`;
    for (const ext of ['', '-wal', '-shm']) rmSync(`${tmp}${ext}`, { force: true });
    const store = await openStore(`sqlite:${tmp}`);
    try {
      await fillSearchCorpus(store, N, tmp);
    } finally {
      await store.close();
    }
    renameSync(tmp, file);
  }
  return openStore(`sqlite:${file}`);
}

function sqliteUrl(): string {
  return `sqlite:${path.join(ROOT, `.tmp/bench-search-${N}.db`)}`;
}

/** Opens the PostgreSQL corpus (schema bench_search_N), rebuilding it when missing or incomplete. */
async function postgresStore(url: string): Promise<Store> {
  const schema = `bench_search_${N}`;
  const t0 = performance.now();
  const store = await openStore(url, { schema });
  // Opening applies pending migrations: on an existing corpus, 011 builds the trigram index.
  console.log(`\npostgres: opened (migrations included) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if ((await store.counts(BENCH_WS)).messages >= N) return store;
  await store.close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
  const fresh = await openStore(url, { schema });
  await fillSearchCorpus(fresh, N, `${url} schema ${schema}`);
  await fresh.close();
  const opened = await openStore(url, { schema });
  const client2 = new pg.Client({ connectionString: url });
  await client2.connect();
  try {
    await client2.query(`analyze ${schema}.messages`); // fresh statistics, as autovacuum would give later
  } finally {
    await client2.end();
  }
  return opened;
}

async function bench(name: string, opened: Store, url: string): Promise<void> {
  const counts = await opened.counts(BENCH_WS);
  // As `ecoute serve` does: on SQLite, listening-station queries in worker threads (unless WORKERS=0).
  const listening = WORKERS ? listeningOffThread(opened, url) : { store: opened, close: async () => undefined };
  const store = listening.store;
  // Insights are not what is measured: they never compute here, so they take no CPU.
  const app = createApp({ store, workspaceId: BENCH_WS, clock: () => BENCH_END, webDir: path.join(ROOT, 'web'), computeInsights: () => new Promise(() => undefined),
    // No rate limit: every request comes from this one address on purpose.
    limits: { ...DEFAULT_LIMITS, requestsPerMinute: 0 } });
  const server = await startServer(app, { port: 0, host: '127.0.0.1' });
  const base = `${server.url}/api/messages?limit=20&`;
  try {
    console.log(`\n${name}: ${counts.messages.toLocaleString('en')} messages; up to ${REQUESTS} sequential requests per search (ms)`);
    console.log(`${'search'.padEnd(26)}${'total'.padStart(8)}${'p50'.padStart(8)}${'p95'.padStart(8)}${'max'.padStart(8)}`);
    for (const [label, query] of SEARCHES) {
      const first = (await (await fetch(`${base}${query}`)).json()) as { total: number; totalCapped: boolean };
      const times: number[] = [];
      const t0 = performance.now();
      for (let i = 0; i < REQUESTS && (i < 5 || performance.now() - t0 < 15_000); i++) times.push(await timed(`${base}${query}`));
      times.sort((a, b) => a - b);
      const total = `${first.total}${first.totalCapped ? '+' : ''}`;
      console.log(`${label.padEnd(26)}${total.padStart(8)}${fmt(percentile(times, 50))}${fmt(percentile(times, 95))}${fmt(times[times.length - 1])}`);
    }

    // Concurrent phase: CLIENTS search loops, and a health probe every 20 ms.
    const stopAt = performance.now() + SECONDS * 1000;
    const searchTimes: number[] = [];
    const healthTimes: number[] = [];
    const client = async (k: number) => {
      for (let i = k; performance.now() < stopAt; i++) searchTimes.push(await timed(`${base}${SEARCHES[i % SEARCHES.length][1]}`));
    };
    const probe = async () => {
      while (performance.now() < stopAt) {
        healthTimes.push(await timed(`${server.url}/api/health`));
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    await Promise.all([...Array.from({ length: CLIENTS }, (_, k) => client(k)), probe()]);
    searchTimes.sort((a, b) => a - b);
    healthTimes.sort((a, b) => a - b);
    console.log(`${CLIENTS} concurrent search clients for ${SECONDS} s: ${searchTimes.length} searches, p50 ${percentile(searchTimes, 50).toFixed(1)} p95 ${percentile(searchTimes, 95).toFixed(1)} max ${searchTimes[searchTimes.length - 1].toFixed(1)} ms`);
    console.log(`GET /api/health meanwhile: ${healthTimes.length} probes, p50 ${percentile(healthTimes, 50).toFixed(1)} p99 ${percentile(healthTimes, 99).toFixed(1)} max ${healthTimes[healthTimes.length - 1].toFixed(1)} ms`);
  } finally {
    await server.close();
    await listening.close();
  }
}

async function main(): Promise<void> {
  for (const name of STORES) {
    if (name === 'postgres' && !PG_URL) {
      console.log('\npostgres: skipped (set BENCH_DATABASE_URL=postgres://… to run it)');
      continue;
    }
    const store = name === 'postgres' ? await postgresStore(PG_URL!) : await sqliteStore();
    try {
      await bench(name, store, name === 'postgres' ? PG_URL! : sqliteUrl());
    } finally {
      await store.close();
    }
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exitCode = 1;
});
