/**
 * Retries a database step of an import when the failure is transient (the server restarting, a
 * dropped connection), so a PostgreSQL restart under load costs a pause and a line of output, not
 * the import. Each retried step is idempotent (writes are keyed by natural keys, batches are
 * transactions), so running it again after an unknown outcome adds nothing twice.
 */
import { StoreError } from '../../core/errors.ts';

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

/** How a step is retried: waits between tries (ms), and who is told. */
export interface RetryPolicy {
  delaysMs: readonly number[];
  onRetry?: (info: { what: string; attempt: number; waitMs: number; reason: string }) => void;
  sleep?: (ms: number) => Promise<void>;
}

/** 1, 2, 4, 8 and 15 s: about half a minute, what a restart of PostgreSQL takes. */
export const DEFAULT_RETRY: RetryPolicy = { delaysMs: [1000, 2000, 4000, 8000, 15000] };

const reasonOf = (err: unknown): string => {
  const e = err as ErrorLike;
  return [e?.code, e?.message].filter(Boolean).join(': ') || String(err);
};

/**
 * Runs `step`; on a transient database error waits and runs it again, up to the policy's tries.
 * Other errors pass through at once. When the database does not come back, a StoreError says what
 * was being done, that what was written is kept, and to run the same command again.
 */
export async function withDbRetry<T>(what: string, step: () => Promise<T>, policy: RetryPolicy = DEFAULT_RETRY): Promise<T> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 0; ; attempt++) {
    try {
      return await step();
    } catch (err) {
      if (!isTransientDbError(err)) throw err;
      if (attempt >= policy.delaysMs.length) {
        const total = Math.round(policy.delaysMs.reduce((a, b) => a + b, 0) / 1000);
        throw new StoreError(
          `The database stopped answering while ${what} (${reasonOf(err)}) and was still away after ${attempt + 1} tries over ${total} s. ` +
            'What was written before is kept. Run the same command again once the database is back: re-importing adds only what is missing.',
          { transient: true },
        );
      }
      const waitMs = policy.delaysMs[attempt];
      policy.onRetry?.({ what, attempt: attempt + 1, waitMs, reason: reasonOf(err) });
      await sleep(waitMs);
    }
  }
}
