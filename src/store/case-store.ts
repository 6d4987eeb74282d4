import type { Case, CaseEvent, CasePriority, CaseStatus, RootCause, RootCauseStatus } from '../core/act.ts';
import type { MessageFact } from '../core/facts.ts';

/**
 * The dashboard's shared filter (period, team, segment, channel, brand, language) as it applies to cases;
 * all optional. The period is the case's opened date. The team is the case's own team: it starts as the
 * raising message's team and follows reassignment (PATCH team), so "Billing's cases" are the ones
 * Billing owns now. Segment, channel, brand and language are those of the message that raised the case
 * (and its customer): a case opened by hand without a message matches none of them.
 */
export interface CaseScope {
  /** Opened at or after this time. */
  openedFrom?: Date;
  /** Opened before this time. */
  openedBefore?: Date;
  team?: string;
  segment?: string;
  channel?: string;
  brand?: string;
  language?: string;
}

/** Filters of the case list; all optional. */
export interface CaseFilter extends CaseScope {
  status?: CaseStatus;
  owner?: string;
  /** Only cases past their due time and not yet resolved or closed. */
  overdue?: boolean;
  rootCauseId?: string;
  customerId?: string;
  /** At most this many (newest first); default 200, at most 1000. */
  limit?: number;
}

/**
 * A case opened by a person or the API. With `messageId`, the customer, conversation, urgency and team
 * come from that message and its analysis; without one, a title is required.
 */
export interface OpenCaseInput {
  messageId?: string | null;
  title?: string | null;
  owner?: string | null;
  team?: string | null;
  priority?: CasePriority | null;
  /** Overrides the due time computed from the urgency and the workspace's targets. */
  dueAt?: Date | null;
  customerId?: string | null;
  conversationId?: string | null;
  /** Who opens it (a name, or 'api' / 'cli'). */
  actor: string;
}

/** A case with everything its owner needs: its events, the message that raised it, the customer's history. */
export interface CaseDetail {
  case: Case;
  events: CaseEvent[];
  message: MessageFact | null;
  /** The customer's whole history, oldest first (empty without a customer). */
  history: MessageFact[];
  rootCause: RootCause | null;
}

/** A change to a case; only the fields present change. `rootCauseId: null` unlinks it. */
export interface CaseUpdate {
  status?: CaseStatus;
  owner?: string | null;
  team?: string | null;
  dueAt?: Date | null;
  rootCauseId?: string | null;
  actor: string;
}

/** A root cause with how many cases it gathers. */
export interface RootCauseSummary extends RootCause {
  cases: number;
  openCases: number;
}

/** Close-the-loop cases and root causes. Writing them never bumps the data version (insights stay cached). */
export interface CaseStore {
  /** Opens a case by hand or through the API; NotFoundError for an unknown message. */
  openCase(workspaceId: string, input: OpenCaseInput): Promise<Case>;
  /** Cases matching the filter, newest first. */
  listCases(workspaceId: string, filter?: CaseFilter): Promise<Case[]>;
  /** Every case of the workspace (or of a scope), oldest first, for Act's figures (no limit: cases are human-scale). */
  allCases(workspaceId: string, scope?: CaseScope): Promise<Case[]>;
  /** One case with its events, raising message, customer history and root cause; NotFoundError if unknown. */
  getCase(workspaceId: string, caseId: string): Promise<CaseDetail>;
  /** Moves, assigns, re-dates or links a case, writing one event per change; InputError for a move not allowed. */
  updateCase(workspaceId: string, caseId: string, update: CaseUpdate): Promise<Case>;
  /** Adds a note (a person's note is the case's first response if it had none). */
  addCaseNote(workspaceId: string, caseId: string, text: string, actor: string): Promise<CaseEvent>;
  /** Finds or creates the root cause of a theme (key); a new title or owner given here is kept. */
  upsertRootCause(workspaceId: string, input: { key: string; title?: string | null; owner?: string | null }): Promise<RootCause>;
  /** Changes a root cause's owner, status or title; NotFoundError if unknown. */
  updateRootCause(workspaceId: string, id: string, update: { owner?: string | null; status?: RootCauseStatus; title?: string }): Promise<RootCause>;
  /** Root causes with their case counts, most cases first. */
  listRootCauses(workspaceId: string): Promise<RootCauseSummary[]>;
}
