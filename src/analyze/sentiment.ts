/**
 * Sentiment: a multinomial logistic regression over lexicon, cue and word features (see
 * features.ts), trained by scripts/train.ts. Score = P(positive) − P(negative), in [−1, 1].
 */
import type { SentimentLabel } from '../core/labels.ts';
import type { CompiledModel } from './compiled.ts';
import type { FeatureSet } from './features.ts';
import { logits, softmax } from './linear.ts';

/** The sentiment verdict of one message. */
export interface SentimentResult {
  label: SentimentLabel;
  score: number;
  /** Probabilities in the model's label order. */
  probs: Record<SentimentLabel, number>;
}

const COMPLAINT_MIN_P = 0.25;
const COMPLAINT_MIN_LEX = 1.5;
const POLITE_ONLY_MAX_LEX = 0.5;
/** Both sides at least this strong, the weaker within 80% of the stronger: no side dominates. */
const MIXED_MIN_LEX = 2;
const MIXED_RATIO = 0.8;
/** A word this strong ("excellent", "inadmissible") outweighs a lukewarm verdict. */
const LUKEWARM_MAX_VALENCE = 2.5;
/** ... and so do several complaints or several compliments together. */
const LUKEWARM_MAX_SIDE = 3;
/** A polite message is a complaint only with more than one mildly negative word ("résilier" alone is a request). */
const THANKFUL_COMPLAINT_MIN_LEX = 2;

/** Classifies the sentiment of one message's features. */
export function scoreSentiment(cm: CompiledModel, fs: FeatureSet): SentimentResult {
  const p = softmax(logits(cm.sentiment, fs));
  const probs: Record<SentimentLabel, number> = { negative: 0, neutral: 0, positive: 0 };
  cm.sentiment.labels.forEach((l, j) => { probs[l as SentimentLabel] = p[j]; });
  let label: SentimentLabel = 'neutral';
  if (probs.negative > probs.neutral && probs.negative >= probs.positive) label = 'negative';
  else if (probs.positive > probs.neutral && probs.positive > probs.negative) label = 'positive';
  // A flat statement of a service failure ("vol annulé, 3 h d'attente") is a complaint: when the
  // model hesitates towards neutral but the lexicon evidence is clearly negative, side with it.
  if (label === 'neutral' && probs.negative >= COMPLAINT_MIN_P && fs.lexNeg - fs.lexPos >= COMPLAINT_MIN_LEX) label = 'negative';
  // A thankful complaint ("Thanks. 3rd delay this week") is a complaint: politeness is not praise.
  if (label === 'positive' && fs.polite > 0 && fs.lexPos < 0.5 && fs.lexNeg >= THANKFUL_COMPLAINT_MIN_LEX) label = 'negative';
  // A request signed "thanks" is not praise: politeness alone does not make a message positive.
  if (label === 'positive' && fs.request && fs.polite > 0 && fs.lexPos < POLITE_ONLY_MAX_LEX && !fs.cueHits.has('joy')) label = 'neutral';
  // Mixed feelings with no side dominating ("bon accueil mais plats fades et chers") are neutral.
  const weaker = Math.min(fs.lexPos, fs.lexNeg);
  if (label !== 'neutral' && !fs.sarcasm && weaker >= MIXED_MIN_LEX && weaker / Math.max(fs.lexPos, fs.lexNeg) >= MIXED_RATIO) label = 'neutral';
  // A lukewarm verdict with nothing stronger said is neutral ("Service correct sans plus").
  if (label !== 'neutral' && fs.lukewarm && !fs.sarcasm && fs.maxValence < LUKEWARM_MAX_VALENCE && Math.max(fs.lexPos, fs.lexNeg) < LUKEWARM_MAX_SIDE) label = 'neutral';
  if (fs.sarcasm && label !== 'negative') {
    // Sarcasm is read for its meaning (gold guidelines): "Super, 3e semaine sans internet".
    label = 'negative';
    return { label, score: -Math.max(0.3, Math.round(Math.abs(probs.positive - probs.negative) * 1000) / 1000), probs };
  }
  const score = Math.max(-1, Math.min(1, Math.round((probs.positive - probs.negative) * 1000) / 1000));
  return { label, score, probs };
}

/** Score given to a statement of unfair treatment the model read as neutral or positive (a clear, moderate complaint). */
const UNFAIR_SCORE = -0.3;
/** P(negative) from which a neutral reading that states a service failure becomes a complaint. */
const PROBLEM_MIN_P = 0.15;

/**
 * Factual complaints ("my flight was delayed 3 hours", "colis jamais arrivé") carry little
 * sentiment vocabulary, so the model reads them neutral; the guidelines read them as negative. When
 * the CX lexicon finds a stated problem and the model gives the negative reading some weight,
 * side with the complaint.
 */
export function withProblemCues(s: SentimentResult, problem: boolean, unfair = false): SentimentResult {
  // Unfair treatment ("new customers pay less while I, a loyal customer, pay more") is stated with
  // words the model reads as warm ("loyal", "fidèle"): the statement itself is the complaint.
  if (unfair && s.label !== 'negative') return { ...s, label: 'negative', score: Math.min(s.score, UNFAIR_SCORE) };
  if (!problem || s.label !== 'neutral' || s.probs.negative < PROBLEM_MIN_P) return s;
  return { ...s, label: 'negative', score: Math.min(s.score, -0.05) };
}
