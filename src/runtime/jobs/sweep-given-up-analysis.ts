/**
 * The queue's sweep of `analyze` jobs given up for good. pg-boss retries a failing job (10 times, with
 * backoff), then leaves it `failed`; its messages would stay unanalysed until the next `ECOUTE_QUEUE=1
 * ecoute ingest`. The `sweep` job (one at a time across workers, at each worker's start and every five
 * minutes; see run-worker.ts) enqueues them again:
 * - Only messages still without an analysis of this worker's model version and in no live job (waiting,
 *   retrying or running): a given-up job is final, so no job in flight is raced, and a message another job
 *   already holds is left to it. (Messages carry no time of arrival, so "older than a safe age" is read off
 *   the queue instead: a failed job is past every retry.)
 * - Harmless twice: the `analyze` job skips what is analysed, and the rules write each alert once.
 * - A message that makes every try fail (poison) must not hold back its batch forever nor loop for ever:
 *   each re-enqueue splits the batch into ten smaller ones (200 → 20 → 2 → 1), and after MAX_RESWEEPS
 *   the sweep stops and says which messages it leaves unanalysed, with the last error.
 * The given-up job is removed once dealt with; a sweep killed before that re-reads it, finds its messages
 * in the live jobs it enqueued, and enqueues nothing twice.
 */
import type { Store } from '../../store/store.ts';
import type { GivenUpAnalysis, JobQueue } from './job-queue.ts';

/** Re-enqueues of the same messages before the sweep leaves them unanalysed for good. */
export const MAX_RESWEEPS = 3;
/** Each re-enqueue splits a batch into this many smaller ones, isolating a poison message in a few sweeps. */
const SPLIT = 10;
/** Given-up jobs read per round trip. */
const PAGE = 100;

/** What the sweep needs: the store, the queue, and the model version analyses should have. */
export interface AnalysisSweepContext {
  store: Store;
  queue: JobQueue;
  modelVersion: string;
}

/** What the sweep did with one given-up job. */
export interface SweptAnalysisJob {
  jobId: string;
  workspaceId: string;
  /** Messages enqueued again. */
  requeued: number;
  /** Messages left to another live job, or analysed since (by a rerun or an import). */
  skipped: number;
  /** Messages given up for good (MAX_RESWEEPS reached): still unanalysed, listed with the error. */
  abandoned: string[];
  jobs: number;
  error: string;
}

/** Enqueues again the unanalysed messages of every `analyze` job pg-boss gave up for good, then forgets those jobs. */
export async function sweepGivenUpAnalysis(ctx: AnalysisSweepContext): Promise<SweptAnalysisJob[]> {
  const out: SweptAnalysisJob[] = [];
  for (;;) {
    const page = await ctx.queue.givenUpAnalyses(PAGE);
    if (page.length === 0) break;
    for (const job of page) out.push(await sweepOne(ctx, job));
    // Forgotten only once dealt with: the next page is the next jobs, never these again.
    await ctx.queue.forgetGivenUp(page.map((j) => j.id));
    if (page.length < PAGE) break;
  }
  return out;
}

async function sweepOne(ctx: AnalysisSweepContext, job: GivenUpAnalysis): Promise<SweptAnalysisJob> {
  const { workspaceId, messageIds, rules } = job.data;
  const result: SweptAnalysisJob = { jobId: job.id, workspaceId, requeued: 0, skipped: 0, abandoned: [], jobs: 0, error: job.error };
  // Messages erased since (import undo, retention) are simply gone; analysed ones need nothing.
  const unanalysed = (await ctx.store.messagesForAnalysis(workspaceId, messageIds))
    .filter((m) => m.analysisVersion !== ctx.modelVersion).map((m) => m.messageId);
  const live = await ctx.queue.liveAnalysisIds(workspaceId, unanalysed);
  const todo = unanalysed.filter((id) => !live.has(id));
  result.skipped = messageIds.length - todo.length;
  if (todo.length === 0) return result;
  const resweeps = (job.data.resweeps ?? 0) + 1;
  if (resweeps > MAX_RESWEEPS) {
    result.abandoned = todo;
    return result;
  }
  const batchSize = Math.max(1, Math.ceil(messageIds.length / SPLIT));
  // A re-analysis batch is brought to this worker's model; an import's keeps its alert rules.
  result.jobs = await ctx.queue.enqueueAnalysis(workspaceId, todo, {
    batchSize, rules: rules === true, resweeps, ...(job.data.modelVersion !== undefined ? { modelVersion: ctx.modelVersion } : {}),
  });
  result.requeued = todo.length;
  return result;
}
