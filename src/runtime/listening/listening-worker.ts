/**
 * Worker-thread entry (loaded through worker-bootstrap.mjs) of the listening station: holds its own store
 * connection and answers listMessages requests one after the other. better-sqlite3 runs each query
 * synchronously on the thread that calls it; here that thread is not the HTTP server's, so a search
 * that reads a large part of the table does not hold up other requests.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EcouteError, toEcouteError } from '../../core/errors.ts';
import { openWorkerStore } from '../open-worker-store.ts';
import type { ListeningReply, ListeningRequest, ListeningWorkerData } from './listening-workers.ts';

const data = workerData as ListeningWorkerData;
const port = parentPort;
const { store, failure } = await openWorkerStore(data);

port?.on('message', (req: ListeningRequest | 'close') => {
  if (req === 'close') {
    void (store?.close() ?? Promise.resolve()).finally(() => port.close());
    return;
  }
  void answer(req).then((reply) => port.postMessage(reply));
});

async function answer(req: ListeningRequest): Promise<ListeningReply> {
  try {
    if (!store) throw failure ?? new EcouteError('internal', 'The listening worker has no store. Restart the server.', 500);
    return { id: req.id, ok: true, page: await store.listMessages(req.workspaceId, req.filter, req.limit, req.cursor) };
  } catch (err) {
    const e = toEcouteError(err);
    return { id: req.id, ok: false, error: { code: e.code, message: e.message, status: e.status } };
  }
}
