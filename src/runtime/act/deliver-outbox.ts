/**
 * The outbox sender: claim due deliveries under a lease, send them, record each attempt — at least
 * once, with the idempotency key on every copy. A pass stops when nothing is due; the loop runs one
 * pass every `interval` until stopped.
 */
import { classifyOutcome } from '../../act/delivery/classify-outcome.ts';
import { nextStep } from '../../act/delivery/next-step.ts';
import { DEFAULT_RATE_LIMIT, planRateLimit, type RateLimit } from '../../act/delivery/rate-limit.ts';
import { redactDestination } from '../../act/delivery/redact-destination.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../act/delivery/retry-policy.ts';
import type { ClaimedDelivery } from '../../core/delivery.ts';
import type { Clock } from '../../core/ports.ts';
import type { OutboxStore } from '../../store/outbox-store.ts';
import type { DeliveryTransport } from './delivery-transport.ts';

/** How a pass behaves; everything but the workspace has a default. */
export interface DeliveryOptions {
  workspaceId: string;
  retry?: RetryPolicy;
  rateLimit?: RateLimit;
  /**
   * How long a claim holds a delivery (default 5 min): far above one send's timeout, so a live sender
   * is never overtaken, and short enough that a killed sender's deliveries go out minutes later.
   */
  leaseMs?: number;
  /** Deliveries claimed at a time (default 10): each batch is sent well within one lease. */
  batchSize?: number;
  /** Most deliveries one pass handles (default 500), so a pass always ends. */
  maxPerPass?: number;
}

/** One delivery handled by a pass, fit to show (the webhook URL's secret part hidden). */
export interface DeliveryLine {
  id: string;
  channel: string;
  destination: string;
  /** The try this was (1-based); for a deferral, the tries made so far. */
  attempt: number;
  httpStatus: number | null;
  error: string | null;
  /** When it is tried again (retried and deferred ones). */
  nextAttemptAt: Date | null;
}

/** What a pass did. `lost` are attempts whose lease another sender had taken over meanwhile. */
export interface DeliveryReport {
  delivered: DeliveryLine[];
  retried: DeliveryLine[];
  failed: DeliveryLine[];
  deferred: DeliveryLine[];
  lost: DeliveryLine[];
}

const DEFAULT_LEASE_MS = 5 * 60_000;

const emptyReport = (): DeliveryReport => ({ delivered: [], retried: [], failed: [], deferred: [], lost: [] });

/** Sends one claimed delivery and records the attempt; returns which list of the report it belongs to. */
async function sendAndRecord(
  store: OutboxStore, transport: DeliveryTransport, clock: Clock, d: ClaimedDelivery, retry: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<{ list: Exclude<keyof DeliveryReport, 'deferred'>; line: DeliveryLine }> {
  const attempt = d.attempts + 1;
  const started = performance.now();
  let result;
  if (d.attempts >= retry.maxAttempts) {
    // Tries were used up by senders that died mid-delivery: do not send again indefinitely.
    result = { kind: 'not-sent' as const, permanent: true, message: `Gave up after ${d.attempts} ${d.attempts === 1 ? 'try' : 'tries'}, the last interrupted (the sender stopped before recording the outcome); run \`ecoute deliver retry ${d.id}\` to send it again.` };
  } else {
    result = await transport.send(d);
  }
  const durationMs = performance.now() - started;
  const now = clock();
  const classified = classifyOutcome(result, now, d.id);
  const step = nextStep(classified, attempt, d.id, now, retry);
  const applied = await store.recordDeliveryAttempt({
    deliveryId: d.id, workspaceId: d.workspaceId, destination: d.destination, leaseUntil: d.leaseUntil, at: now,
    outcome: step.outcome, httpStatus: classified.status, error: step.error, durationMs, next: step.next,
  });
  const line: DeliveryLine = {
    id: d.id, channel: d.channel, destination: redactDestination(d.channel, d.destination), attempt, httpStatus: classified.status,
    error: step.error, nextAttemptAt: step.next.status === 'pending' ? step.next.nextAttemptAt : null,
  };
  const list = !applied ? 'lost' : step.outcome === 'delivered' ? 'delivered' : step.outcome === 'retry' ? 'retried' : 'failed';
  return { list, line };
}

/**
 * One pass over the outbox of a workspace: claims due deliveries a batch at a time, holds back those
 * whose destination reached its rate limit (logged as 'rate_limited', not counted as a try), sends the
 * rest — destinations in parallel, one at a time per destination — and records every attempt.
 */
export async function deliverOutbox(store: OutboxStore, transport: DeliveryTransport, clock: Clock, opts: DeliveryOptions): Promise<DeliveryReport> {
  const retry = opts.retry ?? DEFAULT_RETRY_POLICY;
  const rateLimit = opts.rateLimit ?? DEFAULT_RATE_LIMIT;
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  const batchSize = opts.batchSize ?? 10;
  const maxPerPass = opts.maxPerPass ?? 500;
  const report = emptyReport();
  let handled = 0;
  while (handled < maxPerPass) {
    const now = clock();
    const claimed = await store.claimDueDeliveries(opts.workspaceId, now, { limit: Math.min(batchSize, maxPerPass - handled), leaseMs });
    if (claimed.length === 0) break;
    handled += claimed.length;
    const loads = await store.destinationLoads(claimed.map((d) => d.destination), new Date(now.getTime() - rateLimit.windowMs));
    const plan = planRateLimit(claimed, loads, rateLimit, now);

    const byDestination = new Map<string, ClaimedDelivery[]>();
    for (const d of claimed) {
      const decision = plan.get(d.id);
      if (decision && !decision.send) {
        const error = `Rate limit reached for this destination (${rateLimit.perWindow} per ${Math.round(rateLimit.windowMs / 1000)} s); waiting until ${decision.retryAt.toISOString()}.`;
        const applied = await store.recordDeliveryAttempt({
          deliveryId: d.id, workspaceId: d.workspaceId, destination: d.destination, leaseUntil: d.leaseUntil, at: now,
          outcome: 'rate_limited', httpStatus: null, error, durationMs: 0, next: { status: 'pending', nextAttemptAt: decision.retryAt },
        });
        const line: DeliveryLine = { id: d.id, channel: d.channel, destination: redactDestination(d.channel, d.destination), attempt: d.attempts, httpStatus: null, error, nextAttemptAt: decision.retryAt };
        report[applied ? 'deferred' : 'lost'].push(line);
        continue;
      }
      byDestination.set(d.destination, [...(byDestination.get(d.destination) ?? []), d]);
    }
    await Promise.all([...byDestination.values()].map(async (queue) => {
      for (const d of queue) {
        const { list, line } = await sendAndRecord(store, transport, clock, d, retry);
        report[list].push(line);
      }
    }));
  }
  return report;
}

/** What the delivery loop needs. */
export interface DeliveryLoopOptions extends DeliveryOptions {
  store: OutboxStore;
  clock: Clock;
  /** Wait between two passes (ms). */
  interval: number;
  transport: DeliveryTransport;
  /** Called after each pass (e.g. to log what was sent). */
  onReport?: (report: DeliveryReport) => void;
  /** Called when a pass fails (database unreachable…); the loop goes on. */
  onError?: (err: unknown) => void;
}

/**
 * Runs a pass now, then one `interval` after each pass ends (passes never overlap), until the returned
 * stop() — which waits for a pass in flight, so the store can be closed right after.
 */
export function startDeliveryLoop(opts: DeliveryLoopOptions): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  const run = (): void => {
    inFlight = deliverOutbox(opts.store, opts.transport, opts.clock, opts)
      .then((report) => opts.onReport?.(report), (err: unknown) => opts.onError?.(err))
      .finally(() => {
        if (!stopped) timer = setTimeout(run, opts.interval);
      });
  };
  run();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await inFlight;
  };
}
