/**
 * Label corrections (migration 008): appended rows, the latest per (message, field) wins; applied to
 * the listening station's facts. Also the stored answers of idempotent HTTP ingestion. Nothing here
 * bumps the data version: insights read the model's findings, not corrections.
 */
import type { Kysely } from 'kysely';
import { applyCorrections } from '../core/apply-corrections.ts';
import { parseCorrectionField, parseCorrectionValue, type Correction, type CorrectionField, type CorrectionValue } from '../core/correction.ts';
import { InputError, NotFoundError } from '../core/errors.ts';
import type { MessageFact } from '../core/facts.ts';
import type { Clock } from '../core/ports.ts';
import { chunkValues } from './chunk-rows.ts';
import type { IngestRequestRecord } from './correction-store.ts';
import type { Database } from './db-types.ts';
import type { DialectAdapter } from './dialect.ts';
import { toDbId } from './ids.ts';

const MESSAGE_FIX = 'Take a message id from GET /api/messages (the listening station).';

type Row = { message_id: number; field: string; value: string; actor: string; at: number };

function toCorrection(r: Row): Correction {
  return {
    messageId: String(r.message_id),
    field: r.field as CorrectionField,
    value: JSON.parse(r.value) as CorrectionValue,
    actor: r.actor,
    at: new Date(Number(r.at)),
  };
}

/** Validates and appends a correction of an analysed customer message. */
export async function addCorrection(
  db: Kysely<Database>, clock: Clock, workspaceId: string, messageId: string, input: { field: unknown; value: unknown; actor: string },
): Promise<Correction> {
  const field = parseCorrectionField(input.field);
  const value = parseCorrectionValue(field, input.value);
  const id = toDbId(messageId);
  const message = id === null ? undefined : await db.selectFrom('messages').select(['id', 'role', 'analysis_version'])
    .where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!message) throw new NotFoundError('Message', messageId, MESSAGE_FIX);
  if (message.role !== 'customer') {
    throw new InputError(`Message "${messageId}" was written by the ${message.role}: only customer messages are analysed, so only theirs can be corrected.`);
  }
  if (message.analysis_version === null) {
    throw new InputError(`Message "${messageId}" has no analysis yet, so there is nothing to correct. Analyse it first (\`ecoute ingest\` analyses new messages), then correct it.`);
  }
  const row = { workspace_id: workspaceId, message_id: Number(message.id), field, value: JSON.stringify(value), actor: input.actor, at: clock().getTime() };
  await db.insertInto('corrections').values(row).execute();
  return toCorrection(row);
}

/** Every correction of these messages, oldest first (then in the order they were made). */
export async function listCorrections(db: Kysely<Database>, adapter: DialectAdapter, workspaceId: string, messageIds: readonly string[]): Promise<Correction[]> {
  const ids = [...new Set(messageIds.map(toDbId).filter((x): x is number => x !== null))];
  const out: Correction[] = [];
  for (const chunk of chunkValues(ids, adapter.maxParams)) {
    const rows = await db.selectFrom('corrections').select(['message_id', 'field', 'value', 'actor', 'at'])
      .where('workspace_id', '=', workspaceId).where('message_id', 'in', chunk)
      .orderBy('at').orderBy('id').execute();
    out.push(...rows.map(toCorrection));
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Ids of corrected messages, ascending, after `afterId`: the pages of a labelled export. */
export async function correctedMessageIds(db: Kysely<Database>, workspaceId: string, afterId: string | null, limit: number): Promise<string[]> {
  let q = db.selectFrom('corrections').select('message_id').distinct().where('workspace_id', '=', workspaceId);
  const after = toDbId(afterId);
  if (after !== null) q = q.where('message_id', '>', after);
  const rows = await q.orderBy('message_id').limit(Math.max(1, limit)).execute();
  return rows.map((r) => String(r.message_id));
}

/**
 * The facts with people's corrections applied to their analysis (and listed in `corrections`): what the
 * listening station shows. One indexed read for the page; facts without corrections are returned as they are.
 */
export async function withCorrections(db: Kysely<Database>, adapter: DialectAdapter, workspaceId: string, facts: MessageFact[]): Promise<MessageFact[]> {
  const analysed = facts.filter((f) => f.analysis !== null).map((f) => f.messageId);
  if (analysed.length === 0) return facts;
  const byMessage = new Map<string, Correction[]>();
  for (const c of await listCorrections(db, adapter, workspaceId, analysed)) {
    const list = byMessage.get(c.messageId) ?? [];
    list.push(c);
    byMessage.set(c.messageId, list);
  }
  if (byMessage.size === 0) return facts;
  return facts.map((f) => {
    const list = byMessage.get(f.messageId);
    if (!list || !f.analysis) return f;
    const { analysis, applied } = applyCorrections(f.analysis, list);
    return { ...f, analysis, corrections: applied };
  });
}

/** The stored answer of an Idempotency-Key, or null. */
export async function findIngestRequest(db: Kysely<Database>, workspaceId: string, key: string): Promise<IngestRequestRecord | null> {
  const r = await db.selectFrom('ingest_requests').select(['body_sha256', 'response', 'created_at'])
    .where('workspace_id', '=', workspaceId).where('idempotency_key', '=', key).executeTakeFirst();
  return r ? { bodySha256: r.body_sha256, response: JSON.parse(r.response) as unknown, createdAt: new Date(Number(r.created_at)) } : null;
}

/** Stores an answer under its key; the first one stored wins (a concurrent replay leaves it as it is). */
export async function saveIngestRequest(db: Kysely<Database>, clock: Clock, workspaceId: string, key: string, bodySha256: string, response: unknown): Promise<void> {
  await db.insertInto('ingest_requests')
    .values({ workspace_id: workspaceId, idempotency_key: key, body_sha256: bodySha256, response: JSON.stringify(response), created_at: clock().getTime() })
    .onConflict((oc) => oc.columns(['workspace_id', 'idempotency_key']).doNothing())
    .execute();
}
