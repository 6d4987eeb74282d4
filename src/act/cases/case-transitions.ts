/**
 * The moves a case may make, and what each one changes. Pure: the store reads the case, asks here what
 * to write, and writes it with the event. Reopening is a move back to `open` from resolved or closed; it
 * counts in `reopenCount` and clears the resolved/closed times, so the figures read the final close.
 */
import { CASE_STATUSES, type Case, type CaseStatus } from '../../core/act.ts';
import { InputError } from '../../core/errors.ts';

/** From each status, where a case may go next. */
export const NEXT_STATUSES: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  open: ['in_progress', 'waiting_customer', 'resolved', 'closed'],
  in_progress: ['waiting_customer', 'resolved', 'closed'],
  waiting_customer: ['in_progress', 'resolved', 'closed'],
  resolved: ['closed', 'open'],
  closed: ['open'],
};

/** Actors that are machines: their moves are not a response to the customer. */
const MACHINE_ACTORS: ReadonlySet<string> = new Set(['rule']);

/** True when a move or note by `actor` counts as the case's first response (anyone but a rule). */
export function isResponder(actor: string): boolean {
  return !MACHINE_ACTORS.has(actor);
}

/** Parses a status given by a person (CLI flag, JSON body), naming the valid ones when it is not one. */
export function parseCaseStatus(value: string): CaseStatus {
  const v = value.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if ((CASE_STATUSES as readonly string[]).includes(v)) return v as CaseStatus;
  throw new InputError(`Case status "${value}" is unknown. Use one of: ${CASE_STATUSES.join(', ')}.`);
}

/** The columns a status move changes (times as milliseconds), ready for the store to write. */
export interface StatusChange {
  status: CaseStatus;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  reopenCount: number;
  /** True when this move is a reopening (resolved/closed → open). */
  reopened: boolean;
}

/**
 * What moving `c` to `to` at `at` by `actor` writes. Throws InputError naming the allowed next statuses
 * when the move is not one of them (including a move to the status it already has).
 */
export function moveCase(c: Case, to: CaseStatus, actor: string, at: Date): StatusChange {
  const allowed = NEXT_STATUSES[c.status];
  if (!allowed.includes(to)) {
    throw new InputError(
      `A case that is "${c.status}" cannot move to "${to}". From "${c.status}" it can move to: ${allowed.join(', ')}.`,
      { from: c.status, to, allowed: [...allowed] },
    );
  }
  const ms = at.getTime();
  const reopened = to === 'open';
  const firstResponseAt = c.firstResponseAt?.getTime() ?? (isResponder(actor) ? ms : null);
  if (reopened) {
    return { status: to, firstResponseAt, resolvedAt: null, closedAt: null, reopenCount: c.reopenCount + 1, reopened };
  }
  // Closing straight from an open case also resolves it: time to resolve is never missing for a closed case.
  const resolvedAt = c.resolvedAt?.getTime() ?? (to === 'resolved' || to === 'closed' ? ms : null);
  const closedAt = to === 'closed' ? ms : null;
  return { status: to, firstResponseAt, resolvedAt, closedAt, reopenCount: c.reopenCount, reopened };
}

/** The first-response time after a note by `actor` at `at` (a note by a person is a response). */
export function firstResponseAfterNote(c: Case, actor: string, at: Date): number | null {
  return c.firstResponseAt?.getTime() ?? (isResponder(actor) ? at.getTime() : null);
}

/** True when the case is past its due time and not yet resolved or closed. */
export function isOverdue(c: Pick<Case, 'status' | 'dueAt'>, now: Date): boolean {
  return c.dueAt !== null && c.status !== 'resolved' && c.status !== 'closed' && c.dueAt.getTime() < now.getTime();
}
