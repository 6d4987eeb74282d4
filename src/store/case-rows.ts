import type { Selectable } from 'kysely';
import type { Case, CaseEvent, RootCause } from '../core/act.ts';
import type { CaseEventsTable, CasesTable, RootCausesTable } from './db-types.ts';

/** Millisecond columns come back as strings from PostgreSQL's bigint: one conversion for all of them. */
function toDate(ms: number | string | null): Date | null {
  return ms == null ? null : new Date(Number(ms));
}

/** A `cases` row as the Case the rest of the app sees (ids as strings, times as Dates). */
export function toCase(r: Selectable<CasesTable>): Case {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    conversationId: r.conversation_id ?? null,
    customerId: r.customer_id ?? null,
    messageId: r.message_id == null ? null : String(r.message_id),
    alertId: r.alert_id ?? null,
    title: r.title,
    status: r.status as Case['status'],
    owner: r.owner ?? null,
    team: r.team ?? null,
    priority: r.priority as Case['priority'],
    urgency: (r.urgency ?? null) as Case['urgency'],
    dueAt: toDate(r.due_at),
    rootCauseId: r.root_cause_id ?? null,
    firstResponseAt: toDate(r.first_response_at),
    resolvedAt: toDate(r.resolved_at),
    closedAt: toDate(r.closed_at),
    reopenCount: Number(r.reopen_count),
    createdAt: new Date(Number(r.created_at)),
    updatedAt: new Date(Number(r.updated_at)),
  };
}

/** A `case_events` row as a CaseEvent. */
export function toCaseEvent(r: Selectable<CaseEventsTable>): CaseEvent {
  return {
    id: String(r.id),
    caseId: r.case_id,
    at: new Date(Number(r.at)),
    actor: r.actor,
    kind: r.kind as CaseEvent['kind'],
    fromStatus: (r.from_status ?? null) as CaseEvent['fromStatus'],
    toStatus: (r.to_status ?? null) as CaseEvent['toStatus'],
    text: r.text ?? null,
  };
}

/** A `root_causes` row as a RootCause. */
export function toRootCause(r: Selectable<RootCausesTable>): RootCause {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    key: r.key,
    title: r.title,
    owner: r.owner ?? null,
    status: r.status as RootCause['status'],
    createdAt: new Date(Number(r.created_at)),
    updatedAt: new Date(Number(r.updated_at)),
  };
}
