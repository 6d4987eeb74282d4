import type { Insertable, Kysely } from 'kysely';
import type { ConversationInput } from '../core/conversation.ts';
import type { CustomerRef } from '../core/customer.ts';
import type { Clock } from '../core/ports.ts';
import type { WriteResult } from './store.ts';
import { chunkRows, chunkValues } from './chunk-rows.ts';
import { appendToKnown, type StoredConversation } from './conversation-append.ts';
import { newCustomerPublicId } from './customer-public-ids.ts';
import { messageRow, surveyRow } from './conversation-rows.ts';
import type { Database, MessagesTable, SurveyAnswersTable } from './db-types.ts';
import type { DialectAdapter } from './dialect.ts';
import { sourceDbId, toDbId } from './ids.ts';
import { bumpDataVersion } from './workspace-queries.ts';

/** Merges repeated references to one customer within a batch: the first known value of each field wins. */
function mergeCustomers(refs: CustomerRef[]): CustomerRef[] {
  const byId = new Map<string, CustomerRef>();
  for (const ref of refs) {
    const seen = byId.get(ref.externalId);
    if (!seen) byId.set(ref.externalId, { ...ref });
    else {
      seen.name ??= ref.name;
      seen.segment ??= ref.segment;
      seen.value ??= ref.value;
    }
  }
  return [...byId.values()];
}

/** Inserts new customers and fills missing name/segment/value of known ones. Returns external id → id. */
async function upsertCustomers(
  trx: Kysely<Database>, adapter: DialectAdapter, workspaceId: string, refs: CustomerRef[], now: number, importId: number | null,
  /** This transaction's data version: a filled-in name/segment/value changes facts incremental readers hold. */
  version: number,
) {
  const ids = new Map<string, number>();
  const rows = mergeCustomers(refs).map((r) => ({
    workspace_id: workspaceId,
    external_id: r.externalId,
    name: r.name ?? null,
    segment: r.segment ?? null,
    value: r.value ?? null,
    created_at: now,
    // Set on insert only: a known customer keeps the import that created it.
    import_id: importId,
    // Likewise: a known customer keeps its public id (the conflict update below leaves it alone).
    public_id: newCustomerPublicId(),
    change_version: version,
  }));
  for (const chunk of chunkRows(rows, adapter.maxParams)) {
    const returned = await trx
      .insertInto('customers')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['workspace_id', 'external_id']).doUpdateSet((eb) => ({
          name: eb.fn.coalesce('customers.name', 'excluded.name'),
          segment: eb.fn.coalesce('customers.segment', 'excluded.segment'),
          value: eb.fn.coalesce('customers.value', 'excluded.value'),
          change_version: eb.ref('excluded.change_version'),
        })),
      )
      .returning(['id', 'external_id'])
      .execute();
    for (const r of returned) ids.set(r.external_id, Number(r.id));
  }
  return ids;
}

/** Stored conversations among this batch's natural keys, with the columns their messages copy. */
async function existingConversations(trx: Kysely<Database>, adapter: DialectAdapter, workspaceId: string, keys: string[]) {
  const found = new Map<string, StoredConversation>();
  for (const chunk of chunkValues(keys, adapter.maxParams)) {
    const rows = await trx
      .selectFrom('conversations')
      .select(['id', 'natural_key', 'channel', 'brand', 'team', 'agent', 'customer_id'])
      .where('workspace_id', '=', workspaceId)
      .where('natural_key', 'in', chunk)
      .execute();
    for (const r of rows) {
      found.set(r.natural_key, {
        id: Number(r.id), channel: r.channel, brand: r.brand, team: r.team, agent: r.agent,
        customer_id: r.customer_id === null ? null : Number(r.customer_id),
      });
    }
  }
  return found;
}

/**
 * Writes a batch of conversations in ONE transaction (so a killed import leaves whole batches only).
 * A conversation whose natural key is stored already keeps what is stored and gains only the
 * messages and survey answers it lacks (conversation-append.ts); when it lacks none, nothing is
 * written. A key repeated within the batch counts once (its first occurrence). Re-running an import is therefore idempotent and resumes where it
 * stopped, and a thread exported again with new replies gets them.
 */
export async function writeConversations(
  db: Kysely<Database>,
  adapter: DialectAdapter,
  clock: Clock,
  workspaceId: string,
  sourceId: string,
  batch: ConversationInput[],
  /** The import writing them (beginImport), recorded on each new row so it can be undone. */
  importId?: string,
): Promise<WriteResult> {
  const source = sourceDbId(sourceId);
  const importDbId = toDbId(importId);
  if (batch.length === 0) return { inserted: 0, updated: 0, skipped: 0, newMessageIds: [] };

  return adapter.writeTransaction(db, async (trx) => {
    const now = clock().getTime();
    const unique = new Map<string, ConversationInput>();
    for (const c of batch) if (!unique.has(c.naturalKey)) unique.set(c.naturalKey, c);
    const known = await existingConversations(trx, adapter, workspaceId, [...unique.keys()]);
    const fresh = [...unique.values()].filter((c) => !known.has(c.naturalKey));
    const appended = await appendToKnown(trx, adapter, workspaceId, known, [...unique.values()], importDbId);
    if (fresh.length === 0) {
      if (appended.updated.size > 0) await bumpDataVersion(trx, clock, workspaceId);
      return { inserted: 0, updated: appended.updated.size, skipped: batch.length - appended.updated.size, newMessageIds: sortedIds(appended.newMessageIds) };
    }

    const version = await bumpDataVersion(trx, clock, workspaceId);
    const customerIds = await upsertCustomers(
      trx, adapter, workspaceId, fresh.flatMap((c) => (c.customer ? [c.customer] : [])), now, importDbId, version,
    );

    const conversationRows = fresh.map((c) => ({
      workspace_id: workspaceId,
      source_id: source,
      natural_key: c.naturalKey,
      external_id: c.externalId ?? null,
      channel: c.channel,
      brand: c.brand ?? null,
      team: c.team ?? null,
      agent: c.agent ?? null,
      customer_id: c.customer ? (customerIds.get(c.customer.externalId) ?? null) : null,
      subject: c.subject ?? null,
      started_at: c.startedAt.getTime(),
      created_at: now,
      import_id: importDbId,
    }));
    const conversationIds = new Map<string, number>();
    for (const chunk of chunkRows(conversationRows, adapter.maxParams)) {
      // DO NOTHING also covers a concurrent importer that stored the same key after our check.
      const returned = await trx
        .insertInto('conversations')
        .values(chunk)
        .onConflict((oc) => oc.columns(['workspace_id', 'natural_key']).doNothing())
        .returning(['id', 'natural_key'])
        .execute();
      for (const r of returned) conversationIds.set(r.natural_key, Number(r.id));
    }

    const messageRows: Insertable<MessagesTable>[] = [];
    const surveyRows: Insertable<SurveyAnswersTable>[] = [];
    for (const [i, c] of fresh.entries()) {
      const conversationId = conversationIds.get(c.naturalKey);
      if (conversationId === undefined) continue;
      const row = conversationRows[i];
      c.messages.forEach((m, seq) => messageRows.push({ ...messageRow(workspaceId, conversationId, seq, m, row), import_id: importDbId }));
      for (const s of c.surveys ?? []) surveyRows.push({ ...surveyRow(workspaceId, conversationId, s, row.customer_id), import_id: importDbId });
    }

    const newMessageIds = [...appended.newMessageIds];
    for (const chunk of chunkRows(messageRows, adapter.maxParams)) {
      const returned = await trx.insertInto('messages').values(chunk).returning(['id', 'role']).execute();
      for (const r of returned) if (r.role === 'customer') newMessageIds.push(Number(r.id));
    }
    for (const chunk of chunkRows(surveyRows, adapter.maxParams)) {
      await trx.insertInto('survey_answers').values(chunk).execute();
    }

    return {
      inserted: conversationIds.size,
      updated: appended.updated.size,
      skipped: batch.length - conversationIds.size - appended.updated.size,
      newMessageIds: sortedIds(newMessageIds),
    };
  });
}

const sortedIds = (ids: number[]): string[] => ids.sort((a, b) => a - b).map(String);
