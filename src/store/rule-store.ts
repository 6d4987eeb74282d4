import type { StoredRule } from '../core/alert-rule.ts';
import type { AlertDraft, AlertWriteResult, RuleAlert } from '../core/alert.ts';
import type { MessageFact } from '../core/facts.ts';
import type { SurveyKind } from '../core/labels.ts';
import type { AlertListOptions } from './alert-writer.ts';

/**
 * The Store's part for alert rules and the alerts they raise (engineer A's half of Act; the Store
 * interface extends it). Rules are versioned: an update writes a new version, a removal retires them.
 * Nothing here bumps the data version, so writing alerts never throws away cached insights.
 */
export interface RuleStore {
  /** Validates (InputError naming the field and the fix) and stores a new rule, version 1. */
  addRule(workspaceId: string, definition: unknown, createdBy?: string): Promise<StoredRule>;
  /** The current version of each rule, least recently changed first; removed rules too with `includeRemoved`. */
  listRules(workspaceId: string, opts?: { includeRemoved?: boolean }): Promise<StoredRule[]>;
  /** The current version of a rule, removed or not; NotFoundError for an unknown id. */
  getRule(workspaceId: string, ruleId: string): Promise<StoredRule>;
  /** Every version of a rule, newest first. */
  ruleVersions(workspaceId: string, ruleId: string): Promise<StoredRule[]>;
  /** Writes the next version of an active rule (InputError if it was removed). */
  updateRule(workspaceId: string, ruleId: string, definition: unknown, createdBy?: string): Promise<StoredRule>;
  /** Retires a rule (every version); its alerts stay. Idempotent. */
  removeRule(workspaceId: string, ruleId: string): Promise<StoredRule>;

  /** The facts of these messages (for evaluating rules on newly analysed ones), oldest first. */
  factsOfMessages(workspaceId: string, messageIds: readonly string[]): Promise<MessageFact[]>;
  /** Survey answers of these conversations, oldest first, keyed by conversation id. */
  conversationSurveys(workspaceId: string, conversationIds: readonly string[]): Promise<Map<string, { kind: SurveyKind; score: number }[]>>;

  /**
   * Writes alerts with their outbox deliveries and cases, all in one transaction; skips duplicates (same
   * rule and message, or deliveries already enqueued) and alerts within their dedupe window.
   */
  writeAlerts(workspaceId: string, drafts: readonly AlertDraft[]): Promise<AlertWriteResult>;
  /** Alerts, newest first. */
  listAlerts(workspaceId: string, opts?: AlertListOptions): Promise<RuleAlert[]>;
  /** Marks an alert as seen; NotFoundError for an unknown id. */
  acknowledgeAlert(workspaceId: string, alertId: string): Promise<RuleAlert>;
}
