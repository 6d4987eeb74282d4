/**
 * The rule engine's per-message step: every message rule (rules without a `spike` condition) against
 * every newly analysed message, giving the alerts to write. Pure; the store decides which drafts are
 * duplicates (same message) or fall within a dedupe window.
 */
import { isSpikeRule, type StoredRule } from '../../core/alert-rule.ts';
import type { AlertDraft } from '../../core/alert.ts';
import { buildMessageAlert, type BuildContext } from './build-alert.ts';
import { matchRule, type RuleSubject } from './match-rule.ts';

/** Alert drafts for the messages that meet a rule, in message order then rule order. */
export function draftsForMessages(rules: readonly StoredRule[], subjects: readonly RuleSubject[], ctx: BuildContext): AlertDraft[] {
  const messageRules = rules.filter((r) => r.active && !isSpikeRule(r.definition));
  const drafts: AlertDraft[] = [];
  for (const subject of subjects) {
    for (const rule of messageRules) {
      const match = matchRule(rule.definition.conditions, subject);
      if (match.matched) drafts.push(buildMessageAlert(rule, subject.fact, match, ctx));
    }
  }
  return drafts;
}
