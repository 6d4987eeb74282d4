/**
 * From a rule that fired to what must be written: the alert, one outbox delivery per e-mail or webhook
 * action (its body built here, in the workspace's language) and the case a 'case' action opens. Pure:
 * ids and the time are injected. The keys that keep alerts from repeating are made here too:
 * - dedupe key: one alert per rule and customer (else per conversation; per label for spikes) within
 *   the rule's window;
 * - idempotency key per delivery: `${ruleId}:${ruleVersion}:${messageId or spike window}:${actionIndex}`,
 *   unique in the outbox, so evaluating the same message twice never enqueues twice.
 */
import { caseDueAt, type CaseTargets } from '../cases/case-due.ts';
import type { StoredRule } from '../../core/alert-rule.ts';
import type { AlertDraft, CaseDraft, OutboxDraft } from '../../core/alert.ts';
import { parseDuration } from '../../core/duration.ts';
import type { MessageFact } from '../../core/facts.ts';
import type { IdGenerator } from '../../core/ports.ts';
import { messageAlertText, spikeAlertText, customerLabel, type AlertText, type TextOptions } from './alert-text.ts';
import type { SpikeFinding } from './detect-rule-spike.ts';
import type { RuleMatch } from './match-rule.ts';
import { emailPayload, jsonPayload, slackPayload, teamsPayload, type AlertEnvelope } from './outbox-payloads.ts';

/** What building an alert needs beyond the rule and the match. */
export interface BuildContext extends TextOptions {
  now: Date;
  newId: IdGenerator;
  caseTargets: CaseTargets;
}

/** One alert per rule and customer; a message without a customer is deduplicated per conversation. */
export function messageDedupeKey(ruleId: string, fact: Pick<MessageFact, 'customerId' | 'conversationId'>): string {
  return fact.customerId !== null ? `${ruleId}:customer:${fact.customerId}` : `${ruleId}:conversation:${fact.conversationId}`;
}

/** One spike alert per rule and watched label. */
export function spikeDedupeKey(ruleId: string, spike: Pick<SpikeFinding, 'kind' | 'label'>): string {
  return `${ruleId}:spike:${spike.kind}:${spike.label}`;
}

function envelopeOf(rule: StoredRule, id: string, kind: 'rule' | 'spike', t: AlertText, now: Date): AlertEnvelope {
  return {
    id, kind, rule: { id: rule.id, name: rule.name }, ruleVersion: rule.version, createdAt: now.toISOString(),
    title: t.title, text: t.lines.join('\n'), message: null, customer: null, analysis: null, reasons: [], spike: null, link: t.link,
  };
}

/** The deliveries and cases of a rule's actions. */
function actionsOf(
  rule: StoredRule, env: AlertEnvelope, t: AlertText, keyPart: string,
  caseOf: (priority: 'low' | 'medium' | 'high' | undefined, owner: string | null, team: string | null) => CaseDraft,
  ctx: BuildContext,
): { deliveries: OutboxDraft[]; cases: CaseDraft[] } {
  const deliveries: OutboxDraft[] = [];
  const cases: CaseDraft[] = [];
  rule.definition.actions.forEach((action, i) => {
    const idempotencyKey = `${rule.id}:${rule.version}:${keyPart}:${i}`;
    if (action.type === 'case') {
      cases.push(caseOf(action.priority, action.owner ?? null, action.team ?? null));
    } else if (action.type === 'email') {
      deliveries.push({
        id: ctx.newId(), channel: 'email', destination: action.to, format: 'email',
        payload: emailPayload(t, rule, ctx.lang), idempotencyKey,
      });
    } else {
      const payload = action.format === 'slack' ? slackPayload(t, ctx.lang) : action.format === 'teams' ? teamsPayload(t, ctx.lang) : jsonPayload(env);
      deliveries.push({ id: ctx.newId(), channel: 'webhook', destination: action.url, format: action.format, payload, idempotencyKey });
    }
  });
  return { deliveries, cases };
}

/** The alert a message raised under a rule (`match.matched` must be true). */
export function buildMessageAlert(rule: StoredRule, fact: MessageFact, match: RuleMatch, ctx: BuildContext): AlertDraft {
  const id = ctx.newId();
  const t = messageAlertText(rule.name, fact, match.reasons, ctx);
  const a = fact.analysis;
  const env: AlertEnvelope = {
    ...envelopeOf(rule, id, 'rule', t, ctx.now),
    message: { id: fact.messageId, text: fact.text, channel: fact.channel, language: fact.language ?? a?.language ?? null, sentAt: fact.at.toISOString() },
    customer: fact.customerId === null ? null : { id: fact.customerId, ref: fact.customerRef, name: fact.customerName, segment: fact.segment, value: fact.customerValue },
    analysis: a && {
      emotion: a.emotions[0]?.label ?? null, need: a.needs[0]?.label ?? null, reason: a.reason, themes: a.themes.map((x) => x.label),
      stage: a.stage?.label ?? null, churn: a.signals.churnIntent, urgency: a.signals.urgency, vulnerable: a.signals.vulnerable,
    },
    reasons: match.reasons.map((r) => ({ condition: r.condition, value: r.value, evidence: r.evidence ?? null })),
  };
  const urgency = a?.signals.urgency ?? null;
  const caseOf = (priority: 'low' | 'medium' | 'high' | undefined, owner: string | null, team: string | null): CaseDraft => ({
    id: ctx.newId(),
    title: `${rule.name} — ${customerLabel(fact, ctx.lang)}`,
    messageId: fact.messageId, conversationId: fact.conversationId, customerId: fact.customerId,
    urgency, priority: priority ?? urgency ?? 'medium', owner, team,
    dueAt: caseDueAt(urgency, ctx.now, ctx.caseTargets),
  });
  const { deliveries, cases } = actionsOf(rule, env, t, fact.messageId, caseOf, ctx);
  return {
    alert: {
      id, workspaceId: rule.workspaceId, kind: 'rule', message: [t.title, ...t.lines].join('\n'),
      // The ids under the keys the erasure and import-undo code look for (src/store/delete-rows.ts).
      payload: { ...env, customerId: fact.customerId, customerRef: fact.customerRef, conversationId: fact.conversationId },
      createdAt: ctx.now, ruleId: rule.id, ruleVersion: rule.version, messageId: fact.messageId, customerId: fact.customerId,
      dedupeKey: messageDedupeKey(rule.id, fact),
    },
    dedupeWindowMs: parseDuration(rule.definition.dedupeWindow) ?? 0,
    deliveries,
    cases,
  };
}

/** The alert a spike raised under a rule (a rule with a `spike` condition). */
export function buildSpikeAlert(rule: StoredRule, spike: SpikeFinding, ctx: BuildContext): AlertDraft {
  const id = ctx.newId();
  const window = rule.definition.conditions.spike?.window ?? '24h';
  const t = spikeAlertText(rule.name, spike, window, ctx);
  const env: AlertEnvelope = {
    ...envelopeOf(rule, id, 'spike', t, ctx.now),
    spike: {
      kind: spike.kind, label: spike.label, count: spike.count, baseline: spike.baseline, ratio: spike.ratio, window,
      from: spike.period.windowStart.toISOString(), to: spike.period.to.toISOString(),
    },
  };
  const caseOf = (priority: 'low' | 'medium' | 'high' | undefined, owner: string | null, team: string | null): CaseDraft => ({
    id: ctx.newId(), title: t.title, messageId: null, conversationId: null, customerId: null, urgency: null,
    priority: priority ?? 'medium', owner, team, dueAt: caseDueAt(priority ?? null, ctx.now, ctx.caseTargets),
  });
  const { deliveries, cases } = actionsOf(rule, env, t, `spike@${spike.period.bucket}`, caseOf, ctx);
  return {
    alert: {
      id, workspaceId: rule.workspaceId, kind: 'spike', message: [t.title, ...t.lines].join('\n'), payload: { ...env },
      createdAt: ctx.now, ruleId: rule.id, ruleVersion: rule.version, messageId: null, customerId: null,
      dedupeKey: spikeDedupeKey(rule.id, spike),
    },
    // A schedule re-checks often: never twice within one spike window, whatever the rule's window says.
    dedupeWindowMs: Math.max(parseDuration(rule.definition.dedupeWindow) ?? 0, spike.period.windowMs),
    deliveries,
    cases,
  };
}
