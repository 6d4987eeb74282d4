/**
 * One `ecoute worker` process: takes `analyze`, `reanalyse`, `deliver` and `sweep` jobs from the shared
 * queue until stopped. At start it asks for a re-analysis of every workspace holding analyses of another
 * model version (the first worker of a new model to start does it; the others' requests collapse into that
 * one) and for a sweep (rules-pending marks, and the messages of `analyze` jobs given up for good), and
 * schedules a delivery pass each minute and a sweep every five. Everything it does is written as one line
 * to `log`.
 */
import type { Writable } from 'node:stream';
import type { AnalyzerModel } from '../../analyze/model.ts';
import type { Config } from '../../core/config.ts';
import type { Clock } from '../../core/ports.ts';
import { parseDuration } from '../../core/duration.ts';
import type { Store } from '../../store/store.ts';
import { configuredTransport } from '../act/configured-delivery.ts';
import { runAnalyzeJob } from './analyze-job.ts';
import { runDeliverJob } from './deliver-job.ts';
import { enqueueAnalysis } from './enqueue-analysis.ts';
import { QUEUES, type AnalyzeJobData, type DeliverJobData, type JobQueue, type ReanalyseJobData } from './job-queue.ts';
import { MAX_RESWEEPS, sweepGivenUpAnalysis } from './sweep-given-up-analysis.ts';
import { sweepRulesPending } from './sweep-rules-pending.ts';

/** What a worker needs: the open store and queue, its model, the configuration and where to log. */
export interface WorkerContext {
  store: Store;
  queue: JobQueue;
  model: AnalyzerModel;
  config: Config;
  clock: Clock;
  log: Writable;
  /** Polling loops for `analyze` jobs in this process (deliveries and re-analyses take one each). */
  concurrency: number;
  /**
   * The sweep raises rules-pending marks at least this old (ms). Default: the job timeout
   * (ECOUTE_JOB_TIMEOUT), past which a job still running is presumed abandoned anyway.
   */
  sweepMinAgeMs?: number;
}

/**
 * Registers the handlers and the schedule; jobs start flowing at once. Returns stop(): no new job is
 * taken, the jobs in hand finish (up to `timeoutMs`, after which they are failed and retried elsewhere),
 * then the queue's connections and the mail transport close. The store stays open (the caller's).
 */
export async function startWorker(ctx: WorkerContext): Promise<(timeoutMs: number) => Promise<void>> {
  const { store, queue, model, log } = ctx;
  const publicUrl = ctx.config.publicUrl ?? null;

  await queue.work<AnalyzeJobData>(QUEUES.analyze, ctx.concurrency, async (data, id) => {
    log.write(`analyze ${id} started: ${data.messageIds.length} messages of workspace "${data.workspaceId}"\n`);
    const out = await runAnalyzeJob({ store, model, clock: ctx.clock, publicUrl }, data);
    log.write(`analyze ${id} done: analysed ${out.analysed}, skipped ${out.skipped}, missing ${out.missing}, alerts ${out.alerts}\n`);
    // New alerts have deliveries waiting: ask for a pass now rather than at the next minute.
    if (out.alerts > 0) await queue.requestDelivery(data.workspaceId);
  });

  await queue.work<ReanalyseJobData>(QUEUES.reanalyse, 1, async (data, id) => {
    if (data.modelVersion !== model.version) {
      // Asked by a worker running another model: the workers of that model will handle it.
      log.write(`reanalyse ${id}: for model ${data.modelVersion}, this worker runs ${model.version}: left to those workers\n`);
      return;
    }
    const out = await enqueueAnalysis(store, queue, data.workspaceId, { modelVersion: model.version, kind: 'stale', rules: false, batchSize: ctx.config.queueBatch });
    log.write(`reanalyse ${id}: workspace "${data.workspaceId}": ${out.messages} messages to model ${model.version} in ${out.jobs} analyze jobs\n`);
  });

  const transport = configuredTransport(ctx.config);
  await queue.work<DeliverJobData>(QUEUES.deliver, 1, async (data) => {
    await runDeliverJob({ store, transport, config: ctx.config, clock: ctx.clock, log }, data);
  });

  const minAgeMs = ctx.sweepMinAgeMs ?? parseDuration(ctx.config.jobTimeout) ?? 300_000;
  await queue.work<object>(QUEUES.sweep, 1, async (_data, id) => {
    for (const w of await sweepRulesPending({ store, clock: ctx.clock, publicUrl, minAgeMs })) {
      log.write(`sweep ${id}: workspace "${w.workspaceId}": ran the alert rules on ${w.messages} messages a given-up job left rules-pending, alerts ${w.alerts}\n`);
      if (w.alerts > 0) await queue.requestDelivery(w.workspaceId);
    }
    for (const j of await sweepGivenUpAnalysis({ store, queue, modelVersion: model.version })) {
      if (j.requeued > 0) {
        log.write(`sweep ${id}: workspace "${j.workspaceId}": analyze ${j.jobId} was given up for good (${j.error}): `
          + `enqueued its ${j.requeued} unanalysed messages again in ${j.jobs} jobs, ${j.skipped} were analysed or held by another job\n`);
      } else if (j.abandoned.length > 0) {
        log.write(`sweep ${id}: workspace "${j.workspaceId}": analyze ${j.jobId} was given up for good (${j.error}) after ${MAX_RESWEEPS} new tries: `
          + `messages ${j.abandoned.join(', ')} stay unanalysed; fix the cause, then run \`ECOUTE_QUEUE=1 ecoute ingest\` again (it enqueues every message awaiting analysis)\n`);
      }
    }
  });

  await queue.scheduleDeliveries();
  await queue.scheduleSweeps();
  await queue.requestSweep();
  await requestStaleReanalyses(store, queue, model.version, log);
  return async (timeoutMs) => {
    try {
      await queue.stop({ graceful: true, timeoutMs });
    } finally {
      transport.close();
    }
  };
}

/** Asks for a re-analysis of each workspace holding analyses by a model version other than `modelVersion`. */
export async function requestStaleReanalyses(store: Store, queue: JobQueue, modelVersion: string, log: Writable): Promise<number> {
  let requested = 0;
  for (const { id } of await store.listWorkspaces()) {
    const stale = await store.analysisBacklog(id, { modelVersion, kind: 'stale', limit: 1 });
    if (stale.length === 0) continue;
    await queue.requestReanalysis(id, modelVersion);
    log.write(`workspace "${id}" holds analyses of another model: re-analysis to ${modelVersion} requested\n`);
    requested += 1;
  }
  return requested;
}
