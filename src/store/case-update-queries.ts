import type { Insertable, Kysely, Updateable } from 'kysely';
import { firstResponseAfterNote, moveCase } from '../act/cases/case-transitions.ts';
import type { Case, CaseEvent } from '../core/act.ts';
import { InputError, NotFoundError } from '../core/errors.ts';
import type { Clock } from '../core/ports.ts';
import type { CaseUpdate } from './case-store.ts';
import { findCase } from './case-read-queries.ts';
import { toCase, toCaseEvent } from './case-rows.ts';
import type { CaseEventsTable, CasesTable, Database } from './db-types.ts';
import type { DialectAdapter } from './dialect.ts';

/** Longest note kept (a note is a few sentences, not a transcript). */
const MAX_NOTE = 10_000;

type Event = Omit<Insertable<CaseEventsTable>, 'id' | 'workspace_id' | 'case_id' | 'at' | 'actor'>;

/**
 * Writes the row change only if the case is still as it was read (same status and reopen count): two
 * people moving the same case at once on PostgreSQL get one success and one clear error, not a lost move.
 */
async function writeCase(trx: Kysely<Database>, before: Case, set: Updateable<CasesTable>): Promise<Case> {
  const row = await trx.updateTable('cases').set(set)
    .where('workspace_id', '=', before.workspaceId).where('id', '=', before.id)
    .where('status', '=', before.status).where('reopen_count', '=', before.reopenCount)
    .returningAll().executeTakeFirst();
  if (!row) throw new InputError(`Case "${before.id}" changed while you were updating it. Reload it and try again.`);
  return toCase(row);
}

async function writeEvents(trx: Kysely<Database>, c: Case, at: number, actor: string, events: Event[]): Promise<void> {
  if (events.length === 0) return;
  await trx.insertInto('case_events')
    .values(events.map((e) => ({ workspace_id: c.workspaceId, case_id: c.id, at, actor, from_status: null, to_status: null, text: null, ...e })))
    .execute();
}

/** Moves, assigns, re-dates, re-teams or (un)links a case: one event per change. No data-version bump. */
export async function updateCase(
  db: Kysely<Database>, adapter: DialectAdapter, clock: Clock, workspaceId: string, caseId: string, update: CaseUpdate,
): Promise<Case> {
  return adapter.writeTransaction(db, async (trx) => {
    const before = await findCase(trx, workspaceId, caseId);
    const now = clock();
    const at = now.getTime();
    const set: Updateable<CasesTable> = {};
    const events: Event[] = [];
    if (update.status !== undefined) {
      const move = moveCase(before, update.status, update.actor, now);
      Object.assign(set, {
        status: move.status, first_response_at: move.firstResponseAt, resolved_at: move.resolvedAt,
        closed_at: move.closedAt, reopen_count: move.reopenCount,
      });
      events.push({ kind: 'status', from_status: before.status, to_status: move.status, text: move.reopened ? 'reopened' : null });
    }
    if (update.owner !== undefined && (update.owner?.trim() || null) !== before.owner) {
      set.owner = update.owner?.trim() || null;
      events.push({ kind: 'assigned', text: set.owner });
    }
    if (update.team !== undefined && (update.team?.trim() || null) !== before.team) {
      set.team = update.team?.trim() || null;
      events.push({ kind: 'team', text: set.team });
    }
    if (update.dueAt !== undefined && (update.dueAt?.getTime() ?? null) !== (before.dueAt?.getTime() ?? null)) {
      if (update.dueAt && Number.isNaN(update.dueAt.getTime())) throw new InputError('The due time is not a valid date. Give an ISO 8601 time such as 2026-03-01T17:00:00Z.');
      set.due_at = update.dueAt?.getTime() ?? null;
      events.push({ kind: 'due', text: update.dueAt?.toISOString() ?? null });
    }
    if (update.rootCauseId !== undefined && update.rootCauseId !== before.rootCauseId) {
      if (update.rootCauseId !== null) {
        const rc = await trx.selectFrom('root_causes').select('id')
          .where('workspace_id', '=', workspaceId).where('id', '=', update.rootCauseId).executeTakeFirst();
        if (!rc) throw new NotFoundError('Root cause', update.rootCauseId, 'List root causes with GET /api/root-causes, or create one from a theme (POST /api/root-causes).');
      }
      set.root_cause_id = update.rootCauseId;
      events.push(update.rootCauseId === null ? { kind: 'unlinked', text: before.rootCauseId } : { kind: 'linked', text: update.rootCauseId });
    }
    if (events.length === 0) return before;
    set.updated_at = at;
    const after = await writeCase(trx, before, set);
    await writeEvents(trx, before, at, update.actor, events);
    return after;
  });
}

/** Adds a note; a person's first note is also the case's first response. No data-version bump. */
export async function addCaseNote(
  db: Kysely<Database>, adapter: DialectAdapter, clock: Clock, workspaceId: string, caseId: string, text: string, actor: string,
): Promise<CaseEvent> {
  const body = text.trim();
  if (!body) throw new InputError('A note cannot be empty. Write what was said or done.');
  if (body.length > MAX_NOTE) throw new InputError(`A note is at most ${MAX_NOTE} characters (this one has ${body.length}). Shorten it.`);
  return adapter.writeTransaction(db, async (trx) => {
    const before = await findCase(trx, workspaceId, caseId);
    const now = clock();
    await writeCase(trx, before, { updated_at: now.getTime(), first_response_at: firstResponseAfterNote(before, actor, now) });
    const row = await trx.insertInto('case_events').values({
      workspace_id: workspaceId, case_id: caseId, at: now.getTime(), actor, kind: 'note', from_status: null, to_status: null, text: body,
    }).returningAll().executeTakeFirstOrThrow();
    return toCaseEvent(row);
  });
}
