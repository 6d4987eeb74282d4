/**
 * Writes what the rule engine decided: each alert with its outbox deliveries and its cases in the same
 * transaction (so a delivery never exists without its alert, nor an alert without its deliveries),
 * skipping an alert when
 * - this rule already alerted on this message (re-evaluation, a second import run), or its deliveries'
 *   idempotency keys are already in the outbox: counted as duplicates;
 * - an alert with the same dedupe key (rule and customer) was raised within the rule's window: counted
 *   as deduplicated.
 * Alerts and cases are not analysis data: the data version (the insights cache key) is left alone.
 */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AlertDraft, AlertWriteResult, RuleAlert } from '../core/alert.ts';
import { NotFoundError } from '../core/errors.ts';
import { insertCase } from './case-queries.ts';
import type { AlertsTable, Database } from './db-types.ts';
import type { DialectAdapter } from './dialect.ts';
import { toDbId } from './ids.ts';

function toAlert(r: Selectable<AlertsTable>): RuleAlert {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    kind: r.kind,
    message: r.message,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    createdAt: new Date(Number(r.created_at)),
    acknowledged: Number(r.acknowledged) === 1,
    ruleId: r.rule_id ?? null,
    ruleVersion: r.rule_version == null ? null : Number(r.rule_version),
    messageId: r.message_id == null ? null : String(r.message_id),
    customerId: r.customer_id ?? null,
    dedupeKey: r.dedupe_key ?? null,
  };
}

type Verdict = 'write' | 'duplicate' | 'deduplicated';

/** Whether a draft may be written, given what the transaction sees. */
async function verdict(trx: Kysely<Database>, workspaceId: string, d: AlertDraft, messageId: number | null): Promise<Verdict> {
  const { alert } = d;
  if (alert.ruleId !== null && messageId !== null) {
    const seen = await trx.selectFrom('alerts').select('id').where('rule_id', '=', alert.ruleId).where('message_id', '=', messageId).executeTakeFirst();
    if (seen) return 'duplicate';
  }
  if (d.deliveries.length > 0) {
    const keys = d.deliveries.map((x) => x.idempotencyKey);
    const sent = await trx.selectFrom('outbox').select('id').where('idempotency_key', 'in', keys).limit(1).executeTakeFirst();
    if (sent) return 'duplicate';
  }
  if (alert.dedupeKey !== null && d.dedupeWindowMs > 0) {
    const recent = await trx.selectFrom('alerts').select('id')
      .where('workspace_id', '=', workspaceId).where('dedupe_key', '=', alert.dedupeKey)
      .where('created_at', '>', alert.createdAt.getTime() - d.dedupeWindowMs)
      .limit(1).executeTakeFirst();
    if (recent) return 'deduplicated';
  }
  return 'write';
}

/**
 * Writes the drafts of one evaluation in a single write transaction, in order (a later draft with the
 * same dedupe key as an earlier one is deduplicated against it).
 */
export async function writeAlerts(
  db: Kysely<Database>, adapter: DialectAdapter, workspaceId: string, drafts: readonly AlertDraft[],
): Promise<AlertWriteResult> {
  const result: AlertWriteResult = { written: [], deduplicated: 0, duplicates: 0 };
  if (drafts.length === 0) return result;
  await adapter.writeTransaction(db, async (trx) => {
    for (const d of drafts) {
      const { alert } = d;
      const messageId = toDbId(alert.messageId);
      const v = await verdict(trx, workspaceId, d, messageId);
      if (v === 'duplicate') result.duplicates++;
      if (v === 'deduplicated') result.deduplicated++;
      if (v !== 'write') continue;
      const at = alert.createdAt.getTime();
      const row: Insertable<AlertsTable> = {
        id: alert.id, workspace_id: workspaceId, kind: alert.kind, message: alert.message, payload: JSON.stringify(alert.payload),
        created_at: at, acknowledged: 0, rule_id: alert.ruleId, rule_version: alert.ruleVersion, message_id: messageId,
        customer_id: alert.customerId, dedupe_key: alert.dedupeKey,
      };
      // The unique (rule_id, message_id) index settles a race with another writer: nothing is written twice.
      const inserted = await trx.insertInto('alerts').values(row).onConflict((oc) => oc.columns(['rule_id', 'message_id']).doNothing()).executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
        result.duplicates++;
        continue;
      }
      if (d.deliveries.length > 0) {
        await trx.insertInto('outbox').values(d.deliveries.map((x) => ({
          id: x.id, workspace_id: workspaceId, alert_id: alert.id, channel: x.channel, destination: x.destination, format: x.format,
          payload: JSON.stringify(x.payload), idempotency_key: x.idempotencyKey, status: 'pending', attempts: 0,
          next_attempt_at: at, lease_until: null, last_error: null, created_at: at, delivered_at: null,
        }))).onConflict((oc) => oc.column('idempotency_key').doNothing()).execute();
      }
      for (const c of d.cases) {
        await insertCase(trx, { ...c, workspaceId, alertId: alert.id, createdAt: alert.createdAt, actor: 'rule' });
      }
      result.written.push(toAlert({ ...row, acknowledged: 0 } as Selectable<AlertsTable>));
    }
  });
  return result;
}

/** Filters of the alert list. */
export interface AlertListOptions {
  /** At most this many (default 100, at most 1000). */
  limit?: number;
  ruleId?: string;
  /** Only alerts not acknowledged yet. */
  unacknowledged?: boolean;
}

/** Alerts of a workspace, newest first. */
export async function listAlerts(db: Kysely<Database>, workspaceId: string, opts: AlertListOptions = {}): Promise<RuleAlert[]> {
  let q = db.selectFrom('alerts').selectAll().where('workspace_id', '=', workspaceId);
  if (opts.ruleId !== undefined) q = q.where('rule_id', '=', opts.ruleId);
  if (opts.unacknowledged) q = q.where('acknowledged', '=', 0);
  const limit = Math.min(Math.max(1, opts.limit ?? 100), 1000);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
  return rows.map(toAlert);
}

/** Marks an alert as seen (idempotent); NotFoundError for an unknown id. */
export async function acknowledgeAlert(db: Kysely<Database>, workspaceId: string, alertId: string): Promise<RuleAlert> {
  await db.updateTable('alerts').set({ acknowledged: 1 }).where('workspace_id', '=', workspaceId).where('id', '=', alertId).execute();
  const row = await db.selectFrom('alerts').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', alertId).executeTakeFirst();
  if (!row) throw new NotFoundError('Alert', alertId, 'List alerts with `ecoute alerts list` or GET /api/alerts.');
  return toAlert(row);
}
