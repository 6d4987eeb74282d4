import type { Kysely, Transaction } from 'kysely';
import { caseTargetsOf, type CaseTargets } from '../act/cases/case-due.ts';
import type { Case } from '../core/act.ts';
import type { CaseDraft } from '../core/alert.ts';
import { InputError } from '../core/errors.ts';
import { WorkspaceSettingsSchema } from '../core/workspace.ts';
import { toCase } from './case-rows.ts';
import type { Database } from './db-types.ts';
import { toDbId } from './ids.ts';

/**
 * What it takes to open a case: the draft the alert engine (or a person) builds, plus where, when and by
 * whom it is written. A case opened by hand may have no due time yet (dueAt null).
 */
export interface NewCaseRow extends Omit<CaseDraft, 'dueAt'> {
  workspaceId: string;
  alertId: string | null;
  dueAt: Date | null;
  createdAt: Date;
  actor: string;
}

/**
 * Writes a new open case and its 'created' event. Takes a transaction or a database so the alert engine
 * can open cases atomically with its alert. Never bumps the data version: cases are not analysis data,
 * and writing one must not throw away the insights cache.
 */
export async function insertCase(db: Kysely<Database> | Transaction<Database>, row: NewCaseRow): Promise<Case> {
  if (row.title.trim() === '') throw new InputError('A case needs a title. Pass a short sentence saying what to do.');
  let messageId: number | null = null;
  if (row.messageId !== null) {
    messageId = toDbId(row.messageId);
    if (messageId === null) throw new InputError(`Message id "${row.messageId}" is invalid. Use an id from the listening station or GET /api/messages.`);
  }
  const at = row.createdAt.getTime();
  const inserted = await db.insertInto('cases').values({
    id: row.id,
    workspace_id: row.workspaceId,
    conversation_id: row.conversationId,
    customer_id: row.customerId,
    title: row.title.trim(),
    status: 'open',
    owner: row.owner,
    priority: row.priority,
    created_at: at,
    updated_at: at,
    message_id: messageId,
    alert_id: row.alertId,
    urgency: row.urgency,
    due_at: row.dueAt ? row.dueAt.getTime() : null,
    root_cause_id: null,
    team: row.team,
    first_response_at: null,
    resolved_at: null,
    closed_at: null,
    reopen_count: 0,
  }).returningAll().executeTakeFirstOrThrow();
  await db.insertInto('case_events').values({
    workspace_id: row.workspaceId, case_id: row.id, at, actor: row.actor, kind: 'created',
    from_status: null, to_status: 'open', text: null,
  }).execute();
  return toCase(inserted);
}

/** The close-the-loop targets of a workspace (defaults when it has no row or sets none). */
export async function caseTargetsFor(db: Kysely<Database>, workspaceId: string): Promise<CaseTargets> {
  const row = await db.selectFrom('workspaces').select('settings').where('id', '=', workspaceId).executeTakeFirst();
  if (!row) return caseTargetsOf(undefined);
  return caseTargetsOf(WorkspaceSettingsSchema.parse(JSON.parse(row.settings)).caseTargetHours);
}
