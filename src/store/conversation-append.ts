/**
 * Re-imported conversations: a thread exported again later (a ticket with new replies, an mbox
 * exported a week on) keeps what is stored and gains the messages and survey answers it did not
 * have. They are matched by signature (time, role and text; kind, score and time), counted as a
 * multiset; nothing stored is changed or deleted. Cheap when nothing is new: two count queries per
 * batch (messages, survey answers) decide which conversations need theirs read back.
 */
import type { Insertable, Kysely } from 'kysely';
import type { ConversationInput } from '../core/conversation.ts';
import { chunkRows, chunkValues } from './chunk-rows.ts';
import { messageRow, messageSignature, surveyRow, surveySignature, type ConversationCopy } from './conversation-rows.ts';
import type { Database, MessagesTable, SurveyAnswersTable } from './db-types.ts';
import type { DialectAdapter } from './dialect.ts';

/** A stored conversation that a batch names again. */
export interface StoredConversation extends ConversationCopy {
  id: number;
}

/** What appending wrote: the natural keys that gained something, and the new customer messages. */
export interface AppendResult {
  updated: Set<string>;
  newMessageIds: number[];
}

/** A multiset of signatures: `take` is true (and uses one up) when the signature is stored. */
function multiset(signatures: string[]): { take: (s: string) => boolean } {
  const left = new Map<string, number>();
  for (const s of signatures) left.set(s, (left.get(s) ?? 0) + 1);
  return {
    take: (s) => {
      const n = left.get(s) ?? 0;
      if (n > 0) left.set(s, n - 1);
      return n > 0;
    },
  };
}

function push(m: Map<number, string[]>, id: number, s: string): void {
  const list = m.get(id);
  if (list) list.push(s); else m.set(id, [s]);
}

async function messageCounts(trx: Kysely<Database>, adapter: DialectAdapter, ids: number[]) {
  const out = new Map<number, { n: number; last: number }>();
  for (const chunk of chunkValues(ids, adapter.maxParams)) {
    const rows = await trx.selectFrom('messages').where('conversation_id', 'in', chunk).groupBy('conversation_id')
      .select((eb) => ['conversation_id', eb.fn.countAll().as('n'), eb.fn.max('seq').as('last')]).execute();
    for (const r of rows) out.set(Number(r.conversation_id), { n: Number(r.n), last: Number(r.last) });
  }
  return out;
}

async function surveyCounts(trx: Kysely<Database>, adapter: DialectAdapter, ids: number[]) {
  const out = new Map<number, number>();
  for (const chunk of chunkValues(ids, adapter.maxParams)) {
    const rows = await trx.selectFrom('survey_answers').where('conversation_id', 'in', chunk).groupBy('conversation_id')
      .select((eb) => ['conversation_id', eb.fn.countAll().as('n')]).execute();
    for (const r of rows) out.set(Number(r.conversation_id), Number(r.n));
  }
  return out;
}

/** Appends to stored conversations (`known`, by natural key) what `batch` has and they lack. */
export async function appendToKnown(
  trx: Kysely<Database>, adapter: DialectAdapter, workspaceId: string,
  known: Map<string, StoredConversation>, batch: ConversationInput[], importId: number | null = null,
): Promise<AppendResult> {
  const result: AppendResult = { updated: new Set(), newMessageIds: [] };
  const again = batch.filter((c) => known.has(c.naturalKey));
  if (again.length === 0) return result;
  const ids = again.map((c) => known.get(c.naturalKey)!.id);
  const counts = await messageCounts(trx, adapter, ids);
  const surveys = await surveyCounts(trx, adapter, ids);
  const grown = again.filter((c) => c.messages.length > (counts.get(known.get(c.naturalKey)!.id)?.n ?? 0));
  const surveyed = again.filter((c) => (c.surveys ?? []).length > (surveys.get(known.get(c.naturalKey)!.id) ?? 0));

  const messageRows: Insertable<MessagesTable>[] = [];
  const storedMessages = new Map<number, string[]>();
  for (const chunk of chunkValues(grown.map((c) => known.get(c.naturalKey)!.id), adapter.maxParams)) {
    const rows = await trx.selectFrom('messages').where('conversation_id', 'in', chunk)
      .select(['conversation_id', 'sent_at', 'role', 'text']).execute();
    for (const r of rows) {
      push(storedMessages, Number(r.conversation_id), messageSignature(Number(r.sent_at), r.role, r.text));
    }
  }
  for (const c of grown) {
    const conv = known.get(c.naturalKey)!;
    const stored = multiset(storedMessages.get(conv.id) ?? []);
    let seq = counts.get(conv.id)?.last ?? -1;
    for (const m of c.messages) {
      if (stored.take(messageSignature(m.at.getTime(), m.role, m.text))) continue;
      messageRows.push({ ...messageRow(workspaceId, conv.id, ++seq, m, conv), import_id: importId });
      result.updated.add(c.naturalKey);
    }
  }

  const surveyRows: Insertable<SurveyAnswersTable>[] = [];
  const storedSurveys = new Map<number, string[]>();
  for (const chunk of chunkValues(surveyed.map((c) => known.get(c.naturalKey)!.id), adapter.maxParams)) {
    const rows = await trx.selectFrom('survey_answers').where('conversation_id', 'in', chunk)
      .select(['conversation_id', 'kind', 'score', 'answered_at']).execute();
    for (const r of rows) {
      push(storedSurveys, Number(r.conversation_id), surveySignature(r.kind, Number(r.score), Number(r.answered_at)));
    }
  }
  for (const c of surveyed) {
    const conv = known.get(c.naturalKey)!;
    const stored = multiset(storedSurveys.get(conv.id) ?? []);
    for (const s of c.surveys ?? []) {
      if (stored.take(surveySignature(s.kind, s.score, s.at.getTime()))) continue;
      surveyRows.push({ ...surveyRow(workspaceId, conv.id, s, conv.customer_id), import_id: importId });
      result.updated.add(c.naturalKey);
    }
  }

  for (const chunk of chunkRows(messageRows, adapter.maxParams)) {
    const returned = await trx.insertInto('messages').values(chunk).returning(['id', 'role']).execute();
    for (const r of returned) if (r.role === 'customer') result.newMessageIds.push(Number(r.id));
  }
  for (const chunk of chunkRows(surveyRows, adapter.maxParams)) await trx.insertInto('survey_answers').values(chunk).execute();
  return result;
}
