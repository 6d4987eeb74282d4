/**
 * Queue benchmark (`npm run bench -- workers`, or `npx tsx scripts/bench/queue-workers.ts`): analysis
 * throughput of 1, 2 and 4 `ecoute worker` processes sharing one PostgreSQL. A throw-away cluster is
 * initdb'ed in a temp directory (PostgreSQL 15 binaries from PG_BIN, default /usr/lib/postgresql/15/bin);
 * BENCH_N customer tweets of twcs-sample (default 20,000) are imported once with ECOUTE_QUEUE=1, and
 * each run starts from a copy of that database (CREATE DATABASE … TEMPLATE), queue included.
 * Prints a Markdown table: wall time from the workers' launch to the last analysis (start-up included),
 * and from the first job taken (steady state).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { parseRecords } from '../data/csv.ts';
import { dataPath, REPO_ROOT } from '../data/paths.ts';

const N = Number(process.env.BENCH_N ?? 20_000);
const RUNS = (process.env.BENCH_WORKERS ?? '1,2,4').split(',').map(Number);
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const PORT = 20_000 + (process.pid % 20_000);

if (!existsSync(join(PG_BIN, 'initdb'))) {
  console.error(`queue-workers bench: no PostgreSQL binaries in ${PG_BIN}; install PostgreSQL 15 or set PG_BIN.`);
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'ecoute-bench-queue-'));
const isRoot = process.getuid?.() === 0;
if (isRoot) {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(dir, uid, Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()));
}
const pgRun = (bin: string, args: string[]): void => {
  execFileSync(isRoot ? 'runuser' : join(PG_BIN, bin), isRoot ? ['-u', 'postgres', '--', join(PG_BIN, bin), ...args] : args, { stdio: 'pipe' });
};
const base = `postgres://postgres@127.0.0.1:${PORT}`;

async function sql(db: string, text: string): Promise<pg.QueryResult> {
  const c = new pg.Client({ connectionString: `${base}/${db}` });
  await c.connect();
  try {
    return await c.query(text);
  } finally {
    await c.end();
  }
}

/** Runs `ecoute` with the database of `db`; resolves with its stdout, throws on a non-zero exit. */
function ecoute(db: string, args: string[], env: Record<string, string> = {}): string {
  const r = spawnSync(process.execPath, ['bin/ecoute.js', ...args], {
    cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, DATABASE_URL: `${base}/${db}`, ...env },
  });
  if (r.status !== 0) throw new Error(`ecoute ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

interface Row { workers: number; total: number; steady: number; restarts: number }

async function runWith(workers: number): Promise<Row> {
  const db = `bench_w${workers}`;
  await sql('postgres', `create database ${db} template bench_tpl`);
  const launched = Date.now();
  let firstJob = 0;
  let restarts = 0;
  let finished = false;
  const live = new Set<ReturnType<typeof spawn>>();
  // A supervisor's job: a worker that dies (e.g. its database connection timed out on an overloaded
  // machine) is started again, and counted; its unfinished batch is retried by the queue.
  const start = (): void => {
    const child = spawn(process.execPath, ['bin/ecoute.js', 'worker'], {
      cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, DATABASE_URL: `${base}/${db}`, ECOUTE_JOB_TIMEOUT: '2m' },
    });
    live.add(child);
    child.stdout.on('data', (d: Buffer) => {
      if (firstJob === 0 && d.toString().includes(' started: ')) firstJob = Date.now();
    });
    child.on('exit', (code) => {
      live.delete(child);
      if (!finished && code !== 0) {
        restarts += 1;
        start();
      }
    });
  };
  for (let i = 0; i < workers; i++) start();
  for (;;) {
    const { rows } = await sql(db, `select count(*)::int as n from messages where role = 'customer' and analysis_version is not null`);
    if (rows[0].n >= N) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const done = Date.now();
  finished = true;
  await Promise.all([...live].map((c) => new Promise((resolve) => { c.on('exit', resolve); c.kill('SIGTERM'); })));
  const row = { workers, total: (done - launched) / 1000, steady: (done - firstJob) / 1000, restarts };
  process.stderr.write(`${JSON.stringify(row)}\n`);
  return row;
}

try {
  pgRun('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--locale=C.UTF-8']);
  pgRun('pg_ctl', ['-D', join(dir, 'data'), '-l', join(dir, 'server.log'), '-w', '-t', '60',
    '-o', `-p ${PORT} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`, 'start']);
  await sql('postgres', 'create database bench_tpl');
  const tweets = parseRecords(readFileSync(dataPath('twcs-sample', 'twcs.csv'), 'utf8')).filter((r) => r.inbound === 'True').map((r) => r.text);
  const input = join(dir, 'tweets.jsonl');
  writeFileSync(input, Array.from({ length: N }, (_, i) => JSON.stringify({ id: `tw-${i}`, text: tweets[i % tweets.length], channel: 'social' })).join('\n') + '\n');
  process.stderr.write(`importing ${N} tweets with ECOUTE_QUEUE=1…\n`);
  process.stderr.write(ecoute('bench_tpl', ['ingest', input], { ECOUTE_QUEUE: '1' }));
  const rows: Row[] = [];
  for (const w of RUNS) {
    process.stderr.write(`${w} worker process(es)…\n`);
    rows.push(await runWith(w));
  }
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`# Queue workers: ${N} customer tweets (${tweets.length} distinct, twcs-sample), one PostgreSQL 15 on this machine, ${availableParallelism()} cores, load average at the end ${load}`);
  console.log();
  console.log('| worker processes | seconds (launch → last analysis) | messages/s | seconds (first job → last) | messages/s steady | speed-up vs 1 | workers restarted |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  const one = rows.find((r) => r.workers === 1) ?? rows[0];
  for (const r of rows) {
    console.log(`| ${r.workers} | ${r.total.toFixed(1)} | ${Math.round(N / r.total)} | ${r.steady.toFixed(1)} | ${Math.round(N / r.steady)} | ${(one.total / r.total).toFixed(2)}× | ${r.restarts} |`);
  }
} finally {
  try { pgRun('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', 'stop']); } catch { /* not started */ }
  rmSync(dir, { recursive: true, force: true });
}
