/**
 * The pieces behind `ecoute worker`, in-process: the store's backlog pages and batch reads (both
 * dialects), the `analyze` job's idempotence and model guard, and the clear refusals (SQLite, bad flags,
 * bad settings). The multi-process behaviour is in queue-workers.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyzerModel } from '../../../src/analyze/model.ts';
import type { CommandContext } from '../../../src/cli/command.ts';
import { ingestCommand } from '../../../src/cli/commands/ingest.ts';
import { workerCommand } from '../../../src/cli/commands/worker.ts';
import { parseConfig } from '../../../src/core/config.ts';
import type { ConversationInput } from '../../../src/core/conversation.ts';
import { ConfigError, ModelError, UsageError } from '../../../src/core/errors.ts';
import { loadModel } from '../../../src/runtime/analysis/load-model.ts';
import { runAnalyzeJob } from '../../../src/runtime/jobs/analyze-job.ts';
import { openStore } from '../../../src/store/open-store.ts';
import type { Store } from '../../../src/store/store.ts';
import { dialectSuite } from '../../store/dialects.ts';

const WS = 'jobs-unit';
const NOW = new Date('2026-03-02T09:00:00Z');
let model: AnalyzerModel;
const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-jobs-unit-'));

beforeAll(async () => {
  model = await loadModel();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function conversations(n: number): ConversationInput[] {
  return Array.from({ length: n }, (_, i) => ({
    naturalKey: `c-${i}`, channel: 'chat' as const, startedAt: new Date(NOW.getTime() + i * 1000), surveys: [],
    messages: [
      { role: 'customer' as const, at: new Date(NOW.getTime() + i * 1000), text: `My delivery is late again, order ${i}. I am furious.` },
      { role: 'agent' as const, at: new Date(NOW.getTime() + i * 1000 + 1), text: 'Sorry, we are looking into it.' },
    ],
  }));
}

async function seed(store: Store, n: number): Promise<string[]> {
  const source = await store.ensureSource(WS, 'unit', 'jsonl');
  return (await store.writeConversations(WS, source, conversations(n))).newMessageIds;
}

dialectSuite('analysis jobs: backlog pages and batches', ({ open }) => {
  it('pages pending and stale messages by id, and reads a batch of customer messages', async () => {
    const store = await open();
    const ids = await seed(store, 7);
    expect(ids).toHaveLength(7);
    const first = await store.analysisBacklog(WS, { modelVersion: 'v1', kind: 'pending', limit: 4 });
    const rest = await store.analysisBacklog(WS, { modelVersion: 'v1', kind: 'pending', afterId: first[3], limit: 4 });
    expect([...first, ...rest]).toEqual(ids);
    expect(await store.analysisBacklog(WS, { modelVersion: 'v1', kind: 'stale', limit: 10 })).toEqual([]);

    // Analysed by v1: nothing pending for v1; everything stale for v2 (and still pending for it).
    const batch = await store.messagesForAnalysis(WS, [...ids, '999999', 'not-an-id']);
    expect(batch.map((m) => m.messageId)).toEqual(ids);
    expect(batch[0]).toMatchObject({ text: 'My delivery is late again, order 0. I am furious.', analysisVersion: null });
    await runAnalyzeJob({ store, model: { ...model, version: 'v1' }, clock: () => NOW, publicUrl: null }, { workspaceId: WS, messageIds: ids, rules: false });
    expect(await store.analysisBacklog(WS, { modelVersion: 'v1', kind: 'pending', limit: 10 })).toEqual([]);
    expect(await store.analysisBacklog(WS, { modelVersion: 'v2', kind: 'stale', limit: 10 })).toEqual(ids);
    expect(await store.analysisBacklog(WS, { modelVersion: 'v2', kind: 'pending', limit: 10 })).toEqual(ids);
    // Other workspaces see none of it.
    expect(await store.messagesForAnalysis('elsewhere', ids)).toEqual([]);
    expect(await store.analysisBacklog('elsewhere', { modelVersion: 'v2', kind: 'pending', limit: 10 })).toEqual([]);
  });
});

describe('the analyze job', () => {
  it('is idempotent: a second run skips what the first stored; a re-analysis batch for another model is refused', async () => {
    const store = await openStore(`sqlite:${path.join(dir, 'job.db')}`, { clock: () => NOW });
    try {
      const ids = await seed(store, 5);
      const ctx = { store, model, clock: () => NOW, publicUrl: null };
      const job = { workspaceId: WS, messageIds: [...ids, ids[0]], rules: true };
      expect(await runAnalyzeJob(ctx, job)).toEqual({ analysed: 5, skipped: 0, missing: 0, alerts: 0 });
      const stored = await store.messageFacts(WS);
      expect(await runAnalyzeJob(ctx, job)).toEqual({ analysed: 0, skipped: 5, missing: 0, alerts: 0 });
      expect(await store.messageFacts(WS)).toEqual(stored);
      await expect(runAnalyzeJob(ctx, { ...job, modelVersion: 'some-other-model' })).rejects.toThrow(ModelError);
      await expect(runAnalyzeJob(ctx, { ...job, modelVersion: 'some-other-model' })).rejects.toThrow(/run every worker on the same model/);
    } finally {
      await store.close();
    }
  });
});

function context(env: Record<string, string>): { ctx: CommandContext; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const config = parseConfig({ ECOUTE_WORKSPACE: WS, ...env });
  const ctx: CommandContext = {
    config, stdin: new PassThrough(), stdout, stderr, isTTY: false, clock: () => NOW,
    openStore: () => openStore(config.databaseUrl, { clock: () => NOW }),
    loadModel: async () => model,
  };
  return { ctx, out: () => out, err: () => err };
}

describe('ecoute worker and ECOUTE_QUEUE refusals', () => {
  it('refuses to run on SQLite, naming the fix', async () => {
    const { ctx } = context({ DATABASE_URL: `sqlite:${path.join(dir, 'w.db')}` });
    await expect(workerCommand.run([], ctx)).rejects.toThrow(ConfigError);
    await expect(workerCommand.run([], ctx)).rejects.toThrow(/ecoute worker needs DATABASE_URL to be PostgreSQL \(postgres:\/\/.*With SQLite, `ecoute ingest` analyses in-process/);
  });

  it.each([
    [['--concurrency', '0'], /--concurrency must be a whole number from 1 to 64, not "0"/],
    [['--concurrency', 'two'], /--concurrency must be a whole number from 1 to 64, not "two"/],
    [['now'], /ecoute worker takes no argument, not "now"/],
    [['--threads', '2'], /Unknown option '--threads'/],
  ])('refuses %j with a usage error', async (args, message) => {
    const { ctx } = context({ DATABASE_URL: `sqlite:${path.join(dir, 'w.db')}` });
    await expect(workerCommand.run(args, ctx)).rejects.toThrow(UsageError);
    await expect(workerCommand.run(args, ctx)).rejects.toThrow(message);
  });

  it.each([
    [{ ECOUTE_QUEUE: 'yes' }, /ECOUTE_QUEUE must be 1 \(on\) or 0 \(off\)/],
    [{ ECOUTE_JOB_TIMEOUT: '500' }, /ECOUTE_JOB_TIMEOUT "500" must be a duration of at least 1s/],
    [{ ECOUTE_QUEUE_BATCH: '3' }, /ECOUTE_QUEUE_BATCH must be a whole number from 10 to 5000/],
  ])('rejects the setting %j naming the variable', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });

  it('reads the queue settings', () => {
    expect(parseConfig({})).toMatchObject({ queue: false, queueBatch: 200, jobTimeout: '5m' });
    expect(parseConfig({ ECOUTE_QUEUE: '1', ECOUTE_QUEUE_BATCH: '50', ECOUTE_JOB_TIMEOUT: '30s' })).toMatchObject({ queue: true, queueBatch: 50, jobTimeout: '30s' });
  });

  it('ECOUTE_QUEUE=1 on SQLite: ingest says so and analyses in-process', async () => {
    const file = path.join(dir, 'in.jsonl');
    writeFileSync(file, '{"id":"q-1","text":"The invoice is wrong again"}\n{"id":"q-2","text":"Thanks for the quick refund"}\n');
    const { ctx, out, err } = context({ DATABASE_URL: `sqlite:${path.join(dir, 'ingest.db')}`, ECOUTE_QUEUE: '1' });
    expect(await ingestCommand.run([file], ctx)).toBe(0);
    expect(err()).toContain('ECOUTE_QUEUE=1 applies to PostgreSQL only (workers share jobs through it): analysing in-process on SQLite.');
    expect(out()).toContain('analysed 2 new messages');
    expect(out()).not.toContain('queued');
  });
});
