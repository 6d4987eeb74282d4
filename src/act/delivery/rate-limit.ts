import type { DestinationLoad } from '../../core/delivery.ts';

/** At most `perWindow` tries to one destination within any `windowMs`; 0 means no limit. */
export interface RateLimit {
  perWindow: number;
  windowMs: number;
}

/** 30 a minute: under Slack's one-a-second for incoming webhooks, and gentle with small mail relays. */
export const DEFAULT_RATE_LIMIT: RateLimit = { perWindow: 30, windowMs: 60_000 };

/** Send now, or wait until `retryAt` because the destination had its fill. */
export type RateDecision = { send: true } | { send: false; retryAt: Date };

/**
 * Decides, for deliveries claimed together (in claim order), which may be sent now: per destination,
 * as many as the window still allows given `loads` (tries already made within the window); the others
 * wait until the oldest try leaves the window (or a whole window, when this batch alone fills it).
 * Several senders planning at once may each use the same free slots: the limit is a courtesy to the
 * receiver, not a guarantee.
 */
export function planRateLimit(
  deliveries: readonly { id: string; destination: string }[],
  loads: ReadonlyMap<string, DestinationLoad>,
  limit: RateLimit,
  now: Date,
): Map<string, RateDecision> {
  const decisions = new Map<string, RateDecision>();
  const used = new Map<string, number>();
  for (const d of deliveries) {
    if (limit.perWindow <= 0) {
      decisions.set(d.id, { send: true });
      continue;
    }
    const load = loads.get(d.destination) ?? { count: 0, oldest: null };
    const planned = used.get(d.destination) ?? 0;
    if (load.count + planned < limit.perWindow) {
      used.set(d.destination, planned + 1);
      decisions.set(d.id, { send: true });
      continue;
    }
    const frees = load.oldest ? load.oldest.getTime() + limit.windowMs : now.getTime() + limit.windowMs;
    // Never "retry in the past": a slot counted as used is at least a second away.
    decisions.set(d.id, { send: false, retryAt: new Date(Math.max(frees, now.getTime() + 1000)) });
  }
  return decisions;
}
