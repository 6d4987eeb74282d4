/**
 * The store a worker-thread entry (loaded through worker-bootstrap.mjs) opens for itself: a worker
 * cannot share its host's connection, and it must not die on a connection error either, or its host's
 * requests would wait for an answer that never comes. So the failure is kept, to be answered to each
 * request instead.
 */
import { type EcouteError, toEcouteError } from '../core/errors.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';

/** Where a worker's host tells it to connect (part of its workerData). */
export interface WorkerStoreData {
  databaseUrl: string;
  schema?: string;
}

/** The worker's own store, or (when it could not be opened) the error each request is answered with. */
export type WorkerStore = { store: Store; failure: null } | { store: null; failure: EcouteError };

/** Opens the worker's own store connection as `data` says; never throws, see WorkerStore. */
export async function openWorkerStore(data: WorkerStoreData): Promise<WorkerStore> {
  try {
    return { store: await openStore(data.databaseUrl, { schema: data.schema }), failure: null };
  } catch (err) {
    return { store: null, failure: toEcouteError(err) };
  }
}
