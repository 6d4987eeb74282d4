/**
 * Runs a workspace's message rules on newly analysed messages (after an import's analysis, or any
 * code that stores analyses) and writes the alerts they raise, each with its deliveries and cases in
 * one transaction. Running it again on the same messages writes nothing new.
 */
import { draftsForMessages } from '../../act/rules/evaluate-messages.ts';
import { isSpikeRule } from '../../core/alert-rule.ts';
import type { Store } from '../../store/store.ts';
import { ruleWorkspace, subjectsOf, type RuleRunOptions } from './rule-context.ts';

/** What one evaluation did. */
export interface RuleEvaluation {
  /** Message rules evaluated (spike rules run on their schedule instead). */
  rules: number;
  messages: number;
  /** Alerts written. */
  alerts: number;
  /** Alerts held back by a rule's dedupe window (same rule and customer). */
  deduplicated: number;
  /** Alerts already written before (same rule and message). */
  duplicates: number;
}

/** Messages read and evaluated per round trip. */
const CHUNK = 1000;

/** Evaluates every active message rule on these messages; a workspace without rules costs one query. */
export async function evaluateRulesOnMessages(
  store: Store, workspaceId: string, messageIds: readonly string[], opts: RuleRunOptions = {},
): Promise<RuleEvaluation> {
  const summary: RuleEvaluation = { rules: 0, messages: 0, alerts: 0, deduplicated: 0, duplicates: 0 };
  if (messageIds.length === 0) return summary;
  const rules = (await store.listRules(workspaceId)).filter((r) => !isSpikeRule(r.definition));
  summary.rules = rules.length;
  if (rules.length === 0) return summary;
  const ws = await ruleWorkspace(store, workspaceId, opts);
  for (let i = 0; i < messageIds.length; i += CHUNK) {
    const facts = await store.factsOfMessages(workspaceId, messageIds.slice(i, i + CHUNK));
    summary.messages += facts.length;
    const subjects = await subjectsOf(store, workspaceId, rules, facts, ws.settingsBrand);
    const result = await store.writeAlerts(workspaceId, draftsForMessages(rules, subjects, ws.build));
    summary.alerts += result.written.length;
    summary.deduplicated += result.deduplicated;
    summary.duplicates += result.duplicates;
  }
  return summary;
}
