/**
 * Queue mode's clean-up of "rules pending" marks (migration 014), against the real PostgreSQL of the
 * tests, in a database of its own (pg-boss keeps its `ecoute_jobs` schema there): analyses stored by a
 * job that then died for good (marks set, no alert, no job left) get their alerts from the sweep that two
 * real workers (startWorker over real pg-boss queues) ask for at start: once, with the mark cleared; a
 * mark younger than the safe age is left to the job still running. Two sweeps at once (past the queue's
 * one-at-a-time policy) still write each alert once.
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AnalyzerModel } from '../../../src/analyze/model.ts';
import { parseConfig } from '../../../src/core/config.ts';
import { analyzeItems } from '../../../src/runtime/analysis/analyze-pool.ts';
import { loadModel } from '../../../src/runtime/analysis/load-model.ts';
import { JobQueue } from '../../../src/runtime/jobs/job-queue.ts';
import { startWorker } from '../../../src/runtime/jobs/run-worker.ts';
import { sweepRulesPending } from '../../../src/runtime/jobs/sweep-rules-pending.ts';
import type { Store } from '../../../src/store/store.ts';
import { angryChats, once, ScratchQueueDatabase } from './worker-fixtures.ts';

const pgUrl = inject('pgUrl');
const WS = 'sweep-test';
const T0 = new Date('2026-03-02T09:00:00Z');
const HOUR = 3_600_000;
const RULE = { name: 'Every chat', conditions: { channel: 'chat' }, actions: [{ type: 'case', owner: 'Léa' }] };

let model: AnalyzerModel;
let now = T0;
const clock = () => now;
const scratch = new ScratchQueueDatabase('ecoute_sweep', clock);
const store = () => scratch.store();
const rows = <T>(text: string, params?: unknown[]) => scratch.rows<T>(text, params);
const alertsOf = (ids: string[]) => scratch.alertsOf(WS, ids);

/** What a job that died for good after storing leaves: the analyses, marked rules-pending, stored at `now`. */
async function analysedWithoutRules(s: Store, from: number, n: number): Promise<string[]> {
  const source = await s.ensureSource(WS, 'chat', 'jsonl');
  const ids = (await s.writeConversations(WS, source, angryChats(T0, from, n))).newMessageIds;
  const batch = await s.messagesForAnalysis(WS, ids);
  const results = analyzeItems(batch.map((m) => ({ text: m.text, lang: m.language, langPrior: 'fr' as const })), model);
  await s.saveAnalyses(WS, model.version, batch.map((m, i) => ({ messageId: m.messageId, analysis: results[i] })));
  return ids;
}

describe.skipIf(!pgUrl)('queue mode sweeps the rules-pending marks that given-up jobs leave (PostgreSQL)', () => {
  beforeAll(async () => {
    model = await loadModel();
    await scratch.create(pgUrl!);
  });

  afterAll(async () => {
    await scratch.drop();
  });

  it('two workers start: one sweep raises the old marks’ alerts once and clears them; a young mark is left to its job', async () => {
    const seeder = await store();
    await seeder.addRule(WS, RULE);
    now = T0;
    const old = await analysedWithoutRules(seeder, 0, 5);
    now = new Date(T0.getTime() + HOUR);
    // Stored a minute ago: a job still running its rules on it.
    const young = await analysedWithoutRules(seeder, 100, 2);
    now = new Date(T0.getTime() + HOUR + 60_000);
    expect(await seeder.rulesPendingMessages(WS, 100)).toEqual([...old, ...young]);
    expect(await alertsOf([...old, ...young])).toEqual({ perMessage: {}, cases: 0 });

    // Two worker processes' worth: each its own store, queue connections and log; both start at once.
    const config = parseConfig({ DATABASE_URL: scratch.url, ECOUTE_WORKSPACE: WS, ECOUTE_JOB_TIMEOUT: '10m' });
    const logs = [new PassThrough(), new PassThrough()];
    const outs = ['', ''];
    logs.forEach((l, i) => l.on('data', (d) => (outs[i] += d)));
    const stops = await Promise.all(logs.map(async (log) => {
      const queue = await JobQueue.open({ databaseUrl: scratch.url, jobTimeoutMs: 600_000, supervise: true, pollingSeconds: 0.5 });
      return startWorker({ store: await store(), queue, model, config, clock, log, concurrency: 1 });
    }));
    try {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const [{ open, done }] = await rows<{ open: number; done: number }>(
          `select count(*) filter (where state < 'completed')::int as open, count(*) filter (where state = 'completed')::int as done from ecoute_jobs.job where name = 'sweep'`);
        if (open === 0 && done >= 1) break;
        if (Date.now() > deadline) throw new Error(`sweep not done: ${open} open, ${done} done\n${outs.join('\n')}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await Promise.all(stops.map((stop) => stop(5000)));
    }

    expect(await alertsOf(old)).toEqual({ perMessage: once(old), cases: old.length });
    expect(await seeder.rulesPendingMessages(WS, 100), 'the young mark is its own job’s to clear').toEqual(young);
    expect(await alertsOf(young)).toEqual({ perMessage: {}, cases: 0 });
    // One sweep did the work: the start-up requests collapsed, or the second found nothing left.
    const swept = outs.join('').match(/^sweep \S+: workspace "sweep-test": ran the alert rules on (\d+) messages a given-up job left rules-pending, alerts (\d+)$/gm) ?? [];
    expect(swept, outs.join('\n')).toHaveLength(1);
    expect(swept[0]).toMatch(/on 5 messages .*alerts 5$/);
    // Nothing failed: neither sweep nor the schedule it registered.
    expect(await rows(`select name, state from ecoute_jobs.job where name = 'sweep' and state = 'failed'`)).toEqual([]);
    expect(await rows<{ name: string }>(`select name from ecoute_jobs.schedule where name = 'sweep'`)).toEqual([{ name: 'sweep' }]);
  }, 60_000);

  it('two sweeps at once, past the queue’s one-at-a-time guard, still write each alert once', async () => {
    const [a, b] = [await store(), await store()];
    now = T0;
    const ids = await analysedWithoutRules(a, 200, 60);
    now = new Date(T0.getTime() + HOUR);
    const before = (await rows<{ n: number }>('select count(*)::int as n from alerts where workspace_id = $1', [WS]))[0].n;
    const ctx = { clock, publicUrl: null, minAgeMs: 10 * 60_000 };
    const [x, y] = await Promise.all([sweepRulesPending({ ...ctx, store: a }), sweepRulesPending({ ...ctx, store: b })]);
    const written = [...x, ...y].reduce((sum, w) => sum + w.alerts, 0);
    expect(written, 'between them, each alert written once').toBe(ids.length);
    expect(await alertsOf(ids)).toEqual({ perMessage: once(ids), cases: ids.length });
    expect((await rows<{ n: number }>('select count(*)::int as n from alerts where workspace_id = $1', [WS]))[0].n).toBe(before + ids.length);
    expect(await a.rulesPendingMessages(WS, 1000, { analyzedBefore: new Date(now.getTime() - ctx.minAgeMs) })).toEqual([]);
  }, 60_000);

  it('pages marks by age and id, and refuses an afterId that is no message id', async () => {
    const s = await store();
    now = new Date(T0.getTime() + 2 * HOUR);
    const ids = await analysedWithoutRules(s, 300, 3);
    const pending = await s.rulesPendingMessages(WS, 100);
    expect(pending.slice(-3)).toEqual(ids);
    expect(await s.rulesPendingMessages(WS, 100, { analyzedBefore: now })).not.toContain(ids[0]);
    expect(await s.rulesPendingMessages(WS, 100, { analyzedBefore: new Date(now.getTime() + 1) })).toEqual(expect.arrayContaining(ids));
    expect(await s.rulesPendingMessages(WS, 2, { afterId: ids[0] })).toEqual(pending.slice(pending.indexOf(ids[0]) + 1).slice(0, 2));
    await expect(s.rulesPendingMessages(WS, 2, { afterId: 'abc' })).rejects.toThrow(/Message id "abc" is invalid\. Pass afterId as an id rulesPendingMessages\(\) returned/);
  });
});
