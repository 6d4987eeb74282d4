import { EcouteError } from '../../core/errors.ts';
import type { FactFilter } from '../../core/facts.ts';
import type { MessagePage, Store } from '../../store/store.ts';
import { workerCanShare } from '../insights/compute-insights-in-worker.ts';
import { RequestWorker } from '../request-worker.ts';

/** `.ts` from the sources (tsx), `.js` from the compiled package (dist/): the worker entry is a sibling file. */
const OWN_EXT = import.meta.url.endsWith('.js') ? '.js' : '.ts';

/** What each listening worker is started with. */
export interface ListeningWorkerData {
  entry: string;
  databaseUrl: string;
  schema?: string;
}

/** One listMessages call, as sent to a worker. */
export interface ListeningRequest {
  id: number;
  workspaceId: string;
  filter: FactFilter;
  limit: number;
  cursor: string | null;
}

/** A worker's answer: the page, or the error translated to plain data. */
export type ListeningReply =
  | { id: number; ok: true; page: MessagePage }
  | { id: number; ok: false; error: { code: string; message: string; status: number } };

type Slot = RequestWorker<MessagePage, ListeningReply>;

/** Listening-station queries run by a few worker threads, each with its own connection. */
export interface ListeningWorkers {
  listMessages(workspaceId: string, filter: FactFilter, limit: number, cursor?: string | null): Promise<MessagePage>;
  /** Stops the workers (their connections closed); requests in flight are rejected. */
  close(): Promise<void>;
}

/**
 * Starts `size` workers sharing the listening station's requests (each to the worker with the fewest in
 * flight). A worker that dies fails its requests with a named error and is replaced on the next request.
 */
export function listeningWorkers(databaseUrl: string, size = 2, schema?: string): ListeningWorkers {
  const slots: (Slot | null)[] = Array.from({ length: Math.max(1, size) }, () => null);
  let nextId = 1;
  let closed = false;

  const start = (k: number): Slot => {
    const data: ListeningWorkerData = { entry: new URL(`./listening-worker${OWN_EXT}`, import.meta.url).href, databaseUrl, schema };
    const slot: Slot = new RequestWorker(data, 'listening worker', (reply) => reply.page, () => {
      if (slots[k] === slot) slots[k] = null;
    });
    return slot;
  };
  // Started now, not on the first search: loading a worker's modules takes a while on a busy machine.
  slots.forEach((_, k) => (slots[k] = start(k)));

  return {
    listMessages(workspaceId, filter, limit, cursor = null) {
      if (closed) return Promise.reject(new EcouteError('internal', 'The listening workers are closed: the server is stopping. Retry once it is back.', 503));
      let k = slots.findIndex((s) => s === null || s.inFlight === 0);
      if (k < 0) k = slots.reduce((best, s, i) => (s!.inFlight < slots[best]!.inFlight ? i : best), 0);
      const slot = slots[k] ?? (slots[k] = start(k));
      const req: ListeningRequest = { id: nextId++, workspaceId, filter, limit, cursor };
      return slot.ask(req);
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((slot) => slot?.close()));
    },
  };
}

/**
 * The store the server should use: for a SQLite file, `store` with its listMessages answered by worker
 * threads (better-sqlite3 blocks the thread running a query, and a search may read much of the table);
 * otherwise `store` itself (PostgreSQL queries wait on the network, not on this thread; an in-memory
 * database cannot be shared). `close` stops the workers, not the store.
 */
export function listeningOffThread(store: Store, databaseUrl: string, size = 2): { store: Store; close(): Promise<void> } {
  if (store.dialect !== 'sqlite' || !workerCanShare(databaseUrl)) return { store, close: async () => undefined };
  const workers = listeningWorkers(databaseUrl, size);
  const served = new Proxy(store, {
    get(target, prop) {
      if (prop === 'listMessages') return workers.listMessages;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: served, close: () => workers.close() };
}
