/**
 * Does a message meet a rule's conditions? Pure: the message fact, the survey answers of its
 * conversation and the workspace's own brand are passed in. Every condition given must hold; the
 * answer says which finding met each one (with the words of the message that show it), or the first
 * condition that failed, so `rules test` and the alert text can say why.
 */
import type { RuleConditions } from '../../core/alert-rule.ts';
import type { MessageFact } from '../../core/facts.ts';
import { URGENCIES, type SurveyKind } from '../../core/labels.ts';
import { isOwnBrand, type OwnBrand } from '../../insights/own-brand.ts';
import { csatBand, npsBand } from './survey-band.ts';

/** A message with what its rules may look at beyond the message itself. */
export interface RuleSubject {
  fact: MessageFact;
  /** Survey answers of the message's conversation, oldest first (the latest of a kind counts). */
  surveys: readonly { kind: SurveyKind; score: number }[];
  ownBrand: OwnBrand;
}

/** A condition that held, with the value that met it and, for labels, the evidence span. */
export interface MatchReason {
  condition: Exclude<keyof RuleConditions, 'spike'>;
  value: string;
  evidence?: string | null;
  /** The survey score behind an NPS or CSAT band. */
  score?: number;
}

/** The verdict on one message. */
export interface RuleMatch {
  matched: boolean;
  /** Every condition that held (all of them when matched). */
  reasons: MatchReason[];
  /** The first condition that did not hold; null when matched. */
  failed: keyof RuleConditions | 'analysis' | null;
}

type Label = { label: string; evidence: string | null };

/** The findings of `found` whose label is one of `wanted`, as reasons. */
function labelReasons(condition: MatchReason['condition'], wanted: readonly string[], found: readonly Label[]): MatchReason[] {
  return found.filter((f) => wanted.includes(f.label)).map((f) => ({ condition, value: f.label, evidence: f.evidence }));
}

/** The latest answer of a survey kind in the conversation. */
function latest(subject: RuleSubject, kind: SurveyKind): number | null {
  for (let i = subject.surveys.length - 1; i >= 0; i--) if (subject.surveys[i].kind === kind) return subject.surveys[i].score;
  return null;
}

/**
 * Matches the message conditions of a rule (a `spike` condition is not about one message and is
 * ignored here: src/act/rules/detect-rule-spike.ts counts). Only analysed customer messages can match.
 */
export function matchRule(conditions: RuleConditions, subject: RuleSubject): RuleMatch {
  const { fact } = subject;
  const a = fact.analysis;
  if (fact.role !== 'customer' || !a) return { matched: false, reasons: [], failed: 'analysis' };
  const reasons: MatchReason[] = [];
  const c = conditions;
  const checks: [MatchReason['condition'], () => MatchReason[]][] = [
    ['emotion', () => labelReasons('emotion', c.emotion!, a.emotions)],
    ['need', () => labelReasons('need', c.need!, a.needs)],
    ['theme', () => labelReasons('theme', c.theme!, a.themes)],
    ['stage', () => (a.stage && c.stage!.includes(a.stage.label) ? [{ condition: 'stage', value: a.stage.label, evidence: a.stage.evidence }] : [])],
    ['churn', () => (a.signals.churnIntent ? [{ condition: 'churn', value: 'true' }] : [])],
    ['urgency', () => (URGENCIES.indexOf(a.signals.urgency) >= URGENCIES.indexOf(c.urgency!) ? [{ condition: 'urgency', value: a.signals.urgency }] : [])],
    ['vulnerable', () => (a.signals.vulnerable ? [{ condition: 'vulnerable', value: 'true' }] : [])],
    ['npsBand', () => {
      const score = latest(subject, 'nps');
      return score !== null && c.npsBand!.includes(npsBand(score)) ? [{ condition: 'npsBand', value: npsBand(score), score }] : [];
    }],
    ['csatBand', () => {
      const score = latest(subject, 'csat');
      return score !== null && c.csatBand!.includes(csatBand(score)) ? [{ condition: 'csatBand', value: csatBand(score), score }] : [];
    }],
    ['customerValueAtLeast', () =>
      fact.customerValue !== null && fact.customerValue >= c.customerValueAtLeast! ? [{ condition: 'customerValueAtLeast', value: String(fact.customerValue) }] : []],
    ['channel', () => (c.channel!.includes(fact.channel) ? [{ condition: 'channel', value: fact.channel }] : [])],
    ['brand', () => {
      const side = isOwnBrand(fact.brand, subject.ownBrand) ? 'own' : 'competitor';
      return side === c.brand ? [{ condition: 'brand', value: fact.brand ?? side }] : [];
    }],
    ['language', () => {
      const lang = (fact.language ?? a.language).toLowerCase();
      return c.language!.includes(lang) ? [{ condition: 'language', value: lang }] : [];
    }],
  ];
  for (const [condition, check] of checks) {
    if (c[condition] === undefined) continue;
    const met = check();
    if (met.length === 0) return { matched: false, reasons, failed: condition };
    reasons.push(...met);
  }
  return { matched: true, reasons, failed: null };
}
