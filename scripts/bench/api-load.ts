/**
 * The API under sustained load (`npm run bench -- api`): the real `ecoute serve` in one process on the
 * synthetic SQLite database (bench-database.ts), autocannon in this one on loopback, a mix of the
 * dashboard's and scripts' requests, first with nothing else running, then while a third process
 * imports (import-writer.ts, undone afterwards). Prints requests/s, p50/p95/p99 and errors per phase.
 * Options: --messages N (100000) --seconds S (20) --connections N (10).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openStore } from '../../src/store/open-store.ts';
import { BENCH_WORKSPACE, benchDatabaseFile, buildBenchDatabase } from './bench-database.ts';
import { startImportWriter } from './import-writer-process.ts';
import { summarize, type Timing } from './latencies.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({ options: { messages: { type: 'string', default: '100000' }, seconds: { type: 'string', default: '20' }, connections: { type: 'string', default: '10' } } });
const messages = Number(values.messages);
const seconds = Number(values.seconds);
const connections = Number(values.connections);

// The dashboard asks its insight views accepting the last figures while newer ones compute (as web/app/api.js does).
const DASHBOARD = { 'cache-control': 'max-stale=600' };
const MIX: { method: 'GET'; path: string; headers?: Record<string, string> }[] = [
  { method: 'GET', path: '/api/overview', headers: DASHBOARD },
  { method: 'GET', path: '/api/themes', headers: DASHBOARD },
  { method: 'GET', path: '/api/risk', headers: DASHBOARD },
  { method: 'GET', path: '/api/messages?limit=20' },
  { method: 'GET', path: '/api/messages?emotion=anger&limit=20' },
  { method: 'GET', path: '/api/messages?q=facture&limit=20' },
  { method: 'GET', path: '/api/health' },
];

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

/** Starts `ecoute serve` on the database and waits until it listens and its insights are warm. */
async function startServe(dbFile: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['bin/ecoute.js', 'serve'], {
    cwd: ROOT,
    // No rate limit: the load comes from one address on purpose.
    env: { ...process.env, DATABASE_URL: `sqlite:${dbFile}`, ECOUTE_WORKSPACE: BENCH_WORKSPACE, ECOUTE_PORT: String(port), ECOUTE_HOST: '127.0.0.1', ECOUTE_RATE_LIMIT: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`ecoute serve exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/api/overview`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(`ecoute serve ready, insights warm, in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return child;
}

interface LoadResult extends Timing { perSecond: number; errors: number }

/** One autocannon run over the mix; latencies collected per response for the exact percentiles. */
async function load(base: string): Promise<LoadResult> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: base, connections, duration: seconds, requests: MIX, timeout: 30 }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  return { ...summarize(times), perSecond: times.length / seconds, errors: result.errors + result.timeouts + result.non2xx };
}

/** A process's peak resident memory from /proc (Linux), or "unknown". */
function peakRssMb(pid: number | undefined): string {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? `${Math.round(Number(kb) / 1024)} MB` : 'unknown';
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const dbFile = benchDatabaseFile(ROOT, messages);
  mkdirSync(path.dirname(dbFile), { recursive: true });
  if (!existsSync(dbFile)) await buildBenchDatabase(dbFile, messages);
  console.log(`${messages.toLocaleString('en')} messages; ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os.loadavg()[0].toFixed(1)}`);
  const port = await freePort();
  const serve = await startServe(dbFile, port);
  const store = await openStore(`sqlite:${dbFile}`);
  const base = `http://127.0.0.1:${port}`;
  try {
    const rows: [string, LoadResult][] = [['no import', await load(base)]];
    const running = await startImportWriter(dbFile, BENCH_WORKSPACE);
    try {
      rows.push([`during an import`, await load(base)]);
    } finally {
      await running.stop(store);
    }
    const fmt = (v: number) => v.toFixed(1).padStart(8);
    console.log(`\nautocannon, ${connections} connections, ${seconds} s per phase, mix: ${MIX.map((m) => m.path).join(', ')} (insight views with max-stale, as the dashboard asks) (ms)`);
    console.log(`${'phase'.padEnd(18)}  ${'requests'.padStart(8)}  ${'req/s'.padStart(8)}  ${'p50'.padStart(8)}  ${'p95'.padStart(8)}  ${'p99'.padStart(8)}  ${'max'.padStart(8)}  errors`);
    for (const [name, r] of rows) {
      console.log(`${name.padEnd(18)}  ${String(r.n).padStart(8)}  ${fmt(r.perSecond)}  ${fmt(r.p50)}  ${fmt(r.p95)}  ${fmt(r.p99)}  ${fmt(r.max)}  ${String(r.errors).padStart(6)}`);
    }
    console.log(`server peak RSS: ${peakRssMb(serve.pid)} (ecoute serve with its worker threads)`);
  } finally {
    serve.kill('SIGTERM');
    await new Promise((r) => (serve.exitCode !== null ? r(null) : serve.once('exit', r)));
    await store.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exitCode = 1;
});
