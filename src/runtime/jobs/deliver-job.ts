/**
 * The `deliver` job: one pass of the alert outbox for a workspace, or for every workspace (the minute
 * schedule). Two workers (or a worker and `ecoute serve`) may pass at once: each delivery is claimed under
 * the outbox lease, so it is sent by one of them, and the idempotency key covers a retry after a crash.
 */
import type { Writable } from 'node:stream';
import type { Config } from '../../core/config.ts';
import type { Clock } from '../../core/ports.ts';
import type { Store } from '../../store/store.ts';
import { deliveryOptions, describeReport } from '../act/configured-delivery.ts';
import { deliverOutbox } from '../act/deliver-outbox.ts';
import type { DeliveryTransport } from '../act/delivery-transport.ts';
import type { DeliverJobData } from './job-queue.ts';

/** Runs one `deliver` job; writes one line per delivery handled to `log`; returns how many were handled. */
export async function runDeliverJob(
  ctx: { store: Store; transport: DeliveryTransport; config: Config; clock: Clock; log: Writable }, job: DeliverJobData,
): Promise<number> {
  const workspaces = job.workspaceId !== undefined ? [job.workspaceId] : (await ctx.store.listWorkspaces()).map((w) => w.id);
  let handled = 0;
  for (const workspaceId of workspaces) {
    const report = await deliverOutbox(ctx.store, ctx.transport, ctx.clock, { ...deliveryOptions(ctx.config), workspaceId });
    for (const line of describeReport(report)) {
      ctx.log.write(`deliver "${workspaceId}": ${line}\n`);
      handled += 1;
    }
  }
  return handled;
}
