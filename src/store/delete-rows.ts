/**
 * Deletion shared by `import undo`, `customer erase` and retention: rows are removed children first
 * (corrections, analysis labels, analyses, messages, survey answers, cases, their events, alerts and
 * their pending deliveries) so foreign keys hold on both dialects.
 * Runs inside the caller's write transaction; counts what it removed.
 */
import type { Kysely } from 'kysely';
import { chunkValues } from './chunk-rows.ts';
import type { Database } from './db-types.ts';
import type { DialectAdapter } from './dialect.ts';

/** What a deletion removed, per kind of row. */
export interface RemovedCounts {
  conversations: number;
  messages: number;
  analyses: number;
  surveyAnswers: number;
  employeeAnswers: number;
  customers: number;
  cases: number;
  alerts: number;
}

/** All counts at zero. */
export function noneRemoved(): RemovedCounts {
  return { conversations: 0, messages: 0, analyses: 0, surveyAnswers: 0, employeeAnswers: 0, customers: 0, cases: 0, alerts: 0 };
}

/** True when nothing at all was removed. */
export function removedNothing(r: RemovedCounts): boolean {
  return Object.values(r).every((n) => n === 0);
}

/** Rows affected by a DELETE, as a number. */
export const deleted = (r: { numDeletedRows: bigint } | undefined): number => Number(r?.numDeletedRows ?? 0);

/** Deletes messages (ids) with their analyses and labels. */
export async function deleteMessages(trx: Kysely<Database>, adapter: DialectAdapter, ids: number[], removed: RemovedCounts): Promise<void> {
  for (const chunk of chunkValues(ids, adapter.maxParams)) {
    await trx.deleteFrom('corrections').where('message_id', 'in', chunk).execute();
    await trx.deleteFrom('drill_attempts').where('message_id', 'in', chunk).execute();
    await trx.deleteFrom('analysis_labels').where('message_id', 'in', chunk).execute();
    removed.analyses += deleted(await trx.deleteFrom('analyses').where('message_id', 'in', chunk).executeTakeFirst());
    removed.messages += deleted(await trx.deleteFrom('messages').where('id', 'in', chunk).executeTakeFirst());
  }
}

/** Deletes conversations (ids) with everything attached: messages, analyses, survey answers, cases. */
export async function deleteConversations(
  trx: Kysely<Database>, adapter: DialectAdapter, workspaceId: string, ids: number[], removed: RemovedCounts,
): Promise<void> {
  for (const chunk of chunkValues(ids, adapter.maxParams)) {
    const messages = trx.selectFrom('messages').select('id').where('conversation_id', 'in', chunk);
    // People's corrections of these messages' analyses go with them (they name who corrected).
    await trx.deleteFrom('corrections').where('message_id', 'in', messages).execute();
    // Drill attempts quote and answer these messages: they go too.
    await trx.deleteFrom('drill_attempts').where('message_id', 'in', messages).execute();
    await trx.deleteFrom('analysis_labels').where('message_id', 'in', messages).execute();
    removed.analyses += deleted(await trx.deleteFrom('analyses').where('message_id', 'in', messages).executeTakeFirst());
    removed.messages += deleted(await trx.deleteFrom('messages').where('conversation_id', 'in', chunk).executeTakeFirst());
    removed.surveyAnswers += deleted(await trx.deleteFrom('survey_answers').where('conversation_id', 'in', chunk).executeTakeFirst());
    removed.cases += deleted(await trx.deleteFrom('cases').where('workspace_id', '=', workspaceId)
      .where('conversation_id', 'in', chunk.map(String)).executeTakeFirst());
    removed.conversations += deleted(await trx.deleteFrom('conversations').where('id', 'in', chunk).executeTakeFirst());
  }
  await deleteAlertsAbout(trx, workspaceId, 'conversationId', new Set(ids.map(String)), removed);
  await deleteOrphanCaseEvents(trx, workspaceId);
  await deleteOrphanDeliveries(trx, workspaceId);
}

/**
 * Deletes the customers among `ids` that nothing references any more (no conversation, message or
 * survey answer), with the cases opened for them.
 */
export async function deleteOrphanCustomers(
  trx: Kysely<Database>, adapter: DialectAdapter, workspaceId: string, ids: number[], removed: RemovedCounts,
): Promise<void> {
  const orphans: number[] = [];
  // Cases and alerts name customers by public id (customer-public-ids.ts), never by the internal key.
  const publicIds: string[] = [];
  for (const chunk of chunkValues([...new Set(ids)], adapter.maxParams)) {
    const rows = await trx.selectFrom('customers as cu').select(['cu.id', 'cu.public_id'])
      .where('cu.workspace_id', '=', workspaceId).where('cu.id', 'in', chunk)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('conversations as c').select('c.id').whereRef('c.customer_id', '=', 'cu.id'))))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('messages as m').select('m.id').whereRef('m.customer_id', '=', 'cu.id'))))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('survey_answers as s').select('s.id').whereRef('s.customer_id', '=', 'cu.id'))))
      .execute();
    orphans.push(...rows.map((r) => Number(r.id)));
    publicIds.push(...rows.map((r) => r.public_id));
  }
  for (const chunk of chunkValues(publicIds, adapter.maxParams)) {
    removed.cases += deleted(await trx.deleteFrom('cases').where('workspace_id', '=', workspaceId)
      .where('customer_id', 'in', chunk).executeTakeFirst());
  }
  for (const chunk of chunkValues(orphans, adapter.maxParams)) {
    removed.customers += deleted(await trx.deleteFrom('customers').where('id', 'in', chunk).executeTakeFirst());
  }
  await deleteAlertsAbout(trx, workspaceId, 'customerId', new Set(publicIds), removed);
  await deleteOrphanCaseEvents(trx, workspaceId);
  await deleteOrphanDeliveries(trx, workspaceId);
}

/** Deletes the events of cases deleted in this transaction: their notes may name the customer. */
export async function deleteOrphanCaseEvents(trx: Kysely<Database>, workspaceId: string): Promise<void> {
  await trx.deleteFrom('case_events').where('workspace_id', '=', workspaceId)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('cases as c').select('c.id').whereRef('c.id', '=', 'case_events.case_id'))))
    .execute();
}

/**
 * Deletes the outbox rows (and their attempt log) of alerts deleted in this transaction: the payloads
 * quote the customer's words, and a pending e-mail or webhook about an erased customer must not go out.
 */
export async function deleteOrphanDeliveries(trx: Kysely<Database>, workspaceId: string): Promise<void> {
  const orphan = trx.selectFrom('outbox as o').select('o.id').where('o.workspace_id', '=', workspaceId)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('alerts as a').select('a.id').whereRef('a.id', '=', 'o.alert_id'))));
  await trx.deleteFrom('delivery_attempts').where('workspace_id', '=', workspaceId).where('outbox_id', 'in', orphan).execute();
  await trx.deleteFrom('outbox').where('workspace_id', '=', workspaceId)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('alerts as a').select('a.id').whereRef('a.id', '=', 'outbox.alert_id'))))
    .execute();
}

/** Deletes the alerts whose JSON payload names one of `ids` under `key` (alert payloads are free-form). */
export async function deleteAlertsAbout(
  trx: Kysely<Database>, workspaceId: string, key: string, ids: Set<string>, removed: RemovedCounts,
): Promise<void> {
  if (ids.size === 0) return;
  const alerts = await trx.selectFrom('alerts').select(['id', 'payload']).where('workspace_id', '=', workspaceId).execute();
  for (const a of alerts) {
    const value = (JSON.parse(a.payload) as Record<string, unknown>)[key];
    if (value !== undefined && value !== null && ids.has(String(value))) {
      removed.alerts += deleted(await trx.deleteFrom('alerts').where('id', '=', a.id).executeTakeFirst());
    }
  }
}
