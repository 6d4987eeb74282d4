import type { Generated } from 'kysely';

/**
 * Kysely table types. Identical on SQLite and PostgreSQL: timestamps are epoch milliseconds (bigint),
 * JSON is text, booleans are 0/1 integers, so no value needs a per-dialect conversion.
 */
export interface WorkspacesTable {
  id: string;
  name: string;
  /** WorkspaceSettings as JSON text. */
  settings: string;
  /** Bumped on every write; lets the server cache insights. */
  data_version: Generated<number>;
  /** Migration 016: the data version of the last transaction that deleted facts (incremental readers reload). */
  removed_version: Generated<number>;
  created_at: number;
}

/** An imported source (file or feed name); part of every natural key. */
export interface SourcesTable {
  id: Generated<number>;
  workspace_id: string;
  name: string;
  kind: string;
  created_at: number;
}

/** A customer of a workspace, by the id of its source system (pseudonymised when an address). */
export interface CustomersTable {
  id: Generated<number>;
  workspace_id: string;
  external_id: string;
  name: string | null;
  segment: string | null;
  value: number | null;
  created_at: number;
  /** The import that created the row (migration 005); null before it, or when not created by an import. */
  import_id?: number | null;
  /**
   * Migration 013: the id shown outside the store ("c_" + 16 random base32 letters, unique per workspace;
   * see customer-public-ids.ts). `id` stays internal: sequential, it would let anyone enumerate customers.
   */
  public_id: string;
  /** Migration 016: the workspace data version of the transaction that last wrote the row. */
  change_version: Generated<number>;
}

/** One conversation (ticket, call, thread, review); unique per (workspace_id, natural_key). */
export interface ConversationsTable {
  id: Generated<number>;
  workspace_id: string;
  source_id: number;
  natural_key: string;
  external_id: string | null;
  channel: string;
  brand: string | null;
  team: string | null;
  agent: string | null;
  customer_id: number | null;
  subject: string | null;
  started_at: number;
  created_at: number;
  /** The import that created the row (migration 005); null before it, or when not created by an import. */
  import_id?: number | null;
}

/**
 * Messages carry copies of their conversation's channel/brand/team/agent/customer_id (conversations are
 * immutable once written) so that listing filters are served by indexes on this one table.
 */
export interface MessagesTable {
  id: Generated<number>;
  workspace_id: string;
  conversation_id: number;
  seq: number;
  role: string;
  author: string | null;
  sent_at: number;
  language: string | null;
  text: string;
  /** fold(text): lowercase without diacritics, so `q` matches "reponse" in "Réponse" on both dialects. */
  search_text: string | null;
  channel: string;
  brand: string | null;
  team: string | null;
  agent: string | null;
  customer_id: number | null;
  /** model_version of the stored analysis, null when never analysed: serves `pendingAnalysis`. */
  analysis_version: string | null;
  /** The import that created the row (migration 005); null before it, or when not created by an import. */
  import_id?: number | null;
}

/** A survey score (NPS, CSAT, CES) attached to a conversation. */
export interface SurveyAnswersTable {
  id: Generated<number>;
  workspace_id: string;
  conversation_id: number;
  customer_id: number | null;
  kind: string;
  score: number;
  answered_at: number;
  /** The import that created the row (migration 005); null before it, or when not created by an import. */
  import_id?: number | null;
}

/** One employee engagement survey answer; unique per (workspace_id, natural_key). */
export interface EmployeeAnswersTable {
  id: Generated<number>;
  workspace_id: string;
  source_id: number;
  natural_key: string;
  team: string;
  period: string;
  enps: number | null;
  /** Record<string, number> as JSON text. */
  items: string;
  comment: string | null;
  answered_at: number;
  /** The import that created the row (migration 005); null before it, or when not created by an import. */
  import_id?: number | null;
}

/** One imported file, by the SHA-256 of its bytes (migration 003). */
export interface ImportsTable {
  id: Generated<number>;
  workspace_id: string;
  source_id: number;
  sha256: string;
  file_name: string;
  bytes: number;
  /** Records the file held (conversations or employee answers), new or not. */
  records: number;
  imported_at: number;
  /** Null while the import runs, or after it was killed (migration 005; backfilled for older rows). */
  finished_at?: number | null;
  /** Records (conversations or employee answers) and messages it created; null for pre-005 imports. */
  records_added?: number | null;
  messages_added?: number | null;
}

/** One line of the audit log (migration 005): erasures, undone imports, retention runs. */
export interface AuditLogTable {
  id: Generated<number>;
  workspace_id: string;
  at: number;
  actor: Generated<string>;
  action: string;
  target: string;
  /** Record<string, unknown> as JSON text. */
  detail: string;
}

/** The latest analysis of a customer message (result as JSON, plus columns filters and indexes use). */
export interface AnalysesTable {
  message_id: number;
  workspace_id: string;
  model_version: string;
  /** The full Analysis as JSON text. */
  result: string;
  sentiment_label: string;
  sentiment_score: number;
  primary_emotion: string | null;
  primary_need: string | null;
  primary_theme: string | null;
  stage: string | null;
  churn_intent: number;
  urgency: string;
  vulnerable: number;
  /** Copy of messages.sent_at so that stage filters can walk an index newest first. */
  sent_at: number;
  analyzed_at: number;
  /** 1 while the alert rules have not run on this analysis yet (migration 014); survives a crash. */
  rules_pending: number;
  /** Migration 016: the workspace data version of the transaction that last wrote the row. */
  change_version: Generated<number>;
}

/** One row per (message, kind, label): multi-label filters on emotions, needs and themes. */
export interface AnalysisLabelsTable {
  workspace_id: string;
  message_id: number;
  kind: 'emotion' | 'need' | 'theme';
  label: string;
  score: number;
  /** Copy of messages.sent_at so that label filters can walk an index newest first. */
  sent_at: number;
}

/** A close-the-loop case. */
export interface CasesTable {
  id: string;
  workspace_id: string;
  conversation_id: string | null;
  customer_id: string | null;
  title: string;
  status: string;
  owner: string | null;
  priority: string;
  created_at: number;
  updated_at: number;
  /** Migration 007: what raised the case, its urgency and due time, its root cause, its timings. */
  message_id: number | string | null;
  alert_id: string | null;
  urgency: string | null;
  due_at: number | null;
  root_cause_id: string | null;
  team: string | null;
  first_response_at: number | null;
  resolved_at: number | null;
  closed_at: number | null;
  reopen_count: Generated<number>;
}

/** An alert raised for a workspace. */
export interface AlertsTable {
  id: string;
  workspace_id: string;
  kind: string;
  message: string;
  /** Record<string, unknown> as JSON text. */
  payload: string;
  created_at: number;
  acknowledged: number;
  /** Migration 006: the rule (and version) that raised it, the message and customer, the dedupe key. */
  rule_id: string | null;
  rule_version: number | null;
  message_id: number | string | null;
  customer_id: string | null;
  dedupe_key: string | null;
}

/** One version of an alert rule (migration 006); `definition` is the rule as JSON. */
export interface AlertRulesTable {
  id: Generated<number>;
  workspace_id: string;
  rule_id: string;
  version: number;
  name: string;
  definition: string;
  active: number;
  created_at: number;
  created_by: Generated<string>;
}

/** One delivery of an alert action (migration 006), written in the alert's transaction. */
export interface OutboxTable {
  id: string;
  workspace_id: string;
  alert_id: string;
  /** 'email' | 'webhook' */
  channel: string;
  /** An e-mail address or a URL. */
  destination: string;
  /** 'email' | 'json' | 'slack' | 'teams' */
  format: string;
  /** The body to send, as JSON text. */
  payload: string;
  idempotency_key: string;
  /** 'pending' | 'sending' | 'delivered' | 'failed' */
  status: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: number;
  lease_until: number | null;
  last_error: string | null;
  created_at: number;
  delivered_at: number | null;
}

/** One delivery attempt and its outcome (migration 006). */
export interface DeliveryAttemptsTable {
  id: Generated<number>;
  outbox_id: string;
  workspace_id: string;
  destination: string;
  attempted_at: number;
  /** 'delivered' | 'retry' | 'failed' | 'rate_limited' */
  outcome: string;
  http_status: number | null;
  error: string | null;
  duration_ms: Generated<number>;
}

/** A change of a case (migration 007): created, assigned, status, note, linked. */
export interface CaseEventsTable {
  id: Generated<number>;
  workspace_id: string;
  case_id: string;
  at: number;
  actor: string;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  text: string | null;
}

/** A root cause (migration 007): a theme that gathers cases, with its own owner and status. */
export interface RootCausesTable {
  id: string;
  workspace_id: string;
  key: string;
  title: string;
  owner: string | null;
  status: Generated<string>;
  created_at: number;
  updated_at: number;
}

/** A CX maturity self-assessment (answers and scores as JSON text). */
export interface AssessmentsTable {
  id: Generated<number>;
  workspace_id: string;
  created_at: number;
  language: string;
  /** Record<questionId, 1–5> as JSON text. */
  answers: string;
  /** {overall, dimensions: Record<dimension, 0–100>} as JSON text. */
  scores: string;
  stage: string;
}

/** One correction of one finding of a message (migration 008); the latest per (message, field) wins. */
export interface CorrectionsTable {
  id: Generated<number>;
  workspace_id: string;
  message_id: number;
  /** A CorrectionField (src/core/correction.ts). */
  field: string;
  /** The corrected value as JSON text. */
  value: string;
  actor: string;
  at: number;
}

/** The answer of one `POST /api/messages` sent with an Idempotency-Key (migration 008). */
export interface IngestRequestsTable {
  id: Generated<number>;
  workspace_id: string;
  idempotency_key: string;
  body_sha256: string;
  /** The answer's JSON body. */
  response: string;
  created_at: number;
}

/** A person who logs in to the dashboard (migration 009); `email` unique, lower-case. */
export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string | null;
  /** `scrypt$N$r$p$salt$key` (src/runtime/accounts/credentials.ts). */
  password_hash: string;
  created_at: number;
  /** 0/1. */
  disabled: Generated<number>;
}

/** A user's role in one workspace (migration 009). */
export interface MembershipsTable {
  user_id: number;
  workspace_id: string;
  /** A Role (src/core/roles.ts). */
  role: string;
  created_at: number;
}

/** A dashboard log-in (migration 009); `id` is the SHA-256 of the cookie's value. */
export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  expires_at: number;
  created_at: number;
}

/** An API token for scripts (migration 009), scoped to one workspace and role; only its SHA-256 is kept. */
export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  workspace_id: string;
  role: string;
  token_hash: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

/** One attempt at an empathy drill (migration 010); mode 'hiring' for a candidate (decision support only). */
export interface DrillAttemptsTable {
  id: Generated<number>;
  workspace_id: string;
  /** ISO week of the drill, "2026-W49". */
  week: string;
  message_id: number;
  participant: string;
  team: string | null;
  mode: string;
  /** JSON arrays of labels. */
  emotions: string;
  needs: string;
  reply: string;
  reading_score: number;
  reply_score: number;
  created_at: number;
}

/** Every table, as Kysely sees it. */
export interface Database {
  workspaces: WorkspacesTable;
  sources: SourcesTable;
  customers: CustomersTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  survey_answers: SurveyAnswersTable;
  employee_answers: EmployeeAnswersTable;
  analyses: AnalysesTable;
  analysis_labels: AnalysisLabelsTable;
  cases: CasesTable;
  alerts: AlertsTable;
  assessments: AssessmentsTable;
  imports: ImportsTable;
  audit_log: AuditLogTable;
  alert_rules: AlertRulesTable;
  outbox: OutboxTable;
  delivery_attempts: DeliveryAttemptsTable;
  case_events: CaseEventsTable;
  root_causes: RootCausesTable;
  corrections: CorrectionsTable;
  ingest_requests: IngestRequestsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  drill_attempts: DrillAttemptsTable;
}
