import { Worker } from 'node:worker_threads';
import { EcouteError } from '../../core/errors.ts';
import type { InsightFilter } from '../../insights/filter-input.ts';
import type { Insights } from '../../insights/types.ts';

/** `.ts` from the sources (tsx), `.js` from the compiled package (dist/): the worker entry is a sibling file. */
const OWN_EXT = import.meta.url.endsWith('.js') ? '.js' : '.ts';

/** What the persistent insights worker is started with. */
export interface InsightsHostData {
  entry: string;
  databaseUrl: string;
  schema?: string;
}

/** One computation asked of it. */
export interface InsightsRequest {
  id: number;
  workspaceId: string;
  /** Epoch ms of "now" (injected clock). */
  now: number;
  filter?: InsightFilter;
}

/** Its answer: the insights, or the error translated to plain data. */
export type InsightsHostReply =
  | { id: number; ok: true; insights: Insights }
  | { id: number; ok: false; error: { code: string; message: string; status: number } };

type Waiting = { resolve: (insights: Insights) => void; reject: (err: Error) => void };

/**
 * One long-lived worker thread that holds every workspace's facts (IncrementalInsights) and computes
 * insights off the HTTP server's event loop. The one-shot worker before it (compute-insights-in-worker.ts)
 * loaded every fact again for each computation: seconds at 100,000 messages on every import batch; this
 * one reads only what changed. Started on the first request; a worker that dies fails its requests with
 * a named error and a new one (loading everything again) starts on the next request.
 */
export class InsightsWorkerHost {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Waiting>();
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly schema?: string,
  ) {}

  /** The insights of `workspaceId` as of `now`, narrowed to `filter` when given. */
  compute(workspaceId: string, now: Date, filter?: InsightFilter): Promise<Insights> {
    if (this.closed) return Promise.reject(new EcouteError('internal', 'The insights worker is closed: the server is stopping. Retry once it is back.', 503));
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<Insights>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const req: InsightsRequest = { id, workspaceId, now: now.getTime(), filter };
      worker.postMessage(req);
    });
  }

  /** Stops the worker (its store closed); computations in flight are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise((done) => worker.once('exit', done));
    // Waiting for an unref'ed worker would not keep the process alive until it has closed its store.
    worker.ref();
    worker.postMessage('close');
    await exited;
  }

  private start(): Worker {
    const data: InsightsHostData = { entry: new URL(`./insights-host-worker${OWN_EXT}`, import.meta.url).href, databaseUrl: this.databaseUrl, schema: this.schema };
    const worker = new Worker(new URL('../worker-bootstrap.mjs', import.meta.url), { workerData: data });
    // An idle worker must not keep a stopping server's process alive.
    worker.unref();
    this.worker = worker;
    worker.on('message', (reply: InsightsHostReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.insights);
      else waiting.reject(new EcouteError(reply.error.code, reply.error.message, reply.error.status));
    });
    const fail = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      for (const w of this.pending.values()) w.reject(new EcouteError('internal', `The insights worker stopped (${why}) before answering. Check memory limits, then retry.`, 500));
      this.pending.clear();
    };
    worker.on('error', (err) => fail(err.message));
    worker.on('exit', (code) => fail(`exit code ${code}`));
    return worker;
  }
}
