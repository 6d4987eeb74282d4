import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../core/ports.ts';
import { writeAudit } from './audit-queries.ts';
import { isCustomerPublicId } from './customer-public-ids.ts';
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
 * Erases a customer everywhere, named (`customerId`) by the id of its source system as stored or by its
 * public id (the "c_…" id the API and dashboard show; never the internal sequential key): their
 * conversations with every message, analysis, survey answer and case; any other message or survey
 * answer carrying their id; cases and alerts naming them; the customer row. The audit line hashes the
 * source system's id whichever was given. Bumps the data version so cached insights are
 * recomputed, and writes an audit line (also when nothing was left: the request is recorded).
 * Idempotent: erasing again removes nothing.
 */
export async function eraseCustomer(
  db: Kysely<Database>, adapter: DialectAdapter, clock: Clock, workspaceId: string, customerId: string, actor?: string,
): Promise<RemovedCounts> {
  const removed = noneRemoved();
  let externalId = customerId;
  await adapter.writeTransaction(db, async (trx) => {
    const find = (column: 'external_id' | 'public_id') => trx.selectFrom('customers').select(['id', 'external_id', 'public_id'])
      .where('workspace_id', '=', workspaceId).where(column, '=', customerId).executeTakeFirst();
    const customer = (await find('external_id')) ?? (isCustomerPublicId(customerId) ? await find('public_id') : undefined);
    if (customer) {
      const id = Number(customer.id);
      externalId = customer.external_id;
      // Cases and alerts name a customer by public id (or, typed by hand, by the source system's id).
      const names = [customer.public_id, externalId];
      const conversations = await trx.selectFrom('conversations').select('id')
        .where('workspace_id', '=', workspaceId).where('customer_id', '=', id).execute();
      await deleteConversations(trx, adapter, workspaceId, conversations.map((c) => Number(c.id)), removed);
      const stray = await trx.selectFrom('messages').select('id').where('workspace_id', '=', workspaceId).where('customer_id', '=', id).execute();
      await deleteMessages(trx, adapter, stray.map((m) => Number(m.id)), removed);
      removed.surveyAnswers += deleted(await trx.deleteFrom('survey_answers').where('workspace_id', '=', workspaceId).where('customer_id', '=', id).executeTakeFirst());
      removed.cases += deleted(await trx.deleteFrom('cases').where('workspace_id', '=', workspaceId).where('customer_id', 'in', names).executeTakeFirst());
      await deleteOrphanCaseEvents(trx, workspaceId);
      await deleteAlertsAbout(trx, workspaceId, 'customerId', new Set(names), removed);
      await deleteAlertsAbout(trx, workspaceId, 'customerRef', new Set([externalId]), removed);
      await deleteOrphanDeliveries(trx, workspaceId);
      removed.customers += deleted(await trx.deleteFrom('customers').where('id', '=', id).executeTakeFirst());
      await bumpDataVersion(trx, clock, workspaceId, { removed: true });
    }
    await writeAudit(trx, clock, workspaceId, { actor, action: 'customer.erase', target: erasedCustomerTarget(externalId), detail: { removed: { ...removed } } });
  });
  return removed;
}
