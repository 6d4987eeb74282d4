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

/** Classifies the sentiment of one message's features. */
export function scoreSentiment(cm: CompiledModel, fs: FeatureSet): SentimentResult {
  const p = softmax(logits(cm.sentiment, fs));
  const probs: Record<SentimentLabel, number> = { negative: 0, neutral: 0, positive: 0 };
  cm.sentiment.labels.forEach((l, j) => { probs[l as SentimentLabel] = p[j]; });
  let label: SentimentLabel = 'neutral';
  if (probs.negative > probs.neutral && probs.negative >= probs.positive) label = 'negative';
  else if (probs.positive > probs.neutral && probs.positive > probs.negative) label = 'positive';
  const score = Math.max(-1, Math.min(1, Math.round((probs.positive - probs.negative) * 1000) / 1000));
  return { label, score, probs };
}
