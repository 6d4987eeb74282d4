/**
 * Queue mode's second sweep, against the real PostgreSQL of the tests in a database of its own (pg-boss
 * keeps its `ecoute_jobs` schema there): an `analyze` job pg-boss gave up for good (retries exhausted,
 * state `failed`) no longer leaves its messages unanalysed until the next import. A real worker's sweep
 * enqueues them again (all but those another live job holds), they are analysed once with their alerts
 * once, and the given-up job is forgotten. A message analysed since, or held by a live job, is not
 * enqueued again; a batch that keeps failing is split, then left after MAX_RESWEEPS with a clear line.
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AnalyzerModel } from '../../../src/analyze/model.ts';
import { parseConfig } from '../../../src/core/config.ts';
import { analyzeItems } from '../../../src/runtime/analysis/analyze-pool.ts';
import { loadModel } from '../../../src/runtime/analysis/load-model.ts';
import { JobQueue } from '../../../src/runtime/jobs/job-queue.ts';
import { startWorker } from '../../../src/runtime/jobs/run-worker.ts';
import { MAX_RESWEEPS, sweepGivenUpAnalysis } from '../../../src/runtime/jobs/sweep-given-up-analysis.ts';
import type { Store } from '../../../src/store/store.ts';
import { angryChats, once, ScratchQueueDatabase } from './worker-fixtures.ts';

const pgUrl = inject('pgUrl');
const WS = 'given-up';
const T0 = new Date('2026-03-02T09:00:00Z');
const RULE = { name: 'Every chat', conditions: { channel: 'chat' }, actions: [{ type: 'case', owner: 'Léa' }] };

let model: AnalyzerModel;
const clock = () => T0;
const scratch = new ScratchQueueDatabase('ecoute_given_up', clock);
const queues: JobQueue[] = [];
const store = () => scratch.store();
const rows = <T>(text: string, params?: unknown[]) => scratch.rows<T>(text, params);
const alertsOf = (ids: string[]) => scratch.alertsOf(WS, ids);

async function enqueuer(): Promise<JobQueue> {
  const q = await JobQueue.open({ databaseUrl: scratch.url, jobTimeoutMs: 600_000 });
  queues.push(q);
  return q;
}

/** `n` chat conversations from `from`, one customer message each; returns the new message ids. */
async function chats(s: Store, from: number, n: number): Promise<string[]> {
  const source = await s.ensureSource(WS, 'chat', 'jsonl');
  return (await s.writeConversations(WS, source, angryChats(T0, from, n))).newMessageIds;
}

/** What pg-boss leaves once a job's retries are exhausted: state `failed`, its last error as output. */
async function giveUp(messageIds: string[], error: string): Promise<string> {
  const [job] = await rows<{ id: string }>(
    `update ecoute_jobs.job set state = 'failed', retry_count = retry_limit, completed_on = now(), output = jsonb_build_object('message', $2::text)
     where name = 'analyze' and data->'messageIds' = $1::jsonb returning id::text`, [JSON.stringify(messageIds), error]);
  if (!job) throw new Error(`no analyze job holds exactly ${messageIds.join(',')}`);
  return job.id;
}

/** The analyze jobs, with their state and data, in creation order. */
async function analyzeJobs(): Promise<{ id: string; state: string; data: { messageIds: string[]; rules: boolean; resweeps?: number } }[]> {
  return rows(`select id::text, state::text, data from ecoute_jobs.job where name = 'analyze' order by created_on, id`);
}

const byId = (ids: string[]) => [...ids].sort((a, b) => Number(a) - Number(b));

describe.skipIf(!pgUrl)('queue mode enqueues again what analyze jobs given up for good left unanalysed (PostgreSQL)', () => {
  beforeAll(async () => {
    model = await loadModel();
    await scratch.create(pgUrl!);
  });

  afterAll(async () => {
    await Promise.all(queues.map((q) => q.stop({ graceful: false }).catch(() => undefined)));
    await scratch.drop();
  });

  it('a worker’s sweep re-enqueues a given-up job’s messages; each is analysed once, alerted once, and the job is forgotten', async () => {
    const seeder = await store();
    await seeder.addRule(WS, RULE);
    const ids = await chats(seeder, 0, 12);
    const q = await enqueuer();
    // Job A (messages 0–9) was given up for good; job B (8–11) still waits, holding 8 and 9 too.
    await q.enqueueAnalysis(WS, ids.slice(0, 10), { batchSize: 10, rules: true });
    const failedId = await giveUp(ids.slice(0, 10), 'database restarting');
    await q.enqueueAnalysis(WS, ids.slice(8), { batchSize: 10, rules: true });

    const config = parseConfig({ DATABASE_URL: scratch.url, ECOUTE_WORKSPACE: WS, ECOUTE_JOB_TIMEOUT: '10m' });
    const log = new PassThrough();
    let out = '';
    log.on('data', (d) => (out += d));
    const queue = await JobQueue.open({ databaseUrl: scratch.url, jobTimeoutMs: 600_000, supervise: true, pollingSeconds: 0.5 });
    const stop = await startWorker({ store: await store(), queue, model, config, clock, log, concurrency: 2 });
    try {
      const deadline = Date.now() + 40_000;
      for (;;) {
        const [{ unanalysed }] = await rows<{ unanalysed: number }>(
          `select count(*)::int as unanalysed from messages where workspace_id = $1 and role = 'customer' and analysis_version is null`, [WS]);
        const live = (await analyzeJobs()).filter((j) => ['created', 'retry', 'active'].includes(j.state)).length;
        if (unanalysed === 0 && live === 0) break;
        if (Date.now() > deadline) throw new Error(`still ${unanalysed} unanalysed messages and ${live} live jobs\n${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await stop(5000);
    }

    expect(await alertsOf(ids)).toEqual({ perMessage: once(ids), cases: ids.length });
    const jobs = await analyzeJobs();
    expect(jobs.map((j) => j.id)).not.toContain(failedId);
    expect(jobs.filter((j) => j.state === 'failed')).toEqual([]);
    // Messages 0–7 again, split in ten (one per job), marked as a sweep's; 8 and 9 were left to job B.
    const again = jobs.filter((j) => j.data.resweeps === 1);
    expect(again.every((j) => j.data.messageIds.length === 1)).toBe(true);
    expect(byId(again.flatMap((j) => j.data.messageIds))).toEqual(ids.slice(0, 8));
    expect(again.every((j) => j.data.rules)).toBe(true);
    expect(out).toMatch(new RegExp(`^sweep \\S+: workspace "${WS}": analyze ${failedId} was given up for good \\(database restarting\\): enqueued its 8 unanalysed messages again in 8 jobs, 2 were analysed or held by another job$`, 'm'));
  }, 60_000);

  it('enqueues nothing a live job holds or that was analysed since, and leaves a batch that keeps failing, saying so', async () => {
    const s = await store();
    const q = await enqueuer();
    const before = (await analyzeJobs()).length;

    // Analysed since its job was given up (a rerun, an import): nothing to do; the rest goes again, split.
    const partly = await chats(s, 100, 3);
    await q.enqueueAnalysis(WS, partly, { batchSize: 3, rules: true });
    await giveUp(partly, 'timeout');
    const [done] = await s.messagesForAnalysis(WS, [partly[0]]);
    const [result] = analyzeItems([{ text: done.text, lang: done.language, langPrior: 'fr' }], model);
    await s.saveAnalyses(WS, model.version, [{ messageId: done.messageId, analysis: result }]);

    // A sweep killed after enqueueing, before forgetting: the job it enqueued is live, so nothing twice.
    const held = await chats(s, 200, 2);
    await q.enqueueAnalysis(WS, held, { batchSize: 2, rules: true });
    await giveUp(held, 'timeout');
    await q.enqueueAnalysis(WS, held, { batchSize: 1, rules: true, resweeps: 1 });

    // Failed again after MAX_RESWEEPS new tries: poison; left, named.
    const poison = await chats(s, 300, 1);
    await q.enqueueAnalysis(WS, poison, { batchSize: 1, rules: true, resweeps: MAX_RESWEEPS });
    await giveUp(poison, 'analysis crashed');

    const swept = await sweepGivenUpAnalysis({ store: s, queue: q, modelVersion: model.version });
    expect(swept.map(({ jobId: _id, ...rest }) => rest)).toEqual([
      { workspaceId: WS, requeued: 2, skipped: 1, abandoned: [], jobs: 2, error: 'timeout' },
      { workspaceId: WS, requeued: 0, skipped: 2, abandoned: [], jobs: 0, error: 'timeout' },
      { workspaceId: WS, requeued: 0, skipped: 0, abandoned: poison, jobs: 0, error: 'analysis crashed' },
    ]);
    const jobs = (await analyzeJobs()).slice(before);
    expect(jobs.filter((j) => j.state === 'failed')).toEqual([]);
    const waiting = jobs.filter((j) => j.state === 'created');
    expect(waiting.every((j) => j.data.messageIds.length === 1)).toBe(true);
    expect(byId(waiting.flatMap((j) => j.data.messageIds))).toEqual([partly[1], partly[2], held[0], held[1]]);
    expect(await sweepGivenUpAnalysis({ store: s, queue: q, modelVersion: model.version }), 'every given-up job was forgotten').toEqual([]);
  }, 60_000);
});
