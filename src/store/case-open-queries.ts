import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { caseDueAt } from '../act/cases/case-due.ts';
import type { Case } from '../core/act.ts';
import { InputError, NotFoundError } from '../core/errors.ts';
import type { MessageFact } from '../core/facts.ts';
import type { Clock } from '../core/ports.ts';
import { caseTargetsFor, insertCase } from './case-queries.ts';
import type { OpenCaseInput } from './case-store.ts';
import { isCustomerPublicId } from './customer-public-ids.ts';
import type { Database } from './db-types.ts';
import type { DialectAdapter } from './dialect.ts';
import type { FactPlan } from './fact-plan.ts';
import { scanFacts, toMessageFact } from './fact-select.ts';
import { toDbId } from './ids.ts';
import { insertWorkspaceIfMissing } from './workspace-queries.ts';

/** Longest title derived from a message's text. */
const TITLE_CHARS = 100;

/** One message as a MessageFact (with its analysis), or null when the workspace has no such message. */
export async function messageFactById(db: Kysely<Database>, adapter: DialectAdapter, workspaceId: string, messageId: string): Promise<MessageFact | null> {
  const id = toDbId(messageId);
  if (id === null) return null;
  const plan: FactPlan = { driver: { table: 'messages' }, messageIndex: null, text: null, textIndexed: false };
  const row = await scanFacts(db, adapter, workspaceId, {}, plan).query.where('m.id', '=', id).executeTakeFirst();
  return row ? toMessageFact(row) : null;
}

/**
 * Throws NotFoundError unless `customerId` is the public id of a customer of this workspace: a case for
 * a customer who does not exist would follow no one (and another workspace's customer must look unknown).
 */
async function requireCustomer(db: Kysely<Database>, workspaceId: string, customerId: string): Promise<void> {
  const row = isCustomerPublicId(customerId)
    ? await db.selectFrom('customers').select('id').where('workspace_id', '=', workspaceId).where('public_id', '=', customerId).executeTakeFirst()
    : undefined;
  if (!row) {
    throw new NotFoundError('Customer', customerId, 'Give the customer\'s "c_…" id as the listening station shows it (customerId in GET /api/messages '
      + 'or GET /api/customers/ID/history), not the id of your source system; or leave customerId out, or open the case on one of their messages ("messageId").');
  }
}

/**
 * Throws NotFoundError unless `conversationId` is a conversation of this workspace: the case would point
 * at a thread nobody can open (and another workspace's conversation must look unknown, as a customer does).
 */
async function requireConversation(db: Kysely<Database>, workspaceId: string, conversationId: string): Promise<void> {
  const id = toDbId(conversationId);
  const row = id === null
    ? undefined
    : await db.selectFrom('conversations').select('id').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) {
    throw new NotFoundError('Conversation', conversationId, 'Give the conversation id as the listening station shows it (conversationId in '
      + 'GET /api/messages), not the id of your source system; or leave conversationId out, or open the case on one of its messages ("messageId").');
  }
}

/** A one-line title from a message's text. */
function titleFrom(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > TITLE_CHARS ? `${line.slice(0, TITLE_CHARS - 1)}…` : line;
}

/**
 * Opens a case by hand or through the API. From a message, it takes the customer, conversation, team and
 * urgency (from the analysis), and its due time from the urgency and the workspace's targets.
 */
export async function openCase(
  db: Kysely<Database>, adapter: DialectAdapter, clock: Clock, workspaceId: string, input: OpenCaseInput,
): Promise<Case> {
  const now = clock();
  const fact = input.messageId ? await messageFactById(db, adapter, workspaceId, input.messageId) : null;
  if (input.messageId && !fact) {
    throw new NotFoundError('Message', input.messageId, 'Open a case on a message id from the listening station (GET /api/messages).');
  }
  const title = input.title?.trim() || (fact ? titleFrom(fact.text) : '');
  if (!title) throw new InputError('A case needs a title or a message. Pass "title" (a short sentence saying what to do) or "messageId".');
  if (input.customerId != null) await requireCustomer(db, workspaceId, input.customerId);
  if (input.conversationId != null) await requireConversation(db, workspaceId, input.conversationId);
  await insertWorkspaceIfMissing(db, clock, workspaceId);
  const urgency = fact?.analysis?.signals.urgency ?? null;
  const dueAt = input.dueAt !== undefined && input.dueAt !== null
    ? input.dueAt
    : caseDueAt(urgency, now, await caseTargetsFor(db, workspaceId));
  // The row and its 'created' event together, or neither.
  return adapter.writeTransaction(db, (trx) => insertCase(trx, {
    id: randomUUID(),
    workspaceId,
    title,
    messageId: fact?.messageId ?? null,
    alertId: null,
    conversationId: fact?.conversationId ?? input.conversationId ?? null,
    customerId: fact?.customerId ?? input.customerId ?? null,
    urgency,
    priority: input.priority ?? urgency ?? 'medium',
    owner: input.owner?.trim() || null,
    team: input.team?.trim() || fact?.team || null,
    dueAt,
    createdAt: now,
    actor: input.actor,
  }));
}
