import { DELIVERY_STATUSES, type DeliveryStatus, type DeliveryWithAttempts } from '../../core/delivery.ts';
import { UsageError } from '../../core/errors.ts';
import { deliverOutbox } from '../../runtime/act/deliver-outbox.ts';
import {
  configuredTransport, DEFAULT_DELIVERY_INTERVAL_S, deliveryOptions, describeReport, startConfiguredDelivery,
} from '../../runtime/act/configured-delivery.ts';
import type { Command } from '../command.ts';
import { parseFlags, parseTextOrJson } from '../parse-flags.ts';
import { untilSignal } from '../until-signal.ts';

const USAGE = `Usage: ecoute deliver [--watch [--interval S]]
       ecoute deliver list [--status pending|sending|delivered|failed] [--limit N] [--format text|json]
       ecoute deliver retry ID

Sends the alert deliveries (e-mails, webhooks) waiting in the outbox of the workspace, retrying failed
tries with exponential backoff (1 min doubling up to 6 h, DELIVERY_MAX_ATTEMPTS tries, default 10) and
at most DELIVERY_RATE_LIMIT tries per destination per minute (default 30). \`ecoute serve\` does the
same in the background.
  (none)        one pass: prints what was delivered, retried, failed or deferred; exit status 1 when
                a delivery failed for good
  --watch       keep sending every --interval seconds (default ${DEFAULT_DELIVERY_INTERVAL_S}) until Ctrl-C
  list          deliveries, newest first, with every attempt (--limit, default 50)
  retry ID      put a failed delivery back in the queue (after fixing the rule or the receiver)`;

function parseStatus(value: string | undefined): DeliveryStatus | undefined {
  if (value === undefined) return undefined;
  if ((DELIVERY_STATUSES as readonly string[]).includes(value)) return value as DeliveryStatus;
  throw new UsageError(`--status must be one of ${DELIVERY_STATUSES.join(', ')}, not "${value}".`);
}

function parsePositive(flag: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > max) throw new UsageError(`${flag} must be a number from 1 to ${max}, not "${value}".`);
  return n;
}

const stamp = (d: Date): string => d.toISOString().slice(0, 19).replace('T', ' ');

/** The text form of `deliver list`: a line per delivery, then one per attempt, indented. */
export function deliveryLines(d: DeliveryWithAttempts): string[] {
  const when = d.status === 'delivered' && d.deliveredAt ? `delivered ${stamp(d.deliveredAt)}` : d.status === 'pending' ? `next try ${stamp(d.nextAttemptAt)}` : d.status;
  const lines = [`${d.id}  ${d.status}  ${d.channel} ${d.destination}  ${d.attempts} ${d.attempts === 1 ? 'try' : 'tries'}  ${when}  key ${d.idempotencyKey}`];
  for (const a of d.attemptLog) {
    const code = a.httpStatus === null ? '' : ` ${d.channel === 'email' ? 'SMTP' : 'HTTP'} ${a.httpStatus}`;
    lines.push(`    ${stamp(a.at)}  ${a.outcome}${code}  ${a.durationMs} ms${a.error ? `  ${a.error}` : ''}`);
  }
  return lines;
}

/** `ecoute deliver`: send the outbox once or continuously, list deliveries, retry a failed one. */
export const deliverCommand: Command = {
  name: 'deliver',
  summary: 'Send alert deliveries (e-mail, webhooks) from the outbox; list them; retry a failed one',
  usage: USAGE,
  async run(args, ctx) {
    const { values, positionals } = parseFlags(args, {
      options: { watch: { type: 'boolean' }, interval: { type: 'string' }, status: { type: 'string' }, limit: { type: 'string' }, format: { type: 'string' } },
      allowPositionals: true,
    }, USAGE);
    const [action, id, ...rest] = positionals;
    if (action !== undefined && action !== 'list' && action !== 'retry') throw new UsageError(`Unknown action "${action}": use "list", "retry ID", or nothing to send.\n${USAGE}`);
    if (action === 'retry' && (id === undefined || rest.length > 0)) throw new UsageError(`deliver retry takes one delivery id (see \`ecoute deliver list --status failed\`).\n${USAGE}`);
    if (action === 'list' && id !== undefined) throw new UsageError(`deliver list takes no argument.\n${USAGE}`);
    if (action !== undefined && (values.watch || values.interval !== undefined)) throw new UsageError(`--watch and --interval only apply to sending (ecoute deliver --watch).\n${USAGE}`);
    if (action !== 'list' && (values.status !== undefined || values.limit !== undefined || values.format !== undefined)) {
      throw new UsageError(`--status, --limit and --format only apply to "deliver list".\n${USAGE}`);
    }
    if (values.interval !== undefined && !values.watch) throw new UsageError(`--interval needs --watch.\n${USAGE}`);
    const status = parseStatus(values.status);
    const limit = parsePositive('--limit', values.limit, 50, 1000);
    const intervalS = parsePositive('--interval', values.interval, DEFAULT_DELIVERY_INTERVAL_S, 3600);
    const format = parseTextOrJson(values.format, USAGE);

    const store = await ctx.openStore();
    try {
      const workspace = ctx.config.workspace;
      if (action === 'list') {
        const deliveries = await store.listDeliveries(workspace, { status, limit: Math.floor(limit) });
        if (format === 'json') ctx.stdout.write(`${JSON.stringify(deliveries, null, 2)}\n`);
        else if (deliveries.length === 0) ctx.stdout.write(`No deliveries${status ? ` with status ${status}` : ''} in workspace "${workspace}".\n`);
        else for (const d of deliveries) ctx.stdout.write(`${deliveryLines(d).join('\n')}\n`);
        return 0;
      }
      if (action === 'retry') {
        const d = await store.retryDelivery(workspace, id!, ctx.clock());
        ctx.stdout.write(`Delivery ${d.id} (${d.channel} ${d.destination}) is pending again; it is sent on the next pass (\`ecoute deliver\`, or \`ecoute serve\` within seconds).\n`);
        return 0;
      }
      if (values.watch) {
        const stopped = untilSignal();
        const stop = startConfiguredDelivery(store, ctx.config, ctx.clock, ctx.stdout, { intervalMs: intervalS * 1000 });
        ctx.stdout.write(`Sending deliveries of workspace "${workspace}" every ${intervalS} s. Press Ctrl-C to stop.\n`);
        await stopped;
        await stop();
        return 0;
      }
      const transport = configuredTransport(ctx.config);
      try {
        const report = await deliverOutbox(store, transport, ctx.clock, deliveryOptions(ctx.config));
        const lines = describeReport(report);
        ctx.stdout.write(lines.length === 0 ? `Nothing to deliver in workspace "${workspace}".\n` : `${lines.join('\n')}\n`);
        return report.failed.length > 0 ? 1 : 0;
      } finally {
        transport.close();
      }
    } finally {
      await store.close();
    }
  },
};
