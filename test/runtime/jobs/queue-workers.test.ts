/**
 * Many workers, one database: `ecoute ingest` with ECOUTE_QUEUE=1 enqueues 2,000 messages, two real
 * `ecoute worker` processes share them, one is killed (SIGKILL) in the middle of a batch, and the other
 * finishes everything: exactly one analysis per message. Then a worker with a new model version
 * re-analyses every message in the background while readers keep seeing an analysis for each, and a
 * delivery pass asked through the queue sends the outbox to a real webhook receiver.
 * Runs against the PostgreSQL of test/setup/postgres.ts, in a database of its own (the CLI takes a URL).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { JobQueue } from '../../../src/runtime/jobs/job-queue.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../setup/webhook-receiver.ts';
import { insertOutboxRow, openRawDb } from '../../store/outbox-rows.ts';
import { createScratchDatabase, dropScratchDatabase } from '../../setup/scratch-database.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const pgUrl = inject('pgUrl');
const TOTAL = 2000;
const BATCH = 100;
const WS = 'jobs-test';

/** A CLI child process with its output gathered. */
interface Cli {
  child: ChildProcessWithoutNullStreams;
  out: () => string;
  err: () => string;
  exited: Promise<number | null>;
  /** Resolves with the first match of `re` in stdout, within `ms`. */
  waitFor(re: RegExp, ms?: number): Promise<RegExpMatchArray>;
}

const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-jobs-'));
const children: Cli[] = [];
let dbUrl = '';
let dbName = '';
let db: pg.Client;
let hook: WebhookReceiver;

function cli(args: string[], env: Record<string, string> = {}): Cli {
  const child = spawn(process.execPath, ['bin/ecoute.js', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: dbUrl, ECOUTE_WORKSPACE: WS, ECOUTE_JOB_TIMEOUT: '8s', ECOUTE_QUEUE_BATCH: String(BATCH), ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const c: Cli = {
    child, out: () => out, err: () => err, exited,
    async waitFor(re, ms = 30_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const m = out.match(re);
        if (m) return m;
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no ${re} in output of ecoute ${args.join(' ')}:\n${out}\n${err}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
  children.push(c);
  return c;
}

async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
  return (await db.query(sql, params)).rows[0] as T;
}

/** Waits until every customer message carries an analysis by `version` and no analyze job is left. */
async function settled(version: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const { done } = await one<{ done: number }>(`select count(*)::int as done from messages where workspace_id = $1 and role = 'customer' and analysis_version = $2`, [WS, version]);
    const { open } = await one<{ open: number }>(`select count(*)::int as open from ecoute_jobs.job where name in ('analyze', 'reanalyse') and state < 'completed'`);
    if (done === TOTAL && open === 0) return;
    if (Date.now() > deadline) throw new Error(`not settled: ${done}/${TOTAL} analysed by ${version}, ${open} jobs open`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Sums "analysed N" over the jobs a worker finished. */
function analysedBy(output: string): number {
  return [...output.matchAll(/^analyze \S+ done: analysed (\d+)/gm)].reduce((a, m) => a + Number(m[1]), 0);
}

describe.skipIf(!pgUrl)('ecoute worker: a job queue shared by worker processes (PostgreSQL)', () => {
  beforeAll(async () => {
    dbName = `ecoute_jobs_${process.pid}`;
    dbUrl = await createScratchDatabase(pgUrl!, dbName);
    const words = ['late', 'delivery', 'invoice', 'furious', 'thanks', 'refund', 'app', 'crashes', 'agent', 'waited', 'billing', 'great',
      'terrible', 'cancel', 'help', 'retard', 'facture', 'merci', 'colis', 'remboursement'];
    const lines: string[] = [];
    for (let i = 0; i < TOTAL; i++) {
      const text = Array.from({ length: 8 + (i % 7) }, (_, k) => words[(i * 7 + k * 13 + (i >> 3)) % words.length]).join(' ');
      lines.push(JSON.stringify({ id: `t-${i}`, text: `${text} #${i}`, channel: 'chat' }));
    }
    writeFileSync(path.join(dir, 'messages.jsonl'), `${lines.join('\n')}\n`);
    db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
    hook = await startWebhookReceiver();
  });

  afterAll(async () => {
    for (const c of children) if (c.child.exitCode === null) c.child.kill('SIGKILL');
    await Promise.all(children.map((c) => c.exited));
    await db?.end();
    await hook?.stop();
    if (dbName) await dropScratchDatabase(pgUrl!, dbName);
    rmSync(dir, { recursive: true, force: true });
  });

  it('shares 2,000 messages between two workers, survives one killed mid-batch, analyses each exactly once, re-analyses on a new model, delivers through the queue', async () => {
    const ingest = cli(['ingest', path.join(dir, 'messages.jsonl')], { ECOUTE_QUEUE: '1' });
    expect(await ingest.exited, ingest.err()).toBe(0);
    expect(ingest.out()).toContain(`queued 2 000 messages to analyse in 20 jobs for \`ecoute worker\``);
    expect((await one<{ n: number }>('select count(*)::int as n from analyses')).n).toBe(0);

    const doomed = cli(['worker']);
    const survivor = cli(['worker']);
    // The doomed worker dies in the middle of its first batch: analysed, maybe, but never committed.
    const [, killedJob] = await doomed.waitFor(/^analyze (\S+) started: 100 messages/m);
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    expect(doomed.out()).not.toContain(`analyze ${killedJob} done`);

    const model = JSON.parse(readFileSync(path.join(ROOT, 'models/analyzer.json'), 'utf8')) as { version: string };
    await settled(model.version, 45_000);
    await survivor.waitFor(new RegExp(`^analyze ${killedJob} done: analysed 100,`, 'm'), 5000);

    // Exactly one analysis row per message, by the current model, with one row per label.
    expect(await one('select count(*)::int as rows, count(distinct message_id)::int as messages from analyses')).toEqual({ rows: TOTAL, messages: TOTAL });
    expect(await one('select count(*)::int as n from analyses where model_version <> $1', [model.version])).toEqual({ n: 0 });
    expect(await one('select count(*)::int as n from (select 1 from analysis_labels group by message_id, kind, label having count(*) > 1) d')).toEqual({ n: 0 });
    // The killed worker's batch was taken over (at least once) by the survivor, and nothing failed for good.
    expect(await one('select state, retry_count >= 1 as retried from ecoute_jobs.job where id = $1', [killedJob])).toEqual({ state: 'completed', retried: true });
    expect(await one(`select count(*)::int as n from ecoute_jobs.job where name = 'analyze' and state = 'failed'`)).toEqual({ n: 0 });
    // Work done may exceed the total only when a slow job outlives its timeout and runs twice (at least
    // once); what is stored stays one analysis per message, as checked above.
    expect(analysedBy(doomed.out()) + analysedBy(survivor.out())).toBeGreaterThanOrEqual(TOTAL);

    // SIGTERM: the survivor finishes what it holds and stops cleanly.
    survivor.child.kill('SIGTERM');
    expect(await survivor.exited, survivor.err()).toBe(0);
    expect(survivor.out()).toMatch(/SIGTERM: finishing the jobs in hand\n[^]*stopped\n$/);

    // A new model version: a worker running it re-analyses everything in the background.
    const modelDir = path.join(dir, 'model-v2');
    mkdirSync(modelDir);
    const next = `${model.version}+jobs-test`;
    writeFileSync(path.join(modelDir, 'analyzer.json'), JSON.stringify({ ...model, version: next }));
    const upgraded = cli(['worker', '--concurrency', '2', '--model', modelDir]);
    await upgraded.waitFor(/re-analysis to .* requested/);
    // Readers never see a message without analysis meanwhile: old rows stay until new ones replace them.
    let minSeen = TOTAL;
    let sawMix = false;
    const deadline = Date.now() + 45_000;
    for (;;) {
      const r = await one<{ rows: number; fresh: number }>('select count(*)::int as rows, count(*) filter (where model_version = $1)::int as fresh from analyses', [next]);
      minSeen = Math.min(minSeen, r.rows);
      if (r.fresh > 0 && r.fresh < TOTAL) sawMix = true;
      if (r.fresh === TOTAL || Date.now() > deadline) break;
      await new Promise((res) => setTimeout(res, 50));
    }
    await settled(next, 10_000);
    expect(minSeen).toBe(TOTAL);
    expect(sawMix).toBe(true);
    expect(upgraded.out()).toMatch(new RegExp(`reanalyse \\S+: workspace "${WS}": 2000 messages to model ${next.replace(/[+.]/g, '\\$&')} in 20 analyze jobs`));
    expect(await one('select count(*)::int as rows, count(distinct message_id)::int as messages from analyses')).toEqual({ rows: TOTAL, messages: TOTAL });
    expect(analysedBy(upgraded.out())).toBeGreaterThanOrEqual(TOTAL);
    // A delivery pass asked through the queue drains the outbox (any worker may take it).
    const raw = await openRawDb({ url: dbUrl });
    const queue = await JobQueue.open({ databaseUrl: dbUrl, jobTimeoutMs: 8000 });
    try {
      await insertOutboxRow(raw, { id: 'q-1', workspaceId: WS, destination: hook.url, createdAt: new Date() });
      await queue.requestDelivery(WS);
      await upgraded.waitFor(new RegExp(`^deliver "${WS}": delivered q-1 `, 'm'), 20_000);
    } finally {
      await queue.stop({ graceful: false });
      await raw.destroy();
    }
    expect(hook.requests.map((r) => r.headers['idempotency-key'])).toEqual(['rule-1:1:q-1:0']);
    upgraded.child.kill('SIGINT');
    expect(await upgraded.exited, upgraded.err()).toBe(0);
  }, 120_000);
});
