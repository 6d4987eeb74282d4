/**
 * Compiles the CX lexicons into phrase matchers once. Callers keep the result (e.g. the analyzer
 * created by createCxAnalyzer()) instead of recompiling per message; nothing is built at import time.
 */
import type { CxLang } from './canon.ts';
import { CX_PATTERNS, type CxPatterns } from './lexicon/index.ts';
import { compileMatcher, type PhraseMatcher } from './matcher.ts';

/** Compiled CX lexicon: one matcher per supported language. */
export interface CxLexicon {
  readonly fr: PhraseMatcher;
  readonly en: PhraseMatcher;
}

function merge(groups: readonly CxPatterns[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const g of groups) for (const [k, v] of Object.entries(g)) (out[k] ??= []).push(...v);
  return out;
}

// Negation matters for events (themes, churn, vulnerability, praise): "pas de retard", "I'm not
// cancelling". Needs, stages and urgency cues keep their meaning under negation: "never got the
// refund" is still about a refund.
const NEGATABLE = /^(theme|weak|role):|^(cust_cancel|churn|vuln|praise|deed|urg:high)$/;
const negatableKey = (key: string): boolean => NEGATABLE.test(key);

/**
 * Compiles the built-in patterns, plus `extra` groups per language (same key scheme:
 * `theme:<THEME>`, `need:<NEED>`, `stage:<STAGE>`, `churn`, `vuln`, ...).
 */
export function compileCxLexicon(extra: Partial<Record<CxLang, readonly CxPatterns[]>> = {}): CxLexicon {
  return {
    fr: compileMatcher(merge([...CX_PATTERNS.fr, ...(extra.fr ?? [])]), 'fr', negatableKey),
    en: compileMatcher(merge([...CX_PATTERNS.en, ...(extra.en ?? [])]), 'en', negatableKey),
  };
}
