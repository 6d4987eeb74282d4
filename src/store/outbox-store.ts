import type { AttemptRecord, ClaimedDelivery, Delivery, DeliveryStatus, DeliveryWithAttempts, DestinationLoad } from '../core/delivery.ts';

/** What `listDeliveries` returns, newest first. */
export interface DeliveryFilter {
  status?: DeliveryStatus;
  /** At most this many deliveries (default 100, at most 1000). */
  limit?: number;
}

/**
 * The delivery outbox (tables `outbox` and `delivery_attempts`): the rule writer adds rows in the
 * alert's transaction; senders claim due ones under a lease, send them and record each attempt.
 * Every query is written once for SQLite and PostgreSQL.
 */
export interface OutboxStore {
  /**
   * Leases up to `limit` due deliveries of a workspace for `leaseMs`: pending ones whose next attempt
   * is due, and sending ones whose lease expired (their sender died mid-delivery: that try is logged
   * as interrupted and counted). Each row is taken by one conditional update, so two senders never
   * claim the same delivery at once.
   */
  claimDueDeliveries(workspaceId: string, now: Date, opts: { limit: number; leaseMs: number }): Promise<ClaimedDelivery[]>;
  /**
   * Logs one attempt and moves the delivery to its next state, in one transaction. The move applies
   * only while the delivery is still held under the attempt's lease; returns false when another sender
   * took it over meanwhile (the attempt is logged all the same).
   */
  recordDeliveryAttempt(attempt: AttemptRecord): Promise<boolean>;
  /** Tries (rate-limit deferrals excluded) to each destination since `since`, across workspaces. */
  destinationLoads(destinations: readonly string[], since: Date): Promise<Map<string, DestinationLoad>>;
  /** Deliveries of a workspace with their attempts, newest first; webhook URLs are shown without their secret part. */
  listDeliveries(workspaceId: string, filter?: DeliveryFilter): Promise<DeliveryWithAttempts[]>;
  /**
   * Puts a failed delivery back to pending, due `now`, with a fresh count of tries (its log is kept).
   * NotFoundError for an unknown id; InputError when it is not failed.
   */
  retryDelivery(workspaceId: string, id: string, now: Date): Promise<Delivery>;
}
