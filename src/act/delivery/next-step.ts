import type { AttemptOutcome, DeliveryNextState } from '../../core/delivery.ts';
import type { Classified } from './classify-outcome.ts';
import { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './retry-policy.ts';

/** The attempt as it will be logged, and the state the delivery moves to. */
export interface NextStep {
  outcome: Exclude<AttemptOutcome, 'rate_limited'>;
  error: string | null;
  next: DeliveryNextState;
}

/**
 * Applies the retry policy to a judged attempt, the `attempt`-th try of delivery `deliveryId`
 * (1-based): a retry waits the backoff delay, or the receiver's Retry-After when longer (both capped at
 * `maxDelayMs`); the last allowed try that still fails gives the delivery up, saying how to send it again.
 */
export function nextStep(classified: Classified, attempt: number, deliveryId: string, now: Date, policy: RetryPolicy = DEFAULT_RETRY_POLICY): NextStep {
  if (classified.outcome === 'delivered') return { outcome: 'delivered', error: null, next: { status: 'delivered' } };
  if (classified.outcome === 'failed') return { outcome: 'failed', error: classified.error, next: { status: 'failed' } };
  if (attempt >= policy.maxAttempts) {
    return {
      outcome: 'failed',
      error: `${classified.error} Gave up after ${attempt} ${attempt === 1 ? 'try' : 'tries'}; once the receiver is fixed, run \`ecoute deliver retry ${deliveryId}\`.`,
      next: { status: 'failed' },
    };
  }
  const backoff = retryDelayMs(attempt, deliveryId, policy);
  const wait = Math.min(policy.maxDelayMs, Math.max(backoff, classified.retryAfterMs ?? 0));
  return { outcome: 'retry', error: classified.error, next: { status: 'pending', nextAttemptAt: new Date(now.getTime() + wait) } };
}
