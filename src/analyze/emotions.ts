/**
 * Emotions: one sigmoid per label over a linear layer plus a hidden layer ("wide & deep", trained on
 * GoEmotions + XED en/fr, mapped to Écoute's 12 labels) combined with the CX cue lexicon as a
 * noisy-or, then made consistent with the sentiment as the gold guidelines require (a positive
 * message has no anger, frustration or disgust; a negative message leads with a negative emotion).
 * At most two labels, strongest first.
 */
import type { Finding } from '../core/analysis.ts';
import { NEGATIVE_EMOTIONS, type Emotion, type SentimentLabel } from '../core/labels.ts';
import type { CompiledModel } from './compiled.ts';
import { clauseSpan } from './evidence.ts';
import type { FeatureSet } from './features.ts';
import { addHidden } from './hidden.ts';
import { logits, sigmoid, topPosition } from './linear.ts';
import type { Word } from './normalize.ts';
import type { Token } from './text.ts';

const HOSTILE = new Set<Emotion>(['anger', 'frustration', 'disgust']);
const NEGATIVE = new Set<Emotion>(NEGATIVE_EMOTIONS);
const MAX_EMOTIONS = 2;
/** Weight of a cue phrase in the noisy-or with the model. */
export const CUE_WEIGHT = 0.85;
const POLITE_EMOTIONS = new Set<Emotion>(['gratitude', 'trust']);

/** A finding whose label is one of the 12 emotions. */
export type EmotionFinding = Finding & { label: Emotion };

/** One emotion label's combined evidence for a message, before selection. */
export interface EmotionCandidate {
  label: Emotion;
  /** Combined probability. */
  p: number;
  /** p relative to the label's threshold (≥ 1 means predicted). */
  ratio: number;
  labelIndex: number;
  /** Strength of the label's cue phrase in the message (0 when none). */
  cue: number;
}

/** Per-label probabilities (model ⊕ cues), before selection. */
export function emotionCandidates(cm: CompiledModel, fs: FeatureSet, language = ''): EmotionCandidate[] {
  const z = logits(cm.emotions, fs);
  const hidden = cm.emotions.hidden;
  if (hidden && !hidden.skipLanguages.has(language)) addHidden(hidden, fs, z);
  const thresholds = cm.emotions.thresholdsByLang.get(language) ?? cm.emotions.thresholds;
  return cm.emotions.labels.map((label, j) => {
    const model = sigmoid(z[j]);
    const cue = fs.cueHits.get(label)?.strength ?? 0;
    const p = 1 - (1 - model) * (1 - cue * CUE_WEIGHT);
    return { label: label as Emotion, p, ratio: ratioOf(p, cue, thresholds[j]), labelIndex: j, cue };
  });
}

/** A candidate's ratio to its threshold; a strong cue phrase alone makes it predicted. */
export function ratioOf(p: number, cue: number, threshold: number): number {
  return Math.max(p / threshold, cue >= 0.7 ? 1 : 0);
}

/** True when a message has no word and no emoji valence ("?!?!"): it has no emotion. */
export function isSilent(fs: FeatureSet, words: Word[]): boolean {
  return !words.some((w) => !w.sym) && fs.lexPos === 0 && fs.lexNeg === 0;
}

/** Positive emotions (the guidelines' "positive primary" set). */
const POSITIVE = new Set<Emotion>(['joy', 'gratitude', 'relief', 'trust']);
/** A negative-emotion cue this strong names the primary emotion of a complaint. */
const PRIMARY_CUE = 0.6;
/** The model alone names a complaint's primary emotion only this far above its threshold. */
const MODEL_PRIMARY_RATIO = 1.3;
/** Thanks this strong lead a positive message ("merci beaucoup", "thank you so much"). */
const THANKS_CUE = 0.75;
/** A complaint with no stated problem takes the model's strongest negative emotion from this ratio up. */
const FALLBACK_RATIO = 0.5;
/** Lowest score of a complaint's primary emotion when chosen by default rather than by evidence. */
const DEFAULT_PRIMARY_SCORE = 0.3;

/**
 * The candidates that become a message's emotions, in order (at most MAX_EMOTIONS), made consistent
 * with its sentiment. `serviceProblem`: the CX lexicon found a stated service failure. Sorts `cands`.
 */
export function chooseEmotions(cands: EmotionCandidate[], sentiment: SentimentLabel, serviceProblem: boolean): EmotionCandidate[] {
  cands.sort((a, b) => b.ratio - a.ratio || b.p - a.p);
  let chosen = cands.filter((c) => c.ratio >= 1);
  if (sentiment === 'positive') {
    chosen = chosen.filter((c) => !HOSTILE.has(c.label));
    // Praise leads with a positive emotion, and an explicit thank-you leads with gratitude.
    const thanks = chosen.find((c) => c.label === 'gratitude' && c.cue >= THANKS_CUE);
    const pos = chosen.filter((c) => POSITIVE.has(c.label) && c !== thanks);
    chosen = [...(thanks ? [thanks] : []), ...pos, ...chosen.filter((c) => !POSITIVE.has(c.label))];
  }
  // A neutral request signed "merci" is not joy or gratitude: only strong positive cues stay.
  if (sentiment === 'neutral') chosen = chosen.filter((c) => !POLITE_EMOTIONS.has(c.label) || c.cue >= 0.8);
  if (sentiment === 'negative') {
    // A complaint leads with a negative emotion: the one its own words name ("inadmissible" ->
    // anger, "je comprends pas" -> confusion), else the model's when it is clearly above threshold,
    // else, when a service problem is stated, frustration (the guidelines' emotion of a customer
    // blocked by an obstacle), otherwise the model's strongest negative emotion if it is at least
    // FALLBACK_RATIO of its threshold: a bitter remark with no stated problem and no emotional word
    // is left without an emotion rather than given a guess.
    const neg = chosen.filter((c) => NEGATIVE.has(c.label));
    const byCue = cands.filter((c) => NEGATIVE.has(c.label) && c.cue >= PRIMARY_CUE).sort((a, b) => b.cue - a.cue);
    const primary = byCue[0]
      ?? neg.find((c) => c.ratio >= MODEL_PRIMARY_RATIO)
      ?? (serviceProblem
        ? cands.find((c) => c.label === 'frustration')
        : cands.find((c) => NEGATIVE.has(c.label) && c.ratio >= FALLBACK_RATIO));
    // Thanks inside a complaint are politeness or sarcasm ("Thanks for nothing"), not gratitude;
    // surprise may follow ("je découvre un prélèvement de 89 €").
    chosen = primary ? [primary, ...neg.filter((c) => c !== primary), ...chosen.filter((c) => c.label === 'surprise')] : [];
  }
  return chosen.slice(0, MAX_EMOTIONS);
}

/**
 * Picks the emotions of a message and their evidence spans, strongest first (scores never increase
 * down the list). `serviceProblem`: the CX lexicon found a stated service failure in the message.
 */
export function selectEmotions(
  cm: CompiledModel, fs: FeatureSet, sentiment: SentimentLabel, text: string, tokens: Token[], words: Word[], language = '', serviceProblem = true,
  candidates: readonly EmotionCandidate[] = emotionCandidates(cm, fs, language),
): EmotionFinding[] {
  // Punctuation alone ("?!?!") is not an emotion; emoji with a valence are.
  if (isSilent(fs, words)) return [];
  const out: EmotionFinding[] = [];
  let cap = 1;
  for (const c of chooseEmotions([...candidates], sentiment, serviceProblem)) {
    // Confidence is the probability, or the margin over the label's threshold when that says more
    // (ratio 1 = at threshold = 0.5, ratio 2 = 0.75); a complaint's primary emotion is at least
    // DEFAULT_PRIMARY_SCORE (the guidelines give every complaint one); capped by the previous finding so scores follow the order.
    const conf = Math.max(c.p, c.ratio > 0 ? 1 - 0.5 / c.ratio : 0, c.cue, out.length === 0 && sentiment === 'negative' ? DEFAULT_PRIMARY_SCORE : 0);
    const score = Math.round(Math.min(cap, Math.max(0, conf)) * 1000) / 1000;
    cap = score;
    out.push({ label: c.label, score, evidence: evidenceFor(cm, fs, c, text, tokens, words) });
  }
  return out;
}

function evidenceFor(
  cm: CompiledModel, fs: FeatureSet, c: EmotionCandidate, text: string, tokens: Token[], words: Word[],
): string {
  const hit = fs.cueHits.get(c.label);
  let from = -1;
  let to = -1;
  if (hit) {
    from = words[hit.start].tok;
    to = words[hit.end - 1].tok;
  } else {
    let p = topPosition(cm.emotions, fs, c.labelIndex);
    if (p < 0) {
      // Fall back on the word carrying the most valence of the emotion's side.
      const sign = POSITIVE.has(c.label) ? 1 : NEGATIVE.has(c.label) ? -1 : 0;
      let best = 0;
      for (let i = 0; i < fs.valence.length; i++) {
        const v = sign === 0 ? Math.abs(fs.valence[i]) : sign * fs.valence[i];
        if (v > best) { best = v; p = i; }
      }
    }
    if (p >= 0) from = to = words[p].tok;
  }
  // Every finding points at something: the first clause when nothing more specific fired.
  if (from < 0 && words.length > 0) from = to = words[0].tok;
  const span = from >= 0 ? clauseSpan(text, tokens, from, to) : null;
  return span ?? (text.trim().slice(0, 200).trim() || text);
}
