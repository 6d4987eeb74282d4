import type { Kysely } from 'kysely';
import type { Case, CaseEvent } from '../core/act.ts';
import { NotFoundError } from '../core/errors.ts';
import type { CaseDetail, CaseFilter, CaseScope } from './case-store.ts';
import { scopedCases } from './case-scope-queries.ts';
import { messageFactById } from './case-open-queries.ts';
import { toCase, toCaseEvent, toRootCause } from './case-rows.ts';
import type { Database } from './db-types.ts';
import type { DialectAdapter } from './dialect.ts';
import { customerHistory } from './listening-queries.ts';

const DEFAULT_LIMIT = 200;
const MAX_LIMIT = 1000;
/** Statuses a case is done in: it is never overdue there. */
const DONE = ['resolved', 'closed'];

/**
 * Cases matching a filter, newest first (served by the cases_status / cases_root_cause / cases_customer
 * indexes; the shared filter's joins go by primary key, see scopedCases).
 */
export async function listCases(db: Kysely<Database>, workspaceId: string, filter: CaseFilter, now: Date): Promise<Case[]> {
  let q = scopedCases(db, workspaceId, filter);
  if (filter.status) q = q.where('cases.status', '=', filter.status);
  if (filter.owner) q = q.where('cases.owner', '=', filter.owner);
  if (filter.rootCauseId) q = q.where('cases.root_cause_id', '=', filter.rootCauseId);
  if (filter.customerId) q = q.where('cases.customer_id', '=', filter.customerId);
  if (filter.overdue) q = q.where('cases.status', 'not in', DONE).where('cases.due_at', '<', now.getTime());
  const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(filter.limit ?? DEFAULT_LIMIT)));
  const rows = await q.orderBy('cases.created_at', 'desc').orderBy('cases.id').limit(limit).execute();
  return rows.map(toCase);
}

/** Every case (of a scope, when given), oldest first. */
export async function allCases(db: Kysely<Database>, workspaceId: string, scope: CaseScope = {}): Promise<Case[]> {
  const rows = await scopedCases(db, workspaceId, scope).orderBy('cases.created_at').orderBy('cases.id').execute();
  return rows.map(toCase);
}

/** A case by id, or NotFoundError naming how to list them. */
export async function findCase(db: Kysely<Database>, workspaceId: string, caseId: string): Promise<Case> {
  const row = await db.selectFrom('cases').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', caseId).executeTakeFirst();
  if (!row) throw new NotFoundError('Case', caseId, 'List cases with `ecoute cases list` or GET /api/cases.');
  return toCase(row);
}

/** A case's events, oldest first. */
export async function caseEvents(db: Kysely<Database>, workspaceId: string, caseId: string): Promise<CaseEvent[]> {
  const rows = await db.selectFrom('case_events').selectAll()
    .where('workspace_id', '=', workspaceId).where('case_id', '=', caseId)
    .orderBy('at').orderBy('id').execute();
  return rows.map(toCaseEvent);
}

/** A case with its events, the message that raised it, the customer's whole history and its root cause. */
export async function getCase(db: Kysely<Database>, adapter: DialectAdapter, workspaceId: string, caseId: string): Promise<CaseDetail> {
  const c = await findCase(db, workspaceId, caseId);
  const [events, message, history, rootCause] = await Promise.all([
    caseEvents(db, workspaceId, caseId),
    c.messageId ? messageFactById(db, adapter, workspaceId, c.messageId) : Promise.resolve(null),
    c.customerId ? customerHistory(db, adapter, workspaceId, c.customerId) : Promise.resolve([]),
    c.rootCauseId
      ? db.selectFrom('root_causes').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', c.rootCauseId).executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  return { case: c, events, message, history, rootCause: rootCause ? toRootCause(rootCause) : null };
}
