/**
 * A sentiment score that agrees with its label. The score (−1…1) feeds averages over time, customer
 * profiles and case recovery; the label is what people read. Where a rule changes the label after
 * the model scored the message ("Thanks. 3rd delay this week" is a complaint though its words are
 * polite; sarcasm; a request signed "thanks" is neutral), or a person corrects it, the model's score
 * can sit on the other side of zero: "Great, another delay. Thanks a lot." was stored negative with a
 * score of +0.979, and pulled that customer's average up.
 */
import type { SentimentLabel } from './labels.ts';

/** A neutral message's score stays within ±this. */
const NEUTRAL_BAND = 0.2;
/** The score given where the model's sits on the wrong side: a mid value, the label without its strength. */
const MID = 0.5;

/**
 * `score` where it already agrees with `label` (positive above zero, negative below, neutral within
 * ±0.2), else a mid value on the label's side (±0.5, or 0 for neutral).
 */
export function scoreOnLabelSide(label: SentimentLabel, score: number): number {
  if (label === 'neutral') return Math.abs(score) < NEUTRAL_BAND ? score : 0;
  const sign = label === 'positive' ? 1 : -1;
  return Math.sign(score) === sign ? score : sign * MID;
}
