/**
 * How the background tasks of `ecoute serve` (alert deliveries, spike checks, the look for new
 * workspaces) report a database that is away. Each used to write its own line per failed pass, so a
 * PostgreSQL restart printed "delivery pass failed: the database system is starting up" beside the
 * server's one outage line (server/outage-log.ts), once per task and workspace. Now a transient database
 * error goes to the same watch as the requests' (one line per outage), and a pass that succeeds tells
 * the database answers again. Other errors are still each task's own line.
 */
import { describeDbError, isTransientDbError } from '../store/transient-db-error.ts';

/** What a background task tells about the database; the server's OutageLog is one. */
export interface DbOutageWatch {
  /** A background pass (`task`: "delivery pass") failed because the database is away. */
  backgroundFailed(task: string, cause: string): void;
  /** Something was answered with the database's help: ends the outage, if any. */
  answered(): void;
}

/**
 * Reports a failed pass of `task`: to `watch` when the database is away for now (and a watch is given),
 * else as the task's own line through `line`.
 */
export function reportBackgroundFailure(err: unknown, task: string, line: (message: string) => void, watch?: DbOutageWatch): void {
  if (watch && isTransientDbError(err)) watch.backgroundFailed(task, describeDbError(err));
  else line(err instanceof Error ? err.message : String(err));
}
