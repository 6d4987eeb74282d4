/**
 * Alerts raised by rules, and the drafts the pure rule engine (src/act/rules) hands to the store: the
 * alert row, one outbox delivery per e-mail or webhook action, and the case to open, written together
 * in one transaction (src/store/alert-writer.ts).
 */

/** A stored alert. Rule alerts name the rule version, message and customer that raised them. */
export interface RuleAlert {
  id: string;
  workspaceId: string;
  /** 'rule' (a message matched) or 'spike' (a count far above its baseline); older rows may hold others. */
  kind: string;
  /** The alert's one-paragraph text, in the workspace's language. */
  message: string;
  payload: Record<string, unknown>;
  createdAt: Date;
  acknowledged: boolean;
  ruleId: string | null;
  ruleVersion: number | null;
  messageId: string | null;
  customerId: string | null;
  dedupeKey: string | null;
}

/** One delivery of an alert action, as the outbox stores it (sent by the delivery worker). */
export interface OutboxDraft {
  id: string;
  channel: 'email' | 'webhook';
  /** An e-mail address or a URL. */
  destination: string;
  format: 'email' | 'json' | 'slack' | 'teams';
  /** The exact body to send: the webhook JSON, or {subject, text} for e-mail. */
  payload: Record<string, unknown>;
  /** `${ruleId}:${ruleVersion}:${messageId or spike window}:${actionIndex}`; unique. */
  idempotencyKey: string;
}

/** The case a 'case' action opens, in the alert's transaction. */
export interface CaseDraft {
  id: string;
  title: string;
  messageId: string | null;
  conversationId: string | null;
  customerId: string | null;
  urgency: 'low' | 'medium' | 'high' | null;
  priority: 'low' | 'medium' | 'high';
  owner: string | null;
  team: string | null;
  dueAt: Date;
}

/** Everything one firing of a rule writes, built purely from the rule and what it matched. */
export interface AlertDraft {
  alert: Omit<RuleAlert, 'acknowledged'>;
  /** No alert with the same dedupe key may exist within this many ms before `alert.createdAt` (0: none). */
  dedupeWindowMs: number;
  deliveries: OutboxDraft[];
  cases: CaseDraft[];
}

/** What writing a batch of drafts did. */
export interface AlertWriteResult {
  /** Alerts written, with their deliveries and cases. */
  written: RuleAlert[];
  /** Skipped: an alert with the same dedupe key (rule and customer) was raised within the window. */
  deduplicated: number;
  /** Skipped: this rule already alerted on this message (re-evaluation), or the deliveries exist. */
  duplicates: number;
}
