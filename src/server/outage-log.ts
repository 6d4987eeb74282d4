/**
 * What `ecoute serve` logs while the database is away. Every request that needs it answers 503
 * `db_unavailable` (error-response.ts); one log line per request buried the log during a PostgreSQL
 * restart (about 130 lines in 3.5 s) and said nothing new after the first. Instead, an outage is:
 * - one line at its first failed request, with the driver's cause (or at the first failed background pass,
 *   when a delivery or spike check meets the outage before any request does; later passes say nothing);
 * - then at most one summary line per `everyMs` ("still unavailable: K requests answered 503 in the last N s");
 * - one line when a request is answered again, with the outage's length and total.
 * The clock is injected, so the throttling is tested without waiting.
 */
import type { MiddlewareHandler } from 'hono';
import type { DbOutageWatch } from '../runtime/db-outage-watch.ts';

/** Where the lines go (the server's stderr); tests pass their own. */
export type OutageLine = (line: string) => void;

/** Summary lines at most this often by default. */
export const OUTAGE_SUMMARY_MS = 10_000;

const seconds = (ms: number): string => (ms / 1000).toFixed(1);

/** The state of one server's view of the database: up, or away since some time. */
export class OutageLog implements DbOutageWatch {
  /** When the first failure of the current outage happened; null while the database answers. */
  private since: number | null = null;
  /** Start of the span the next summary covers, and the failures in it. */
  private spanStart = 0;
  private inSpan = 0;
  private total = 0;

  constructor(
    private readonly write: OutageLine,
    private readonly now: () => number = () => Date.now(),
    private readonly everyMs: number = OUTAGE_SUMMARY_MS,
  ) {}

  /** Whether an outage is under way (a failure seen, no answer since). */
  get down(): boolean {
    return this.since !== null;
  }

  /** A request (`where`: "GET /api/x") failed because the database is away; `cause`: the driver's one-line reason. */
  failed(where: string, cause: string): void {
    const t = this.now();
    if (this.since === null) {
      this.begin(t, ` request: ${where}`, cause, 1);
      return;
    }
    this.total += 1;
    this.inSpan += 1;
    if (t - this.spanStart >= this.everyMs) {
      this.write(`ecoute serve: database still unavailable: ${this.inSpan} requests answered 503 in the last ${seconds(t - this.spanStart)} s (latest: ${cause})`);
      this.spanStart = t;
      this.inSpan = 0;
    }
  }

  /**
   * A background pass (`task`: "delivery pass") failed because the database is away: starts the outage
   * when no request has yet, else says nothing (the outage's lines are about the 503s clients got).
   */
  backgroundFailed(task: string, cause: string): void {
    if (this.since === null) this.begin(this.now(), `: ${task}`, cause, 0);
  }

  /** Starts an outage at `t` with its one first line; `first` follows "first failed" in it (" request: GET /x", ": delivery pass"). */
  private begin(t: number, first: string, cause: string, failedRequests: number): void {
    this.since = t;
    this.spanStart = t;
    this.inSpan = 0;
    this.total = failedRequests;
    this.write(`ecoute serve: the database is not reachable (first failed${first}): ${cause}. Answering 503 db_unavailable until it is back; a summary every ${seconds(this.everyMs)} s meanwhile.`);
  }

  /** A request was answered with the database's help: ends the outage, if any, with one line. */
  answered(): void {
    if (this.since === null) return;
    const t = this.now();
    this.write(`ecoute serve: the database answers again after ${seconds(t - this.since)} s; ${this.total} requests answered 503 during the outage.`);
    this.since = null;
  }

  /**
   * Middleware for the API: a request that ends below 400 tells the database answers again. Health and
   * the OpenAPI document need no database, so they say nothing about it.
   */
  watch(): MiddlewareHandler {
    return async (c, next) => {
      await next();
      if (!this.down || c.res.status >= 400) return;
      if (c.req.path === '/api/health' || c.req.path === '/api/openapi.json') return;
      this.answered();
    };
  }
}
