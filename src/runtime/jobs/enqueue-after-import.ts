/**
 * The importer's side of the queue: with ECOUTE_QUEUE=1 on PostgreSQL, `ecoute ingest` enqueues the
 * workspace's messages awaiting analysis as `analyze` jobs (alert rules included) for `ecoute worker`
 * processes, instead of analysing them in-process. SQLite keeps the in-process pool.
 */
import type { Writable } from 'node:stream';
import type { Config } from '../../core/config.ts';
import { parseDuration } from '../../core/duration.ts';
import type { Store } from '../../store/store.ts';
import { enqueueAnalysis, type EnqueuedAnalysis } from './enqueue-analysis.ts';
import { JobQueue } from './job-queue.ts';

/**
 * Enqueues the analysis of `workspaceId`'s pending messages when the queue is on; returns null when the
 * caller should analyse in-process (queue off, or SQLite: said once on `notes`).
 */
export async function enqueueImportedAnalysis(
  store: Store, config: Config, workspaceId: string, modelVersion: string, notes: Writable,
): Promise<EnqueuedAnalysis | null> {
  if (!config.queue) return null;
  if (store.dialect !== 'postgres') {
    notes.write('ECOUTE_QUEUE=1 applies to PostgreSQL only (workers share jobs through it): analysing in-process on SQLite.\n');
    return null;
  }
  const queue = await JobQueue.open({ databaseUrl: config.databaseUrl, jobTimeoutMs: parseDuration(config.jobTimeout) ?? 300_000 });
  try {
    return await enqueueAnalysis(store, queue, workspaceId, { modelVersion, kind: 'pending', rules: true, batchSize: config.queueBatch });
  } finally {
    await queue.stop({ graceful: false });
  }
}
