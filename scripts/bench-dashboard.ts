/**
 * Dashboard latency benchmark: builds (once, cached in .tmp/bench-1m.db) a SQLite database with
 * 1,000,000 messages, starts the real server on loopback and measures p50/p95/p99 of every API route
 * and of every page (index.html plus the JSON it needs). The one-time insights warm-up is reported
 * separately. Target: p95 < 300 ms. Then the overview while an import runs in a second process,
 * without and with `Cache-Control: max-stale` (bench/dashboard-during-import.ts). Run:
 * `npm run bench:dashboard` (options: --messages N --requests N --import-seconds S (0: skip) --clients N).
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { InsightsWorkerHost } from '../src/runtime/insights/insights-worker-host.ts';
import { DEFAULT_LIMITS } from '../src/server/guards.ts';
import { startServer } from '../src/server/http-server.ts';
import { createApp } from '../src/server/create-app.ts';
import { openStore } from '../src/store/open-store.ts';
import type { Store } from '../src/store/store.ts';
import { measureDuringImport } from './bench/dashboard-during-import.ts';
import { summarize, type Timing } from './bench/latencies.ts';
import { BENCH_END, BENCH_WORKSPACE, benchDatabaseFile, buildBenchDatabase } from './bench/bench-database.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WS = BENCH_WORKSPACE;
const END = BENCH_END;

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '1000000' }, requests: { type: 'string', default: '50' }, db: { type: 'string' },
    'import-seconds': { type: 'string', default: '20' }, clients: { type: 'string', default: '8' },
  },
});
const targetMessages = Number(values.messages);
const requests = Number(values.requests);
const dbFile = values.db ? path.resolve(ROOT, values.db) : benchDatabaseFile(ROOT, targetMessages);


/** Times up to `n` sequential runs of `fn` (ms) after one untimed run; stops early past `budgetMs`. */
async function measure(fn: () => Promise<void>, n: number, budgetMs = 20_000): Promise<Timing> {
  await fn();
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < n && (i < 5 || performance.now() - start < budgetMs); i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return summarize(times);
}

async function fetchOk(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  return res.headers.get('content-type')?.includes('json') ? res.json() : res.text();
}

async function main(): Promise<void> {
  mkdirSync(path.dirname(dbFile), { recursive: true });
  if (!existsSync(dbFile)) await buildBenchDatabase(dbFile, targetMessages);
  else console.log(`reusing ${dbFile} (delete it to rebuild)`);
  const store: Store = await openStore(`sqlite:${dbFile}`);
  const counts = await store.counts(WS);
  console.log(`messages: ${counts.messages.toLocaleString('en')} (customer ${counts.customerMessages.toLocaleString('en')}, analysed ${counts.analysed.toLocaleString('en')}), conversations ${counts.conversations.toLocaleString('en')}, customers ${counts.customers.toLocaleString('en')}`);

  const mem0 = process.memoryUsage().rss;
  const tWarm = performance.now();
  // As `ecoute serve` does: insights are computed in a worker thread holding the facts, the event loop stays free.
  const insightsHost = new InsightsWorkerHost(`sqlite:${dbFile}`);
  const app = createApp({
    store, workspaceId: WS, clock: () => END, webDir: path.join(ROOT, 'web'),
    computeInsights: () => insightsHost.compute(WS, END),
    // No rate limit: every request comes from this one address on purpose.
    limits: { ...DEFAULT_LIMITS, requestsPerMinute: 0 },
  });
  const server = await startServer(app, { port: 0, host: '127.0.0.1' });
  const base = server.url;
  try {
    const tHealth = performance.now();
    await fetchOk(`${base}/api/health`);
    const healthDuringWarmUp = performance.now() - tHealth;
    await fetchOk(`${base}/api/overview`);
    const warm = performance.now() - tWarm;
    console.log(`GET /api/health while insights warm up: ${healthDuringWarmUp.toFixed(1)} ms`);
    console.log(`insights warm-up (one-time, at server start): ${(warm / 1000).toFixed(1)} s, RSS +${((process.memoryUsage().rss - mem0) / 1e6).toFixed(0)} MB (worker thread included)`);

    const risk = (await fetchOk(`${base}/api/risk`)) as { customers: { customerId: string }[] };
    const page1 = (await fetchOk(`${base}/api/messages?limit=50`)) as { next: string | null; items: { customerId: string | null }[] };
    const someCustomer = risk.customers[0]?.customerId ?? page1.items.find((m) => m.customerId)?.customerId;
    const get = (p: string) => () => fetchOk(`${base}${p}`).then(() => undefined);
    const api: [string, string][] = [
      ['GET /api/health', '/api/health'],
      ['GET /api/openapi.json', '/api/openapi.json'],
      ['GET /api/i18n', '/api/i18n'],
      ['GET /api/overview', '/api/overview'],
      ['GET /api/journey', '/api/journey'],
      ['GET /api/themes', '/api/themes'],
      ['GET /api/personas', '/api/personas'],
      ['GET /api/risk', '/api/risk'],
      ['GET /api/competitors', '/api/competitors'],
      ['GET /api/spikes', '/api/spikes'],
      ['GET /api/ex-cx', '/api/ex-cx'],
      ['GET /api/messages', '/api/messages?limit=20'],
      ['GET /api/messages (page 2, cursor)', `/api/messages?limit=20&cursor=${encodeURIComponent(page1.next ?? '')}`],
      ['GET /api/messages?emotion=anger', '/api/messages?emotion=anger&limit=20'],
      ['GET /api/messages?stage&channel', '/api/messages?stage=billing&channel=email&limit=20'],
      ['GET /api/messages?theme&language', '/api/messages?theme=delay&language=en&limit=20'],
      ['GET /api/messages?q=facture', '/api/messages?q=facture&limit=20'],
      ['GET /api/messages?q=arrive abime (accent-free)', `/api/messages?q=${encodeURIComponent('arrive abime')}&limit=20`],
      ['GET /api/customers/:id/history', `/api/customers/${encodeURIComponent(someCustomer ?? 'none')}/history`],
      ['GET /api/cases', '/api/cases'],
      ['GET /api/alerts', '/api/alerts'],
    ];
    const pages: [string, string[]][] = [
      ['page Overview', ['/', '/api/i18n', '/api/overview']],
      ['page Journey', ['/', '/api/i18n', '/api/journey']],
      ['page Themes & drivers', ['/', '/api/i18n', '/api/themes']],
      ['page Personas', ['/', '/api/i18n', '/api/personas']],
      ['page Customers at risk', ['/', '/api/i18n', '/api/risk']],
      ['page Competitors', ['/', '/api/i18n', '/api/competitors']],
      ['page Listening station', ['/', '/api/i18n', '/api/messages?limit=20']],
      ['page Walk in their shoes', ['/', '/api/i18n', `/api/customers/${encodeURIComponent(someCustomer ?? 'none')}/history`]],
    ];
    const width = Math.max(...[...api, ...pages].map(([n]) => n.length));
    const fmt = (v: number) => v.toFixed(1).padStart(8);
    console.log(`\nup to ${requests} sequential requests each on loopback, ${counts.messages.toLocaleString('en')} messages (ms)`);
    console.log(`${'route'.padEnd(width)}  ${'n'.padStart(3)}  ${'p50'.padStart(8)}  ${'p95'.padStart(8)}  ${'p99'.padStart(8)}  ${'max'.padStart(8)}`);
    let over = 0;
    const report = (name: string, r: Timing): void => {
      if (r.p95 >= 300) over++;
      console.log(`${name.padEnd(width)}  ${String(r.n).padStart(3)}  ${fmt(r.p50)}  ${fmt(r.p95)}  ${fmt(r.p99)}  ${fmt(r.max)}${r.p95 >= 300 ? '  ✗ p95 ≥ 300' : ''}`);
    };
    for (const [name, p] of api) report(name, await measure(get(p), requests));
    for (const [name, urls] of pages) {
      report(name, await measure(async () => { for (const u of urls) await fetchOk(`${base}${u}`); }, requests));
    }
    console.log(over ? `\n${over} route(s) over the 300 ms p95 target.` : '\nAll routes and pages under the 300 ms p95 target.');
    if (Number(values['import-seconds']) > 0) await measureDuringImport(base, store, WS, dbFile, Number(values['import-seconds']), Number(values.clients));
  } finally {
    await server.close();
    await insightsHost.close();
    await store.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exitCode = 1;
});
