/**
 * The delivery outbox queries behind OutboxStore (see outbox-store.ts), written once for SQLite and
 * PostgreSQL. Claiming is a conditional update per row — "still due? then it is mine" — which both
 * dialects run atomically: SQLite serialises writers, and PostgreSQL re-checks the condition on the
 * latest row version after waiting for a concurrent claimer, so the loser updates nothing.
 */
import type { Kysely, Selectable } from 'kysely';
import { redactDestination } from '../act/delivery/redact-destination.ts';
import type { AttemptRecord, AttemptOutcome, ClaimedDelivery, Delivery, DeliveryAttempt, DeliveryChannel, DeliveryStatus, DeliveryWithAttempts, DestinationLoad } from '../core/delivery.ts';
import { InputError, NotFoundError } from '../core/errors.ts';
import type { Database, DeliveryAttemptsTable, OutboxTable } from './db-types.ts';
import type { DialectAdapter } from './dialect.ts';
import type { DeliveryFilter } from './outbox-store.ts';

/** Logged for a try whose sender died before recording it: it may or may not have reached the receiver. */
export const INTERRUPTED_ERROR =
  'The sender stopped before recording the outcome (killed or crashed; the lease expired). Sending again with the same idempotency key.';

const DEFAULT_LIST = 100;
const MAX_LIST = 1000;

function toDelivery(r: Selectable<OutboxTable>): Delivery {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    alertId: r.alert_id,
    channel: r.channel as DeliveryChannel,
    destination: redactDestination(r.channel, r.destination),
    format: r.format,
    idempotencyKey: r.idempotency_key,
    status: r.status as DeliveryStatus,
    attempts: Number(r.attempts),
    nextAttemptAt: new Date(Number(r.next_attempt_at)),
    lastError: r.last_error,
    createdAt: new Date(Number(r.created_at)),
    deliveredAt: r.delivered_at === null ? null : new Date(Number(r.delivered_at)),
  };
}

function toAttempt(r: Selectable<DeliveryAttemptsTable>): DeliveryAttempt {
  return {
    id: String(r.id),
    at: new Date(Number(r.attempted_at)),
    outcome: r.outcome as AttemptOutcome,
    httpStatus: r.http_status === null ? null : Number(r.http_status),
    error: r.error,
    durationMs: Number(r.duration_ms),
  };
}

export async function claimDueDeliveries(
  db: Kysely<Database>, adapter: DialectAdapter, workspaceId: string, now: Date, opts: { limit: number; leaseMs: number },
): Promise<ClaimedDelivery[]> {
  const t = now.getTime();
  const leaseUntil = t + opts.leaseMs;
  const candidates = await db.selectFrom('outbox').select(['id', 'status'])
    .where('workspace_id', '=', workspaceId)
    .where((eb) => eb.or([
      eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', t)]),
      eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', t)]),
    ]))
    .orderBy('next_attempt_at').orderBy('id').limit(opts.limit).execute();

  const claimed: ClaimedDelivery[] = [];
  for (const c of candidates) {
    const interrupted = c.status === 'sending';
    const row = await adapter.writeTransaction(db, async (trx) => {
      const update = trx.updateTable('outbox').where('id', '=', c.id);
      const taken = interrupted
        ? await update.set((eb) => ({ status: 'sending', lease_until: leaseUntil, attempts: eb('attempts', '+', 1), last_error: INTERRUPTED_ERROR }))
          .where('status', '=', 'sending').where('lease_until', '<', t).executeTakeFirst()
        : await update.set({ status: 'sending', lease_until: leaseUntil })
          .where('status', '=', 'pending').where('next_attempt_at', '<=', t).executeTakeFirst();
      if (Number(taken.numUpdatedRows) === 0) return null; // another sender was first
      const r = await trx.selectFrom('outbox').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
      if (interrupted) {
        await trx.insertInto('delivery_attempts').values({
          outbox_id: r.id, workspace_id: r.workspace_id, destination: r.destination, attempted_at: t,
          outcome: 'retry', http_status: null, error: INTERRUPTED_ERROR, duration_ms: 0,
        }).execute();
      }
      return r;
    });
    if (row) {
      claimed.push({
        id: row.id, workspaceId: row.workspace_id, channel: row.channel, destination: row.destination, format: row.format,
        payload: row.payload, idempotencyKey: row.idempotency_key, attempts: Number(row.attempts), leaseUntil,
        createdAt: new Date(Number(row.created_at)),
      });
    }
  }
  return claimed;
}

export async function recordDeliveryAttempt(db: Kysely<Database>, adapter: DialectAdapter, a: AttemptRecord): Promise<boolean> {
  const at = a.at.getTime();
  const tried = a.outcome === 'rate_limited' ? 0 : 1;
  return adapter.writeTransaction(db, async (trx) => {
    await trx.insertInto('delivery_attempts').values({
      outbox_id: a.deliveryId, workspace_id: a.workspaceId, destination: a.destination, attempted_at: at,
      outcome: a.outcome, http_status: a.httpStatus, error: a.error, duration_ms: Math.max(0, Math.round(a.durationMs)),
    }).execute();
    const next = a.next;
    const result = await trx.updateTable('outbox')
      .set((eb) => ({
        status: next.status,
        attempts: eb('attempts', '+', tried),
        lease_until: null,
        last_error: a.error,
        ...(next.status === 'pending' ? { next_attempt_at: next.nextAttemptAt.getTime() } : {}),
        ...(next.status === 'delivered' ? { delivered_at: at } : {}),
      }))
      .where('id', '=', a.deliveryId).where('status', '=', 'sending').where('lease_until', '=', a.leaseUntil)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  });
}

export async function destinationLoads(db: Kysely<Database>, destinations: readonly string[], since: Date): Promise<Map<string, DestinationLoad>> {
  const loads = new Map<string, DestinationLoad>();
  const unique = [...new Set(destinations)];
  if (unique.length === 0) return loads;
  const rows = await db.selectFrom('delivery_attempts')
    .select((eb) => ['destination', eb.fn.countAll<number>().as('n'), eb.fn.min('attempted_at').as('oldest')])
    .where('destination', 'in', unique).where('attempted_at', '>', since.getTime()).where('outcome', '<>', 'rate_limited')
    .groupBy('destination').execute();
  for (const r of rows) loads.set(r.destination, { count: Number(r.n), oldest: r.oldest === null ? null : new Date(Number(r.oldest)) });
  return loads;
}

export async function listDeliveries(db: Kysely<Database>, workspaceId: string, filter: DeliveryFilter = {}): Promise<DeliveryWithAttempts[]> {
  const limit = Math.min(MAX_LIST, Math.max(1, Math.floor(filter.limit ?? DEFAULT_LIST)));
  let q = db.selectFrom('outbox').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.status) q = q.where('status', '=', filter.status);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  if (rows.length === 0) return [];
  const attempts = await db.selectFrom('delivery_attempts').selectAll()
    .where('workspace_id', '=', workspaceId).where('outbox_id', 'in', rows.map((r) => r.id))
    .orderBy('attempted_at').orderBy('id').execute();
  const byDelivery = new Map<string, DeliveryAttempt[]>();
  for (const a of attempts) {
    const list = byDelivery.get(a.outbox_id) ?? [];
    list.push(toAttempt(a));
    byDelivery.set(a.outbox_id, list);
  }
  return rows.map((r) => ({ ...toDelivery(r), attemptLog: byDelivery.get(r.id) ?? [] }));
}

export async function retryDelivery(db: Kysely<Database>, workspaceId: string, id: string, now: Date): Promise<Delivery> {
  const result = await db.updateTable('outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now.getTime(), lease_until: null })
    .where('workspace_id', '=', workspaceId).where('id', '=', id).where('status', '=', 'failed')
    .executeTakeFirst();
  const row = await db.selectFrom('outbox').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('Delivery', id, 'List deliveries with `ecoute deliver list` (or GET /api/deliveries).');
  if (Number(result.numUpdatedRows) === 0) {
    throw new InputError(`Delivery "${id}" is ${row.status}, not failed: only a failed delivery can be sent again (a pending one is retried on its own).`, { id, status: row.status });
  }
  return toDelivery(row);
}
