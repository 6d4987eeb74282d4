import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../core/ports.ts';
import { writeAudit } from './audit-queries.ts';
import type { Database } from './db-types.ts';
import { deleteAlertsAbout, deleteConversations, deleteMessages, deleted, deleteOrphanCaseEvents, deleteOrphanDeliveries, noneRemoved, type RemovedCounts } from './delete-rows.ts';
import type { DialectAdapter } from './dialect.ts';
import { bumpDataVersion } from './workspace-queries.ts';

/**
 * How the audit log names an erased customer: a SHA-256 prefix of the id, so the log proves the
 * erasure of a given id (hash it to check) without keeping the id itself.
 */
export function erasedCustomerTarget(externalId: string): string {
  return `customer:sha256:${createHash('sha256').update(externalId).digest('hex').slice(0, 16)}`;
}

/**
 * Erases a customer (by the id of its source system, as stored) everywhere: their conversations with
 * every message, analysis, survey answer and case; any other message or survey answer carrying their
 * id; cases and alerts naming them; the customer row. Bumps the data version so cached insights are
 * recomputed, and writes an audit line (also when nothing was left: the request is recorded).
 * Idempotent: erasing again removes nothing.
 */
export async function eraseCustomer(
  db: Kysely<Database>, adapter: DialectAdapter, clock: Clock, workspaceId: string, externalId: string, actor?: string,
): Promise<RemovedCounts> {
  const removed = noneRemoved();
  await adapter.writeTransaction(db, async (trx) => {
    const customer = await trx.selectFrom('customers').select('id')
      .where('workspace_id', '=', workspaceId).where('external_id', '=', externalId).executeTakeFirst();
    if (customer) {
      const id = Number(customer.id);
      const conversations = await trx.selectFrom('conversations').select('id')
        .where('workspace_id', '=', workspaceId).where('customer_id', '=', id).execute();
      await deleteConversations(trx, adapter, workspaceId, conversations.map((c) => Number(c.id)), removed);
      const stray = await trx.selectFrom('messages').select('id').where('workspace_id', '=', workspaceId).where('customer_id', '=', id).execute();
      await deleteMessages(trx, adapter, stray.map((m) => Number(m.id)), removed);
      removed.surveyAnswers += deleted(await trx.deleteFrom('survey_answers').where('workspace_id', '=', workspaceId).where('customer_id', '=', id).executeTakeFirst());
      removed.cases += deleted(await trx.deleteFrom('cases').where('workspace_id', '=', workspaceId).where('customer_id', 'in', [String(id), externalId]).executeTakeFirst());
      await deleteOrphanCaseEvents(trx, workspaceId);
      await deleteAlertsAbout(trx, workspaceId, 'customerId', new Set([String(id), externalId]), removed);
      await deleteAlertsAbout(trx, workspaceId, 'customerRef', new Set([externalId]), removed);
      await deleteOrphanDeliveries(trx, workspaceId);
      removed.customers += deleted(await trx.deleteFrom('customers').where('id', '=', id).executeTakeFirst());
      await bumpDataVersion(trx, clock, workspaceId);
    }
    await writeAudit(trx, clock, workspaceId, { actor, action: 'customer.erase', target: erasedCustomerTarget(externalId), detail: { removed: { ...removed } } });
  });
  return removed;
}
