/**
 * Sentiment: a multinomial logistic regression over lexicon, cue and word features (see
 * features.ts), trained by scripts/train.ts. Score = P(positive) − P(negative), in [−1, 1].
 */
import type { SentimentLabel } from '../core/labels.ts';
import type { CompiledModel } from './compiled.ts';
import type { FeatureSet } from './features.ts';
import { logits, softmax } from './linear.ts';

export interface SentimentResult {
  label: SentimentLabel;
  score: number;
  /** Probabilities in the model's label order. */
  probs: Record<SentimentLabel, number>;
}

const COMPLAINT_MIN_P = 0.25;
const COMPLAINT_MIN_LEX = 1.5;
const POLITE_ONLY_MAX_LEX = 0.5;
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
  if (fs.sarcasm && label !== 'negative') {
    // Sarcasm is read for its meaning (gold guidelines): "Super, 3e semaine sans internet".
    label = 'negative';
    return { label, score: -Math.max(0.3, Math.round(Math.abs(probs.positive - probs.negative) * 1000) / 1000), probs };
  }
  const score = Math.max(-1, Math.min(1, Math.round((probs.positive - probs.negative) * 1000) / 1000));
  return { label, score, probs };
}
