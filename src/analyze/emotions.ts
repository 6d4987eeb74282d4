/**
 * Emotions: one-vs-rest logistic regression per label (trained on GoEmotions + XED en/fr, mapped to
 * Écoute's 12 labels) combined with the CX cue lexicon as a noisy-or, then made consistent with the
 * sentiment as the gold guidelines require (a positive message has no anger, frustration or disgust;
 * a negative message leads with a negative emotion). At most two labels, strongest first.
 */
import type { Finding } from '../core/analysis.ts';
import { NEGATIVE_EMOTIONS, type Emotion, type SentimentLabel } from '../core/labels.ts';
import type { CompiledModel } from './compiled.ts';
import { clauseSpan } from './evidence.ts';
import type { FeatureSet } from './features.ts';
import { logits, sigmoid, topPosition } from './linear.ts';
import type { Word } from './normalize.ts';
import type { Token } from './text.ts';

const HOSTILE = new Set<Emotion>(['anger', 'frustration', 'disgust']);
const NEGATIVE = new Set<Emotion>(NEGATIVE_EMOTIONS);
const MAX_EMOTIONS = 2;
const CUE_ONLY = new Set<Emotion>(['disgust', 'sadness', 'trust']);
const CUE_ONLY_FACTOR = 0.8;
const POLITE_EMOTIONS = new Set<Emotion>(['gratitude', 'trust']);

/** A finding whose label is one of the 12 emotions. */
export type EmotionFinding = Finding & { label: Emotion };

export interface EmotionCandidate {
  label: Emotion;
  /** Combined probability. */
  p: number;
  /** p relative to the label's threshold (≥ 1 means predicted). */
  ratio: number;
  labelIndex: number;
}

/** Per-label probabilities (model ⊕ cues), before selection. */
export function emotionCandidates(cm: CompiledModel, fs: FeatureSet, language = ''): EmotionCandidate[] {
  const z = logits(cm.emotions, fs);
  const thresholds = cm.emotions.thresholdsByLang.get(language) ?? cm.emotions.thresholds;
  return cm.emotions.labels.map((label, j) => {
    const model = sigmoid(z[j]);
    const cue = fs.cueHits.get(label)?.strength ?? 0;
    const p = 1 - (1 - model) * (1 - cue * 0.85);
    const th = thresholds[j];
    return { label: label as Emotion, p, ratio: Math.max(p / th, cue >= 0.7 ? 1 : 0), labelIndex: j };
  });
}

/** Picks the emotions of a message and their evidence spans. */
export function selectEmotions(
  cm: CompiledModel, fs: FeatureSet, sentiment: SentimentLabel, text: string, tokens: Token[], words: Word[], language = '',
): EmotionFinding[] {
  // Punctuation alone ("?!?!") is not an emotion; emoji with a valence are.
  if (!words.some((w) => !w.sym) && fs.lexPos === 0 && fs.lexNeg === 0) return [];
  const cands = emotionCandidates(cm, fs, language);
  // Customer messages are not Reddit threads: disgust, sadness and trust need their own words (food,
  // dirt, bereavement, "je recommande"...) before they outrank the usual complaint or praise emotions.
  for (const c of cands) if (CUE_ONLY.has(c.label) && !fs.cueHits.has(c.label)) c.ratio *= CUE_ONLY_FACTOR;
  cands.sort((a, b) => b.ratio - a.ratio || b.p - a.p);
  let chosen = cands.filter((c) => c.ratio >= Number(process.env.RMIN ?? 1));
  if (sentiment === 'positive') chosen = chosen.filter((c) => !HOSTILE.has(c.label));
  // A neutral request signed "merci" is not joy or gratitude: only strong positive cues stay.
  if (sentiment === 'neutral') chosen = chosen.filter((c) => !POLITE_EMOTIONS.has(c.label) || (fs.cueHits.get(c.label)?.strength ?? 0) >= 0.8);
  if (sentiment === 'negative') {
    const neg = chosen.filter((c) => NEGATIVE.has(c.label));
    const bestNeg = neg[0] ?? cands.find((c) => NEGATIVE.has(c.label) && c.ratio >= Number(process.env.FORCE_MIN ?? 0));
    chosen = bestNeg ? [bestNeg, ...neg.filter((c) => c !== bestNeg), ...chosen.filter((c) => c.label === 'gratitude')] : [];
  }
  return chosen.slice(0, MAX_EMOTIONS).map((c) => ({
    label: c.label,
    score: Math.round(Math.min(1, Math.max(0, c.p)) * 1000) / 1000,
    evidence: evidenceFor(cm, fs, c, text, tokens, words),
  }));
}

function evidenceFor(
  cm: CompiledModel, fs: FeatureSet, c: EmotionCandidate, text: string, tokens: Token[], words: Word[],
): string | null {
  const hit = fs.cueHits.get(c.label);
  let from = -1;
  let to = -1;
  if (hit) {
    from = words[hit.start].tok;
    to = words[hit.end - 1].tok;
  } else {
    const p = topPosition(cm.emotions, fs, c.labelIndex);
    if (p >= 0) from = to = words[p].tok;
  }
  if (from < 0) return null;
  return clauseSpan(text, tokens, from, to);
}
