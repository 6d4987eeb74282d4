/**
 * Whether a database error means "the database is away for now" (a PostgreSQL restart, a dropped
 * connection: worth a retry, a 503) rather than "the query is wrong", and how to name it in one line.
 * Used by the importer's retries (runtime/import/retry-transient.ts) and the HTTP error answers
 * (server/error-response.ts): the drivers' codes and messages are the store's knowledge.
 */

interface ErrorLike {
  code?: string;
  message?: string;
  errors?: ErrorLike[];
  cause?: ErrorLike;
}

/** Socket errors and PostgreSQL SQLSTATEs of a server that is going away, starting, or unreachable for now. */
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH',
  '57P01', '57P02', '57P03', // admin_shutdown, crash_shutdown, cannot_connect_now
  '08000', '08001', '08003', '08006', // connection exceptions
  '53300', // too_many_connections
]);

const TRANSIENT_MESSAGE = /Connection terminated|connection (is )?closed|terminating connection|the database system is (starting up|shutting down)|Client has encountered a connection error/i;

/** True when `err` says the database is away for now (worth a retry), not that the query is wrong. */
export function isTransientDbError(err: unknown): boolean {
  const seen = new Set<unknown>();
  const check = (e: ErrorLike | undefined): boolean => {
    if (!e || typeof e !== 'object' || seen.has(e)) return false;
    seen.add(e);
    if (e.code && TRANSIENT_CODES.has(e.code)) return true;
    if (e.message && TRANSIENT_MESSAGE.test(e.message)) return true;
    return (e.errors ?? []).some(check) || check(e.cause);
  };
  return check(err as ErrorLike);
}

/** "57P01: terminating connection…": the driver's code and message (or its first inner error's), no stack. */
export function describeDbError(err: unknown): string {
  const e = err as ErrorLike | undefined;
  const inner = e?.errors?.[0];
  return [e?.code ?? inner?.code, e?.message || inner?.message].filter(Boolean).join(': ') || String(err);
}
