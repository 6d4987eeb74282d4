/**
 * Signals (GUIDELINES.md "churn_intent", "vulnerable", "urgency"): explicit churn, vulnerable
 * customer, repeat contact and urgency. Urgency follows the (checked) guideline rules: a vulnerable
 * customer with a problem is high, with a neutral request medium, with a thank-you low.
 */
import type { SentimentLabel, Urgency } from '../../core/labels.ts';
import type { Match } from './matcher.ts';
import { hits, type CxScan } from './scan.ts';

/** The signals block of the analysis contract. */
export interface CxSignals {
  churnIntent: boolean;
  urgency: Urgency;
  vulnerable: boolean;
  repeatContact: boolean;
}

const near = (a: Match, b: Match, before: number, after: number): boolean =>
  b.tokStart >= a.tokStart - before && b.tokStart <= a.tokEnd + after;

/** Explicit intent to leave. "Je compare avant de changer de fournisseur" (a prospect) is not churn. */
export function churnIntent(scan: CxScan): Match | null {
  const blocks = hits(scan, 'churn_block');
  return hits(scan, 'churn').find((m) => !blocks.some((b) => near(m, b, 4, 0) && b.tokStart <= m.tokStart)) ?? null;
}

const TENS: Record<string, number> = { seventy: 70, eighty: 80, ninety: 90 };
const UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};

/** The age stated by an `age` match ("89 ans", "I'm seventy-eight"), if any. */
function statedAge(scan: CxScan, m: Match): number | null {
  const words = scan.tokens.slice(m.tokStart, m.tokEnd + 3).map((t) => t.norm);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (/^\d+$/.test(w)) return Number(w);
    if (TENS[w] !== undefined) {
      const unit = words.slice(i + 1, i + 3).map((x) => UNITS[x]).find((x) => x !== undefined) ?? 0;
      return TENS[w] + unit;
    }
  }
  return null;
}

/**
 * Vulnerability of the customer or a dependant (bereavement, serious illness, disability, advanced
 * age, hardship, mental distress). A third party nearby ("mon voisin dialysé") does not count.
 */
export function vulnerability(scan: CxScan): Match | null {
  const thirds = hits(scan, 'third');
  const own = (m: Match): boolean => !thirds.some((t) => near(m, t, 8, 2));
  const cue = hits(scan, 'vuln').find(own);
  if (cue) return cue;
  // GUIDELINES: "advanced age with difficulties": a stated age of 75+ in a customer message.
  return hits(scan, 'age').find((m) => {
    const age = own(m) ? statedAge(scan, m) ?? 0 : 0;
    return age >= 75 && age < 115;
  }) ?? null;
}

/** Repeated contact or a problem still open after earlier attempts. */
export function repeatContact(scan: CxScan): boolean {
  return hits(scan, 'repeat').length > 0;
}

/** Inputs of the urgency rule besides the scan. */
export interface UrgencyFacts {
  sentiment: SentimentLabel;
  vulnerable: boolean;
  /** The message asks for something or disputes something. */
  openRequest: boolean;
  /** The main need is fairness (refund, disputed charge). */
  dispute: boolean;
}

/** Urgency per GUIDELINES.md: high within hours, medium within days, low when nothing is open. */
export function urgency(scan: CxScan, f: UrgencyFacts): Urgency {
  if (f.sentiment === 'positive') return 'low';
  if (f.vulnerable) return f.sentiment === 'negative' ? 'high' : 'medium';
  if (f.sentiment === 'negative' && hits(scan, 'urg:high').length > 0) return 'high';
  if (f.dispute || (f.openRequest && (f.sentiment === 'negative' || hits(scan, 'urg:medium').length > 0))) return 'medium';
  if (f.sentiment === 'negative' && hits(scan, 'urg:medium').length > 0) return 'medium';
  return 'low';
}
