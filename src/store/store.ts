import type { Analysis } from '../core/analysis.ts';
import type { ConversationInput } from '../core/conversation.ts';
import type { EmployeeSurveyInput } from '../core/employee-survey.ts';
import type { EmployeeFact, FactFilter, MessageFact, SurveyFact } from '../core/facts.ts';
import type { FactDelta, FactWatermark } from '../core/fact-delta.ts';
import type { Workspace, WorkspaceSettings } from '../core/workspace.ts';
import type { AccountStore } from './account-store.ts';
import type { AnalysisJobStore } from './analysis-job-store.ts';
import type { NewAssessment, StoredAssessment } from './assessment-queries.ts';
import type { AuditEntry } from './audit-queries.ts';
import type { CaseStore } from './case-store.ts';
import type { CorrectionStore } from './correction-store.ts';
import type { DrillStore } from './drill-store.ts';
import type { RemovedCounts } from './delete-rows.ts';
import type { ImportListing } from './import-log-queries.ts';
import type { OutboxStore } from './outbox-store.ts';
import type { RuleStore } from './rule-store.ts';
import type { UndoneImport } from './import-undo-queries.ts';
import type { RetentionResult } from './retention-queries.ts';
import type { WorkspaceEntry, WorkspaceMembership } from './workspace-directory-queries.ts';

/** Outcome of writing one batch of ingested records. */
export interface WriteResult {
  /** Records newly stored. */
  inserted: number;
  /** Records stored already that gained messages or survey answers (a thread exported again later). */
  updated: number;
  /** Records stored already with nothing new (re-import): nothing was written for them. */
  skipped: number;
  /** Ids of newly stored customer messages, to analyse. */
  newMessageIds: string[];
}

/** A file imported before, found by the SHA-256 of its bytes. */
export interface ImportRecord {
  sourceName: string;
  fileName: string;
  importedAt: Date;
  /** Records the file held when it was imported. */
  records: number;
}

/** A conversation stored under another source, with its (redacted) message texts. */
export interface StoredElsewhere {
  externalId: string;
  sourceName: string;
  texts: string[];
}

/** A message awaiting analysis. */
export interface PendingMessage {
  messageId: string;
  text: string;
  language: string | null;
}

/** One page of the listening station stream (newest first). */
export interface MessagePage {
  items: MessageFact[];
  /** Opaque cursor for the next page, null at the end. */
  next: string | null;
  /** Matches of the filter, counted up to a cap (see `totalCapped`) so that counting stays fast on 1M rows. */
  total: number;
  /** True when there are more than `total` matches (the count stopped at its cap). */
  totalCapped?: boolean;
}

/** Counts for the report header and health checks. */
export interface StoreCounts {
  conversations: number;
  messages: number;
  customerMessages: number;
  analysed: number;
  customers: number;
  surveys: number;
  employeeAnswers: number;
}

/**
 * The one persistence interface of Écoute. Implemented once with Kysely over SQLite and PostgreSQL
 * (`openStore(url)`); every query is written once. All methods are scoped to a workspace.
 */
export interface Store extends RuleStore, OutboxStore, CaseStore, CorrectionStore, AccountStore, DrillStore, AnalysisJobStore {
  readonly dialect: 'sqlite' | 'postgres';
  /** Applies pending migrations (idempotent). */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The key of customer pseudonyms (HMAC), one per database, created on first use (see installation-secret-queries.ts). */
  pseudonymSecret(): Promise<string>;

  ensureWorkspace(id: string, name?: string): Promise<Workspace>;
  updateWorkspaceSettings(id: string, settings: WorkspaceSettings): Promise<Workspace>;
  /** Every workspace of this database, by id (the open server's workspace switcher). */
  listWorkspaces(): Promise<WorkspaceEntry[]>;
  /** The workspaces where a user has a role, with it; none for a disabled user. */
  workspacesOfUser(userId: string): Promise<WorkspaceMembership[]>;
  /** Finds or creates a source by name. Returns its id. */
  ensureSource(workspaceId: string, name: string, kind: string): Promise<string>;

  /** Writes a batch in one transaction; stored records only gain what they lack, else are skipped. */
  /** `importId` (beginImport) is recorded on every row the batch creates, so the import can be undone. */
  writeConversations(workspaceId: string, sourceId: string, batch: ConversationInput[], importId?: string): Promise<WriteResult>;
  writeEmployeeAnswers(workspaceId: string, sourceId: string, batch: EmployeeSurveyInput[], importId?: string): Promise<WriteResult>;
  /** The first import of a file with these bytes (SHA-256, hex) in the workspace, or null. */
  findImport(workspaceId: string, sha256: string): Promise<ImportRecord | null>;
  /** Records a finished import of a file, so the same bytes are recognised under any source name. */
  recordImport(workspaceId: string, sourceId: string, file: { sha256: string; fileName: string; bytes: number; records: number }): Promise<void>;
  /** Conversations with these external ids stored under a source other than `sourceId`, with their texts. */
  storedElsewhere(workspaceId: string, sourceId: string, externalIds: string[]): Promise<StoredElsewhere[]>;

  /** Customer messages without an analysis for `modelVersion` (oldest first). */
  pendingAnalysis(workspaceId: string, modelVersion: string, limit: number): Promise<PendingMessage[]>;
  /**
   * Stores analyses, each marked rules-pending in the same transaction (unless `rulesPending` is false:
   * the caller will not run the alert rules on them), so a crash before the rules ran loses no alert.
   */
  saveAnalyses(workspaceId: string, modelVersion: string, rows: { messageId: string; analysis: Analysis }[], opts?: { rulesPending?: boolean }): Promise<void>;
  /**
   * Up to `limit` messages whose stored analysis the alert rules have not run on yet (left by a killed run);
   * `analyzedBefore`: only marks older than that; `afterId`: the next page.
   */
  rulesPendingMessages(workspaceId: string, limit: number, opts?: { analyzedBefore?: Date; afterId?: string }): Promise<string[]>;
  /** Clears the rules-pending mark once the rules ran on these messages (their alerts are written). */
  markRulesChecked(workspaceId: string, messageIds: readonly string[]): Promise<void>;

  /** All facts matching a filter, for insights and exports (ordered by time, then id). */
  messageFacts(workspaceId: string, filter?: FactFilter): Promise<MessageFact[]>;
  /** Streams facts in pages, for exports of any size. */
  iterateMessageFacts(workspaceId: string, filter?: FactFilter, pageSize?: number): AsyncIterable<MessageFact[]>;
  surveyFacts(workspaceId: string, filter?: FactFilter): Promise<SurveyFact[]>;
  employeeFacts(workspaceId: string): Promise<EmployeeFact[]>;
  /** Incremental insights: what changed in the facts since a watermark (fact-delta-queries.ts). */
  factDelta(workspaceId: string, since: FactWatermark): Promise<FactDelta>;
  /** The data version, and the version of the last transaction that deleted facts (a reader then reloads all). */
  changeMarkers(workspaceId: string): Promise<{ dataVersion: number; removedVersion: number }>;

  /** Listening station: paged, filtered, newest first; uses indexes so it stays fast on 1M messages. */
  listMessages(workspaceId: string, filter: FactFilter, limit: number, cursor?: string | null): Promise<MessagePage>;
  /** "Walk in their shoes": one customer's whole history, oldest first. */
  customerHistory(workspaceId: string, customerId: string): Promise<MessageFact[]>;

  counts(workspaceId: string): Promise<StoreCounts>;
  /** Increases on every write; lets the server cache computed insights. */
  dataVersion(workspaceId: string): Promise<number>;
  /** The latest customer message or survey answer before `before` (the digest's latest period with data), or null. */
  latestActivity(workspaceId: string, before: Date): Promise<Date | null>;

  /** Stores a CX maturity self-assessment (creating the workspace row if needed). */
  saveAssessment(workspaceId: string, a: NewAssessment): Promise<StoredAssessment>;
  /** Self-assessments, newest first. */
  listAssessments(workspaceId: string, limit?: number): Promise<StoredAssessment[]>;

  /** Opens the import of a file (or resumes a killed one of the same bytes and source); returns its id. */
  beginImport(workspaceId: string, sourceId: string, file: { sha256: string; fileName: string; bytes: number }): Promise<string>;
  /** Closes an import; one that added nothing is forgotten unless `keepIfNothingAdded`. */
  finishImport(workspaceId: string, importId: string, records: number, keepIfNothingAdded: boolean): Promise<void>;
  /** Imports, oldest first. */
  listImports(workspaceId: string): Promise<ImportListing[]>;
  /** Deletes what an import added (not what existed before it), with an audit line; NotFoundError for an unknown id. */
  undoImport(workspaceId: string, importId: string, actor?: string): Promise<UndoneImport>;
  /** Erases a customer (external id, or public "c_…" id) and everything about them, with an audit line; idempotent. */
  eraseCustomer(workspaceId: string, externalId: string, actor?: string): Promise<RemovedCounts>;
  /** Deletes conversations whose last message is older than `months` months (0: none), with an audit line. */
  applyRetention(workspaceId: string, months: number, opts?: { dryRun?: boolean; actor?: string }): Promise<RetentionResult>;
  /** The audit log (erasures, undone imports, retention runs), newest first. */
  auditLog(workspaceId: string, limit?: number): Promise<AuditEntry[]>;
}
