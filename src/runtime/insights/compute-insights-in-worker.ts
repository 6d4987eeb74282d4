import { Worker } from 'node:worker_threads';
import { EcouteError } from '../../core/errors.ts';
import type { InsightFilter } from '../../insights/filter-input.ts';
import type { Insights } from '../../insights/types.ts';

/** `.ts` from the sources (tsx), `.js` from the compiled package (dist/): the worker entry is a sibling file. */
const OWN_EXT = import.meta.url.endsWith('.js') ? '.js' : '.ts';

/** What the insights worker is asked to compute. */
export interface InsightsJob {
  entry: string;
  databaseUrl: string;
  schema?: string;
  workspaceId: string;
  /** Epoch ms of "now" for the computation (injected clock). */
  now: number;
  /** The dashboard filter to narrow the input to (plain data; absent: the whole workspace). */
  filter?: InsightFilter;
}

/** What it answers: the insights, or the error translated to plain data. */
export type InsightsReply =
  | { ok: true; insights: Insights }
  | { ok: false; error: { code: string; message: string; status: number } };

/** True when a worker can open the same database (an in-memory SQLite database is private to its connection). */
export function workerCanShare(databaseUrl: string): boolean {
  return !/^sqlite::memory:?$/.test(databaseUrl.trim()) && databaseUrl.trim() !== 'sqlite:';
}

/**
 * Computes a workspace's insights in a one-shot worker thread with its own store connection.
 * Loading and summarising 1M messages takes tens of seconds of CPU; off the main thread the server
 * keeps answering (health, listening station, cached pages) meanwhile. With `filter`, the insights of
 * that slice of the data (see filterInsightsInput).
 */
export function computeInsightsInWorker(
  databaseUrl: string,
  workspaceId: string,
  now: Date,
  schema?: string,
  filter?: InsightFilter,
): Promise<Insights> {
  const job: InsightsJob = {
    entry: new URL(`./insights-worker${OWN_EXT}`, import.meta.url).href,
    databaseUrl,
    schema,
    workspaceId,
    now: now.getTime(),
    filter,
  };
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../worker-bootstrap.mjs', import.meta.url), { workerData: job });
    // A computation in flight must not keep a stopping server's process alive.
    worker.unref();
    let settled = false;
    worker.once('message', (reply: InsightsReply) => {
      settled = true;
      if (reply.ok) resolve(reply.insights);
      else reject(new EcouteError(reply.error.code, reply.error.message, reply.error.status));
      void worker.terminate();
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new EcouteError('internal', `The insights worker stopped (exit code ${code}) before answering. Check memory limits, then retry.`, 500));
    });
  });
}
