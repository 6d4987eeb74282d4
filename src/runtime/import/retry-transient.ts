/**
 * Retries a database step of an import when the failure is transient (the server restarting, a
 * dropped connection), so a PostgreSQL restart under load costs a pause and a line of output, not
 * the import. Each retried step is idempotent (writes are keyed by natural keys, batches are
 * transactions), so running it again after an unknown outcome adds nothing twice.
 */
import { StoreError } from '../../core/errors.ts';
import { describeDbError, isTransientDbError } from '../../store/transient-db-error.ts';

/** How a step is retried: waits between tries (ms), and who is told. */
export interface RetryPolicy {
  delaysMs: readonly number[];
  onRetry?: (info: { what: string; attempt: number; waitMs: number; reason: string }) => void;
  sleep?: (ms: number) => Promise<void>;
}

/** 1, 2, 4, 8 and 15 s: about half a minute, what a restart of PostgreSQL takes. */
export const DEFAULT_RETRY: RetryPolicy = { delaysMs: [1000, 2000, 4000, 8000, 15000] };

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
          `The database stopped answering while ${what} (${describeDbError(err)}) and was still away after ${attempt + 1} tries over ${total} s. ` +
            'What was written before is kept. Run the same command again once the database is back: re-importing adds only what is missing.',
          { transient: true },
        );
      }
      const waitMs = policy.delaysMs[attempt];
      policy.onRetry?.({ what, attempt: attempt + 1, waitMs, reason: describeDbError(err) });
      await sleep(waitMs);
    }
  }
}
