/**
 * Needs (GUIDELINES.md "needs"): what would satisfy the customer, at most two, main first.
 * Each need accumulates evidence from its lexicon cues and from features the guidelines tie to it:
 * questions -> information, anxiety -> reassurance, billing/price complaints -> fairness, rude
 * staff -> respect, waiting -> speed, repeated failures -> reliability.
 */
import type { Analysis } from '../../core/analysis.ts';
import { NEEDS, type Need, type SentimentLabel, type Theme } from '../../core/labels.ts';
import { phraseAround } from './phrase.ts';
import { hits, type CxScan } from './scan.ts';

/** What the need rules read besides the scan. */
export interface NeedFacts {
  sentiment: SentimentLabel;
  /** Emotion labels, strongest first. */
  emotions: readonly string[];
  themes: readonly Theme[];
  question: boolean;
  request: boolean;
  repeat: boolean;
  /**
   * Verbatim spans the derived needs point at: theme evidence by theme, emotion evidence by
   * emotion, the question or request clause, and a fallback (the reason or the first clause).
   * Optional for older callers; without them a derived need falls back to `fallback` or null.
   */
  spans?: {
    themes?: ReadonlyMap<Theme, string>;
    emotions?: ReadonlyMap<string, string>;
    question?: string | null;
    request?: string | null;
    repeat?: string | null;
    fallback?: string | null;
  };
}

// Where a need that no cue names gets its evidence: the finding it derives from (GUIDELINES ties
// questions to information, anxiety to reassurance, billing to fairness, rude staff to respect...).
const DERIVED: Record<Need, { themes: Theme[]; emotions: string[]; ask?: 'question' | 'request' | 'repeat' }> = {
  information: { themes: ['information'], emotions: ['confusion'], ask: 'question' },
  reassurance: { themes: [], emotions: ['anxiety'] },
  fairness: { themes: ['billing', 'price', 'policy'], emotions: ['anger'] },
  respect: { themes: ['staff_attitude'], emotions: ['sadness', 'anger'] },
  speed: { themes: ['wait_time', 'delay'], emotions: ['frustration'] },
  reliability: { themes: ['delay', 'cancellation', 'unresolved'], emotions: ['disappointment'], ask: 'repeat' },
  resolution: { themes: ['technical', 'product_quality', 'account_access', 'lost_or_damaged', 'booking', 'unresolved'], emotions: ['frustration'], ask: 'request' },
  autonomy: { themes: ['technical', 'account_access'], emotions: [], ask: 'request' },
};

function derivedEvidence(n: Need, f: NeedFacts): string | null {
  const d = DERIVED[n];
  const sp = f.spans ?? {};
  const ask = d.ask ? sp[d.ask] : null;
  if (ask && n === 'information') return ask;
  for (const t of d.themes) if (f.themes.includes(t) && sp.themes?.get(t)) return sp.themes.get(t)!;
  if (ask) return ask;
  for (const e of d.emotions) if (f.emotions.includes(e) && sp.emotions?.get(e)) return sp.emotions.get(e)!;
  return sp.request ?? sp.question ?? sp.fallback ?? null;
}

const weightOf = (emotions: readonly string[], e: string): number =>
  emotions[0] === e ? 1 : emotions.includes(e) ? 0.5 : 0;

/** Ranked needs with evidence; [] for pure praise and flat remarks (GUIDELINES). */
export function detectNeeds(scan: CxScan, f: NeedFacts): Analysis['needs'] {
  const asks = f.question || f.request;
  // GUIDELINES: "[] for pure praise and for flat survey remarks".
  if (!asks && (f.sentiment === 'positive' || (f.sentiment === 'neutral' && f.emotions.length === 0))) return [];
  if (f.sentiment === 'positive' && !f.question) return [];
  const neg = f.sentiment === 'negative';
  const has = (t: Theme): boolean => f.themes.includes(t);
  const score: Record<Need, number> = Object.fromEntries(NEEDS.map((n) => [n, 0])) as Record<Need, number>;
  const evidence = new Map<Need, string>();
  for (const n of NEEDS) {
    // A statement of unfair treatment names the need for fairness (GUIDELINES: "being treated justly").
    const cues = n === 'fairness' ? [...hits(scan, 'need:fairness'), ...hits(scan, 'unfair')] : hits(scan, `need:${n}`);
    if (cues.length > 0) {
      score[n] += 0.6 + 0.15 * Math.min(cues.length - 1, 2);
      evidence.set(n, phraseAround(scan, cues[0]).text);
    }
  }
  if (f.question) score.information += neg ? 0.6 : 1.2;
  score.information += 0.8 * weightOf(f.emotions, 'confusion') + (has('information') ? 0.3 : 0);
  score.reassurance += 0.9 * weightOf(f.emotions, 'anxiety');
  if (neg) {
    score.resolution += 0.35 + (f.request ? 0.25 : 0);
    for (const t of ['technical', 'product_quality', 'account_access', 'lost_or_damaged'] as const) if (has(t)) score.resolution += 0.25;
    if (has('billing')) score.fairness += 0.5;
    if (has('price')) score.fairness += 0.35;
    if (has('staff_attitude')) score.respect += 0.5;
    if (has('wait_time')) score.speed += 0.45;
    // A deadline within hours ("dans 2h", "flying tomorrow", "en urgence") makes speed the want.
    if (hits(scan, 'urg:high').length > 0) score.speed += 0.3;
    if (has('delay') || has('cancellation')) score.reliability += 0.3;
    if (f.repeat) score.reliability += 0.25;
    score.fairness += 0.2 * weightOf(f.emotions, 'anger');
    score.respect += 0.3 * weightOf(f.emotions, 'sadness');
    score.reliability += 0.25 * weightOf(f.emotions, 'disappointment');
  } else if (f.request && !f.question) {
    score.resolution += 0.7;
  }
  const ranked = NEEDS.filter((n) => score[n] >= 0.5).sort((a, b) => score[b] - score[a]);
  if (ranked.length === 0) {
    // A complaint always wants something: its strongest need, else resolution (GUIDELINES).
    if (neg) {
      const label = NEEDS.reduce((a, b) => (score[b] > score[a] ? b : a));
      return [{ label, score: 0.3, evidence: evidence.get(label) ?? derivedEvidence(label, f) }];
    }
    return asks ? [{ label: 'information', score: 0.5, evidence: derivedEvidence('information', f) }] : [];
  }
  const top = score[ranked[0]];
  const chosen = ranked.slice(0, 2).filter((n, i) => i === 0 || score[n] >= 0.6 * top);
  return chosen.map((n) => ({ label: n, score: Math.min(1, Math.round((score[n] / 2) * 100) / 100), evidence: evidence.get(n) ?? derivedEvidence(n, f) }));
}
