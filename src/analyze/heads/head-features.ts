/**
 * The features every learned head reads (see head-model.ts), built from what the core analysis
 * and the CX rules already computed, so a message is tokenised and scanned once:
 * - the core model's sparse text features (word uni/bigrams with negation scope, 5-letter
 *   prefixes, character 4-grams, lexicon valence and emotion cues: features.ts). The character
 *   grams overfit the first corpus of 1,470 messages (need −0.02 under cross-validation); with the
 *   written messages beside it they carry misspellings and inflections (stage +0.02, churn F1 fr
 *   +0.04, vulnerable en +0.04; README, "Learned heads");
 * - every CX lexicon match by key (negated matches apart): lexicon classes such as
 *   `churn`, `stage:billing`, `theme:delay` carry meaning to phrasings the corpus never used;
 * - the CX rules' verdicts (need, themes, stage, churn, urgency, vulnerability, repeat contact);
 * - the core model's sentiment and emotion probabilities (trained on public data).
 * Each feature keeps the token range it comes from, for evidence spans.
 */
import type { Analysis } from '../../core/analysis.ts';
import type { CxResult } from '../cx/analyze-cx.ts';
import type { CxScan } from '../cx/scan.ts';
import type { EmotionCandidate } from '../emotions.ts';
import type { FeatureSet } from '../features.ts';
import type { Word } from '../normalize.ts';
import type { Token } from '../text.ts';

/** Token range [first, last] (inclusive) a feature comes from; null for message-level features. */
export type TokenRange = readonly [number, number];

/** The head features of one message (parallel arrays). */
export interface HeadFeatureSet {
  names: string[];
  vals: number[];
  spans: (TokenRange | null)[];
}

/** What head features are built from: the core analysis, its scan, and the rules' verdicts. */
export interface HeadInput {
  text: string;
  tokens: readonly Token[];
  words: readonly Word[];
  language: string;
  features: FeatureSet;
  sentiment: Analysis['sentiment'];
  emotions: Analysis['emotions'];
  scan: CxScan;
  /** The core model's per-emotion probabilities before selection. */
  candidates: readonly EmotionCandidate[];
  rules: CxResult;
}

/** Token range covering `span` when it occurs verbatim in the text, else null. */
export function rangeOf(text: string, tokens: readonly Token[], span: string | null | undefined): TokenRange | null {
  if (!span) return null;
  const from = text.indexOf(span);
  if (from < 0) return null;
  const to = from + span.length;
  let a = -1;
  let b = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].end <= from) continue;
    if (tokens[i].start >= to) break;
    if (a < 0) a = i;
    b = i;
  }
  return a < 0 ? null : [a, b];
}

/** Builds the head features of one message. */
export function headFeatures(x: HeadInput): HeadFeatureSet {
  const out: HeadFeatureSet = { names: [], vals: [], spans: [] };
  const add = (name: string, v: number, span: TokenRange | null) => {
    out.names.push(name);
    out.vals.push(v);
    out.spans.push(span);
  };
  // The core features are unique by name already (features.ts); so are the rules' and the core
  // outputs' below, each of their labels occurring once. Only lexicon keys repeat: the first match counts.
  const fs = x.features;
  const tokOf = (wi: number): number => x.words[wi]?.tok ?? -1;
  for (let f = 0; f < fs.names.length; f++) {
    const n = fs.names[f];
    const wi = fs.pos[f];
    let span: TokenRange | null = null;
    if (wi >= 0 && tokOf(wi) >= 0) span = n.startsWith('b:') && wi > 0 ? [tokOf(wi - 1), tokOf(wi)] : [tokOf(wi), tokOf(wi)];
    add(n, fs.vals[f], span);
  }
  add(`lang:${x.language === 'fr' || x.language === 'en' ? x.language : 'other'}`, 1, null);
  const keys = new Set<string>();
  for (const m of x.scan.matches) {
    const name = `x${m.negated ? '~' : ''}:${m.key}`;
    if (keys.has(name)) continue;
    keys.add(name);
    add(name, 1, [m.tokStart, m.tokEnd]);
  }
  const r = x.rules;
  const range = (s: string | null | undefined) => rangeOf(x.text, x.tokens, s);
  if (r.needs.length === 0) add('r:need:none', 1, null);
  r.needs.forEach((n, i) => add(`r:need:${n.label}`, i === 0 ? 1 : 0.5, range(n.evidence)));
  if (r.themes.length === 0) add('r:theme:none', 1, null);
  r.themes.forEach((t, i) => add(`r:theme:${t.label}`, i === 0 ? 1 : 0.7, range(t.evidence)));
  add(`r:stage:${r.stage?.label ?? 'none'}`, 1, range(r.stage?.evidence));
  add(`r:urg:${r.signals.urgency}`, 1, null);
  if (r.signals.churnIntent) add('r:churn', 1, null);
  if (r.signals.vulnerable) add('r:vuln', 1, null);
  if (r.signals.repeatContact) add('r:repeat', 1, null);
  add(`s:${x.sentiment.label}`, 1, null);
  add('s:score', x.sentiment.score, null);
  if (x.emotions.length === 0) add('e:none', 1, null);
  x.emotions.forEach((e, i) => add(`e${i === 0 ? '1' : ''}:${e.label}`, e.score, range(e.evidence)));
  for (const c of x.candidates) add(`ep:${c.label}`, Math.round(c.p * 100) / 100, null);
  return out;
}
