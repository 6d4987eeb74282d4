import { DEFAULT_CURRENCY } from '../core/workspace.ts';
import type { AtRiskReport, CustomerRisk, RiskReason } from './types.ts';
import type { MessageFact, SurveyFact } from '../core/facts.ts';
import { buildCustomerProfiles, type CustomerProfile } from './customer-profiles.ts';
import { amountFormat } from './render/format.ts';
import { toVerbatim } from './verbatims.ts';
import { pearson } from './stats/correlation.ts';

/** Customers scoring at or above this, with a decisive signal, are "at risk" and count in value at risk. */
export const RISK_THRESHOLD = 50;

/** An issue left unresolved in this many conversations is a decisive signal on its own. */
export const REPEATED_UNRESOLVED = 3;

/** Sentiment-based reasons need at least this many analysed messages: one bad message is not a mood. */
const MIN_MOOD_MESSAGES = 3;

/**
 * Points per churn signal. A transparent additive score rather than a fitted model: every point can
 * be explained to the person who will call the customer back, which is the point of the list.
 * Weights follow the usual ordering of churn evidence in CX practice — stated intent first, then
 * unresolved repeat contacts, bad survey answers and a souring tone; value only raises priority.
 *
 * Only two signals are decisive (stated churn intent; an issue still unresolved after
 * REPEATED_UNRESOLVED conversations, the "third contact" escalation rule of first-contact-resolution
 * practice): without one of them a customer is never listed, however many soft signals add up —
 * a few negative messages, a low survey answer or a high value alone describe an unhappy customer,
 * not one about to leave. Each decisive signal needs one corroborating signal to reach the threshold.
 */
const POINTS = {
  churn_intent: 40,
  repeated_unresolved: 40,
  repeat_contact: 15,
  unresolved: 15,
  low_survey: 15,
  negative_trend: 10,
  negative_mood: 10,
  high_value: 10,
} as const;

/**
 * Risk score 0–100 per customer with its reasons in French and English, and the total value of the
 * customers at or above `threshold`. A customer is high value from the 75th percentile of known
 * values (with at least four known values).
 */
export function computeCustomersAtRisk(
  profiles: Iterable<CustomerProfile>,
  threshold = RISK_THRESHOLD,
  limit = 100,
  currency = DEFAULT_CURRENCY,
  memo?: RiskMemo,
): AtRiskReport {
  const all = [...profiles];
  const values = all.map((p) => p.value).filter((v): v is number => v !== null && v > 0).sort((a, b) => a - b);
  const highValue = values.length >= 4 ? values[Math.floor(values.length * 0.75)] : Infinity;
  const score = memo ? memo.scorer(highValue, threshold, currency) : scorer(highValue, threshold, currency);
  const risks: CustomerRisk[] = [];
  let valueAtRisk = 0;
  for (const p of all) {
    const risk = score(p);
    if (!risk) continue;
    valueAtRisk += p.value ?? 0;
    risks.push(risk);
  }
  risks.sort((a, b) => b.score - a.score || (b.value ?? 0) - (a.value ?? 0) || a.customerId.localeCompare(b.customerId));
  return {
    threshold, count: risks.length, valueAtRisk, currency, highValueFrom: Number.isFinite(highValue) ? highValue : null,
    customers: risks.slice(0, limit),
  };
}

/**
 * Each customer's risk kept between computations (a server's): a profile object is the same as long as
 * that customer's facts are (customer-memo.ts), and its risk depends besides only on the high-value
 * bound, the threshold and the currency, so a batch scores again only the customers it touched (all of
 * them when the bound moves). The report is the same with or without it; nothing changes a risk it reads.
 */
export class RiskMemo {
  private risks = new WeakMap<CustomerProfile, CustomerRisk | null>();
  private setting = '';

  /** The scoring of one computation: kept risks while its settings are the last call's, fresh ones otherwise. */
  scorer(highValue: number, threshold: number, currency: string): (p: CustomerProfile) => CustomerRisk | null {
    const setting = `${highValue}|${threshold}|${currency}`;
    if (setting !== this.setting) {
      this.risks = new WeakMap();
      this.setting = setting;
    }
    const score = scorer(highValue, threshold, currency);
    return (p) => {
      let risk = this.risks.get(p);
      if (risk === undefined) this.risks.set(p, (risk = score(p)));
      return risk;
    };
  }
}

/** One scoring's risk of each profile (riskOf with its money formats made once). */
function scorer(highValue: number, threshold: number, currency: string): (p: CustomerProfile) => CustomerRisk | null {
  const money = moneyFormats(currency);
  return (p) => riskOf(p, highValue, money, threshold);
}

/** One customer's risk, or null when under the threshold or without a decisive signal. */
function riskOf(p: CustomerProfile, highValue: number, money: MoneyFormats, threshold: number): CustomerRisk | null {
  const reasons = reasonsFor(p, highValue, money);
  const score = Math.min(100, reasons.reduce((s, r) => s + r.points, 0));
  if (score < threshold || !reasons.some(isDecisive)) return null;
  return {
    customerId: p.customerId,
    customerRef: p.customerRef,
    name: p.name,
    segment: p.segment,
    value: p.value,
    score,
    reasons,
    messages: p.messages,
    lastContact: p.lastAt.toISOString(),
    lastQuote: p.quote ? toVerbatim(p.quote.fact) : null,
  };
}

/**
 * One customer's risk from their own facts, scored exactly as `report` scored everyone (its
 * threshold, high-value bound and currency): for customers beyond the report's capped list.
 */
export function customerRisk(customerId: string, messages: readonly MessageFact[], surveys: readonly SurveyFact[], report: AtRiskReport): CustomerRisk | null {
  const p = buildCustomerProfiles(messages, surveys).get(customerId);
  return p ? riskOf(p, report.highValueFrom ?? Infinity, moneyFormats(report.currency), report.threshold) : null;
}

/** Whether a reason may put a customer on the list (see POINTS). */
export function isDecisive(r: RiskReason): boolean {
  return r.code === 'churn_intent' || (r.code === 'unresolved' && r.points === POINTS.repeated_unresolved);
}

/** The churn signals present in one profile, each with its points and explanation. */
export function reasonsFor(p: CustomerProfile, highValue: number, money: MoneyFormats = moneyFormats(DEFAULT_CURRENCY)): RiskReason[] {
  const out: RiskReason[] = [];
  const add = (code: RiskReason['code'], fr: string, en: string, points: number = POINTS[code]) => out.push({ code, points, text: { fr, en } });
  if (p.churnIntent > 0) add('churn_intent', `Envisage de partir (${p.churnIntent} message${s(p.churnIntent)})`, `Talks about leaving (${p.churnIntent} message${s(p.churnIntent)})`);
  // Contacts are conversations on contact channels: a survey answer or a public review is not the
  // customer coming back to the service.
  const contacts = p.contactConversations.size;
  if (contacts >= 3) add('repeat_contact', `Recontacte le service (${contacts} conversations)`, `Keeps coming back (${contacts} conversations)`);
  else if (p.repeatContact > 0) add('repeat_contact', 'Dit avoir déjà contacté le service', 'Says they already got in touch before');
  const unresolved = p.unresolvedConversations.size;
  if (unresolved >= REPEATED_UNRESOLVED) {
    add('unresolved', `Toujours non résolu après ${unresolved} conversations`, `Still unresolved after ${unresolved} conversations`, POINTS.repeated_unresolved);
  } else if (p.unresolvedLatest) add('unresolved', 'Problème toujours non résolu', 'Issue still unresolved');
  const bad = p.surveys.filter((x) => (x.kind === 'nps' && x.score <= 6) || (x.kind === 'csat' && x.score <= 2) || (x.kind === 'ces' && x.score <= 3));
  if (bad.length > 0) {
    const worst = bad[bad.length - 1];
    add('low_survey', `Note d'enquête basse (${worst.kind.toUpperCase()} ${worst.score})`, `Low survey score (${worst.kind.toUpperCase()} ${worst.score})`);
  }
  if (p.sentiments.length >= MIN_MOOD_MESSAGES) {
    const xs = p.sentiments.map((_, i) => i);
    const r = pearson(xs, p.sentiments);
    const last = p.sentiments[p.sentiments.length - 1];
    if (r !== null && r <= -0.5 && last < 0) add('negative_trend', 'Ton de plus en plus négatif', 'Tone getting more negative');
  }
  if (p.analysed >= MIN_MOOD_MESSAGES && p.negative / p.analysed >= 0.5) {
    const pct = Math.round((p.negative / p.analysed) * 100);
    add('negative_mood', `Majorité de messages négatifs (${pct} %)`, `Mostly negative messages (${pct}%)`);
  }
  if (out.length > 0 && p.value !== null && p.value >= highValue) {
    add('high_value', `Client à forte valeur (${money.fr(p.value)})`, `High-value customer (${money.en(p.value)})`);
  }
  return out;
}

/** A customer value written in French and in English, in the workspace currency ("1 200 €", "€1,200"). */
export interface MoneyFormats {
  fr: (x: number) => string;
  en: (x: number) => string;
}

/** One pair of formatters for a whole list. */
export function moneyFormats(currency: string): MoneyFormats {
  return { fr: amountFormat('fr', currency), en: amountFormat('en', currency) };
}

const s = (n: number) => (n > 1 ? 's' : '');
