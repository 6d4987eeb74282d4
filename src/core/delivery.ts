/**
 * Deliveries: the e-mails and webhook posts an alert's actions send, through the durable outbox
 * (table `outbox`, one row per delivery) with every attempt logged (table `delivery_attempts`).
 */

/** Where a delivery stands: waiting for its next try, leased by a sender, done, or given up. */
export const DELIVERY_STATUSES = ['pending', 'sending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** How a delivery travels. */
export const DELIVERY_CHANNELS = ['email', 'webhook'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/**
 * The outcome of one attempt: sent; to try again later; given up; or not tried because the destination
 * had reached its rate limit (logged so a waiting delivery says why, never counted as a try).
 */
export const ATTEMPT_OUTCOMES = ['delivered', 'retry', 'failed', 'rate_limited'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/** One logged attempt of a delivery. */
export interface DeliveryAttempt {
  id: string;
  at: Date;
  outcome: AttemptOutcome;
  /** The receiver's HTTP status (webhooks) or SMTP reply code (e-mail), when it answered. */
  httpStatus: number | null;
  /** What went wrong, and the fix, for anything but 'delivered'. */
  error: string | null;
  durationMs: number;
}

/** A delivery as listed by the API and the CLI (without its payload). */
export interface Delivery {
  id: string;
  workspaceId: string;
  alertId: string;
  channel: DeliveryChannel;
  /** The e-mail address, or the webhook URL with its path hidden (it often holds a secret token). */
  destination: string;
  /** 'email' | 'json' | 'slack' | 'teams' */
  format: string;
  idempotencyKey: string;
  status: DeliveryStatus;
  /** Tries made so far (rate-limit deferrals excluded). */
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

/** A delivery with its attempts, oldest first. */
export interface DeliveryWithAttempts extends Delivery {
  attemptLog: DeliveryAttempt[];
}

/** A delivery leased by one sender: everything needed to send it, and the lease that proves the claim. */
export interface ClaimedDelivery {
  id: string;
  workspaceId: string;
  channel: string;
  /** The full destination (URL with its token, or address): for sending only, never for display. */
  destination: string;
  format: string;
  /** The body as stored (JSON text). */
  payload: string;
  idempotencyKey: string;
  /** Tries made before this one (an interrupted try found on claim is already counted). */
  attempts: number;
  /** Lease end (epoch ms): the sender's claim token; recording checks it so a superseded sender changes nothing. */
  leaseUntil: number;
  createdAt: Date;
}

/** What becomes of a delivery after an attempt. */
export type DeliveryNextState =
  | { status: 'delivered' }
  | { status: 'pending'; nextAttemptAt: Date }
  | { status: 'failed' };

/** One attempt to record, with the state it moves the delivery to (one transaction). */
export interface AttemptRecord {
  deliveryId: string;
  workspaceId: string;
  destination: string;
  /** The lease of the claim this attempt was made under. */
  leaseUntil: number;
  at: Date;
  outcome: AttemptOutcome;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
  next: DeliveryNextState;
}

/** Attempts to one destination within the rate-limit window. */
export interface DestinationLoad {
  count: number;
  /** The oldest of them: the window frees a slot when it leaves. */
  oldest: Date | null;
}
