import { EcouteError } from '../../core/errors.ts';
import type { InsightFilter } from '../../insights/filter-input.ts';
import type { Insights } from '../../insights/types.ts';
import { RequestWorker } from '../request-worker.ts';

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

/**
 * One long-lived worker thread that holds every workspace's facts (IncrementalInsights) and computes
 * insights off the HTTP server's event loop. The one-shot worker before it (compute-insights-in-worker.ts)
 * loaded every fact again for each computation: seconds at 100,000 messages on every import batch; this
 * one reads only what changed. Started on the first request; a worker that dies fails its requests with
 * a named error and a new one (loading everything again) starts on the next request.
 */
export class InsightsWorkerHost {
  private worker: RequestWorker<Insights, InsightsHostReply> | null = null;
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
    const req: InsightsRequest = { id: this.nextId++, workspaceId, now: now.getTime(), filter };
    return worker.ask(req);
  }

  /** Stops the worker (its store closed); computations in flight are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    await this.worker?.close();
  }

  private start(): RequestWorker<Insights, InsightsHostReply> {
    const data: InsightsHostData = { entry: new URL(`./insights-host-worker${OWN_EXT}`, import.meta.url).href, databaseUrl: this.databaseUrl, schema: this.schema };
    const worker: RequestWorker<Insights, InsightsHostReply> = new RequestWorker(data, 'insights worker', (reply) => reply.insights, () => {
      if (this.worker === worker) this.worker = null;
    });
    this.worker = worker;
    return worker;
  }
}
