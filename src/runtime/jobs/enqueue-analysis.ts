/**
 * Enqueues `analyze` jobs for every message of a workspace awaiting analysis by a model version: after
 * an import (`pending`: new messages, and any left by an older model), or for a re-analysis (`stale`:
 * only messages analysed by another version). Ids are read page by page in id order, so a million
 * messages never sit in memory at once, and a page enqueued is never read again.
 */
import type { Store } from '../../store/store.ts';
import { DEFAULT_ANALYZE_BATCH, type JobQueue } from './job-queue.ts';

/** Ids read per page (a multiple of the batch size keeps every job but the last full). */
const PAGE = 50 * DEFAULT_ANALYZE_BATCH;

/** What was enqueued. */
export interface EnqueuedAnalysis {
  messages: number;
  jobs: number;
}

/** Enqueues the workspace's backlog for `modelVersion` as `analyze` jobs of `batchSize` messages. */
export async function enqueueAnalysis(
  store: Store, queue: JobQueue, workspaceId: string,
  opts: { modelVersion: string; kind: 'pending' | 'stale'; batchSize?: number; rules: boolean },
): Promise<EnqueuedAnalysis> {
  const batchSize = opts.batchSize ?? DEFAULT_ANALYZE_BATCH;
  const page = Math.max(batchSize, Math.floor(PAGE / batchSize) * batchSize);
  const out: EnqueuedAnalysis = { messages: 0, jobs: 0 };
  let afterId: string | undefined;
  for (;;) {
    const ids = await store.analysisBacklog(workspaceId, { modelVersion: opts.modelVersion, kind: opts.kind, afterId, limit: page });
    if (ids.length === 0) break;
    // Re-analysis batches name their model: a worker still running the old one must not take them.
    const target = opts.kind === 'stale' ? opts.modelVersion : undefined;
    out.jobs += await queue.enqueueAnalysis(workspaceId, ids, { batchSize, rules: opts.rules, modelVersion: target });
    out.messages += ids.length;
    afterId = ids[ids.length - 1];
    if (ids.length < page) break;
  }
  return out;
}
