import { fnv1a } from '../../core/prng.ts';

/** How long to wait between tries, and how many tries before a delivery is given up. */
export interface RetryPolicy {
  /** Wait after the first failed try (ms). */
  initialDelayMs: number;
  /** Longest wait between two tries (ms), whatever the doubling or a Retry-After says. */
  maxDelayMs: number;
  /** Tries in all; a delivery still failing after the last one is marked 'failed'. */
  maxAttempts: number;
}

/**
 * 1 min, 2, 4, 8 … doubling up to 6 h, 10 tries: about 8.5 hours of retrying, so a receiver down
 * overnight still gets its alerts, while a permanently broken one is given up within a working day.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  initialDelayMs: 60_000,
  maxDelayMs: 6 * 3_600_000,
  maxAttempts: 10,
};

/** ±10%: spreads retries of deliveries that failed together (a receiver outage) without making tests flaky. */
const JITTER = 0.1;

/**
 * The wait after the `attempt`-th failed try (1-based): `initialDelayMs · 2^(attempt-1)`, capped at
 * `maxDelayMs`, times a jitter in [0.9, 1.1) drawn from the delivery id and attempt number, so the
 * same delivery always waits the same time (reproducible) while different ones spread out.
 */
export function retryDelayMs(attempt: number, deliveryId: string, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  const n = Math.max(1, Math.floor(attempt));
  // 2^(n-1) overflows nothing below n = 1024; the cap applies long before.
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.min(n - 1, 60));
  const unit = fnv1a(`${deliveryId}:${n}`) / 4294967296;
  const jittered = Math.round(base * (1 - JITTER + 2 * JITTER * unit));
  return Math.min(policy.maxDelayMs, jittered);
}
