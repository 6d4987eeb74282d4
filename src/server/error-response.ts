import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DatabaseUnavailableError, EcouteError, toEcouteError } from '../core/errors.ts';
import { describeDbError, isTransientDbError } from '../store/transient-db-error.ts';
import type { OutageLog } from './outage-log.ts';

/** The JSON body of every error answer: `{error: {code, message, details?}}`. */
export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/** Where the details of unexpected errors go (the server's log); tests pass their own. */
export type ErrorLog = (line: string) => void;

const stderrLog: ErrorLog = (line) => { process.stderr.write(`${line}\n`); };

/**
 * The one place where thrown errors become HTTP answers (Hono's onError). Named errors keep their status
 * and message. Anything else is a 500 that says nothing of the internals — no stack, no SQL, no driver
 * message, which can quote a query or a customer's words — but a reference to find the details, which go
 * to the server's log.
 */
export function errorResponse(err: unknown, c: Context, log: ErrorLog = stderrLog, outage?: OutageLog): Response {
  let e: EcouteError = toEcouteError(err);
  if (!(err instanceof EcouteError) && isTransientDbError(err)) {
    // The database restarting or away: a 503 the client can retry, not an unexpected 500; the pool
    // reconnects by itself. No stack: the driver's error says all there is. With an OutageLog (the
    // server's), one line for the outage and a summary now and then, not one line per request.
    if (outage) outage.failed(`${c.req.method} ${c.req.path}`, describeDbError(err));
    else log(`ecoute serve: the database is not reachable on ${c.req.method} ${c.req.path}: ${describeDbError(err)}`);
    e = new DatabaseUnavailableError();
  } else if (!(err instanceof EcouteError)) {
    const ref = randomUUID().slice(0, 8);
    log(`ecoute serve: unexpected error ${ref} on ${c.req.method} ${c.req.path}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    e = new EcouteError('internal', `Unexpected server error (reference ${ref}). Nothing was changed by this request if it failed before writing; the server log has the details under this reference.`, 500);
  }
  const body: ErrorBody = { error: { code: e.code, message: e.message } };
  if (e.details) body.error.details = e.details;
  return c.json(body, e.status as ContentfulStatusCode);
}
