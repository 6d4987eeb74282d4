/**
 * The delivery sender as configured from the environment (SMTP_URL, MAIL_FROM, DELIVERY_RATE_LIMIT,
 * DELIVERY_MAX_ATTEMPTS), shared by `ecoute serve` and `ecoute deliver`, and the one way a pass's
 * report is written for people.
 */
import type { Writable } from 'node:stream';
import { DEFAULT_RETRY_POLICY } from '../../act/delivery/retry-policy.ts';
import type { Config } from '../../core/config.ts';
import type { Clock } from '../../core/ports.ts';
import type { OutboxStore } from '../../store/outbox-store.ts';
import { reportBackgroundFailure, type DbOutageWatch } from '../db-outage-watch.ts';
import { startDeliveryLoop, type DeliveryLine, type DeliveryOptions, type DeliveryReport } from './deliver-outbox.ts';
import { createDeliveryTransport, type DeliveryTransport } from './delivery-transport.ts';

/** Seconds between two passes of `ecoute serve` and `ecoute deliver --watch` by default. */
export const DEFAULT_DELIVERY_INTERVAL_S = 5;

/** Pass options for the configured workspace. */
export function deliveryOptions(config: Config): DeliveryOptions {
  return {
    workspaceId: config.workspace,
    retry: { ...DEFAULT_RETRY_POLICY, maxAttempts: config.deliveryMaxAttempts },
    rateLimit: { perWindow: config.deliveryRateLimit, windowMs: 60_000 },
  };
}

/** The transport for SMTP_URL / MAIL_FROM; close it when done. */
export function configuredTransport(config: Config): DeliveryTransport {
  return createDeliveryTransport({ smtpUrl: config.smtpUrl, mailFrom: config.mailFrom });
}

const WIDTH = 9;

function describeLine(kind: string, l: DeliveryLine): string {
  const head = `${kind.padEnd(WIDTH)} ${l.id}  ${l.channel} ${l.destination}`;
  const status = l.httpStatus === null ? '' : `, ${l.channel === 'email' ? 'SMTP' : 'HTTP'} ${l.httpStatus}`;
  const next = l.nextAttemptAt ? `; next try ${l.nextAttemptAt.toISOString()}` : '';
  return `${head}  (try ${l.attempt}${status}${next})${l.error ? `: ${l.error}` : ''}`;
}

/** One line per delivery a pass handled: delivered, retry, failed, deferred (rate limit), lost (taken over). */
export function describeReport(report: DeliveryReport): string[] {
  return [
    ...report.delivered.map((l) => describeLine('delivered', l)),
    ...report.retried.map((l) => describeLine('retry', l)),
    ...report.failed.map((l) => describeLine('failed', l)),
    ...report.deferred.map((l) => describeLine('deferred', l)),
    ...report.lost.map((l) => describeLine('taken', l)),
  ];
}

/**
 * Starts the delivery loop for the configured workspace, writing each handled delivery to `log`
 * (prefixed with `prefix`). With `outage` (the server's), a pass failing because the database is away is
 * told to it, not logged as a line per pass. Returns stop(), which waits for a pass in flight and closes
 * the transport.
 */
export function startConfiguredDelivery(
  store: OutboxStore, config: Config, clock: Clock, log: Writable, opts: { intervalMs?: number; prefix?: string; outage?: DbOutageWatch } = {},
): () => Promise<void> {
  const transport = configuredTransport(config);
  const prefix = opts.prefix ?? '';
  const stop = startDeliveryLoop({
    ...deliveryOptions(config),
    store,
    clock,
    transport,
    interval: opts.intervalMs ?? DEFAULT_DELIVERY_INTERVAL_S * 1000,
    onReport: (report) => {
      opts.outage?.answered();
      for (const line of describeReport(report)) log.write(`${prefix}${line}\n`);
    },
    onError: (err) => reportBackgroundFailure(err, 'delivery pass', (m) => log.write(`${prefix}delivery pass failed: ${m}\n`), opts.outage),
  });
  return async () => {
    await stop();
    transport.close();
  };
}
