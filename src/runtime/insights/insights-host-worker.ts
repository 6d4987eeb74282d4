/**
 * Worker-thread entry (loaded through worker-bootstrap.mjs) of InsightsWorkerHost: holds its own store
 * connection and every workspace's facts (IncrementalInsights), and answers one computation after the
 * other (requests for the same view that queued meanwhile share one), so the HTTP server's event loop
 * stays free while insights are brought up to date.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EcouteError, toEcouteError } from '../../core/errors.ts';
import { openWorkerStore } from '../open-worker-store.ts';
import { IncrementalInsights } from './incremental-insights.ts';
import type { InsightsHostData, InsightsHostReply, InsightsRequest } from './insights-worker-host.ts';

const data = workerData as InsightsHostData;
const port = parentPort;
const { store, failure } = await openWorkerStore(data);
const insights = store ? new IncrementalInsights(store) : null;

/** Requests waiting while a computation runs. */
const queue: InsightsRequest[] = [];
let draining = false;

port?.on('message', (req: InsightsRequest | 'close') => {
  if (req === 'close') {
    void (store?.close() ?? Promise.resolve()).finally(() => port.close());
    return;
  }
  queue.push(req);
  void drain();
});

/** The view a request asks for: requests for the same one are answered by one computation. */
function viewOf(req: InsightsRequest): string {
  return `${req.workspaceId}\u0000${JSON.stringify(req.filter ?? {})}`;
}

/**
 * Answers the queue one view at a time. Every request waiting for the same view gets one computation of
 * the data as it is now (never older than the version it was asked at): during an import a request
 * arrives for each new data version, and computing each in turn would build a backlog of seconds each.
 */
async function drain(): Promise<void> {
  if (draining) return;
  draining = true;
  try {
    while (queue.length > 0) {
      const view = viewOf(queue[0]);
      const group = queue.filter((r) => viewOf(r) === view);
      queue.splice(0, queue.length, ...queue.filter((r) => viewOf(r) !== view));
      const now = Math.max(...group.map((r) => r.now));
      const reply = await answer(group[0].workspaceId, now, group[0].filter);
      for (const r of group) port?.postMessage({ ...reply, id: r.id });
    }
  } finally {
    draining = false;
  }
}

async function answer(workspaceId: string, now: number, filter: InsightsRequest['filter']): Promise<InsightsHostReply> {
  try {
    if (!insights) throw failure ?? new EcouteError('internal', 'The insights worker has no store. Restart the server.', 500);
    return { id: 0, ok: true, insights: await insights.compute(workspaceId, new Date(now), filter) };
  } catch (err) {
    const e = toEcouteError(err);
    return { id: 0, ok: false, error: { code: e.code, message: e.message, status: e.status } };
  }
}
