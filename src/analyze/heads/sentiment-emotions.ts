/**
 * The sentiment and emotions a message ends with, held to the guidelines' checked rule
 * (GUIDELINES.md, "(checked)"): a positive message never has anger, frustration or disgust, and a
 * negative message never has a positive or neutral primary emotion. The sentiment head, the emotion
 * head and the core model each decide on their own, so their verdicts can break it. Where the sentiment
 * head is the surer of the two on a known customer's message, the emotion has already yielded
 * (decide-heads.ts, `yieldToSentiment`); everything else is mended here, the one place the analyser
 * (apply-heads.ts) and the figures (scripts/train/cx-heads/head-metrics.ts) share.
 */
import { mayLeadWith, NEVER_POSITIVE, POSITIVE } from './checked-rule.ts';
import type { HeadDecision } from './decide-heads.ts';

/**
 * The sentiment head's label with the message's emotions, as the guidelines' checked rule allows (a
 * positive message never has anger, frustration or disgust): where the head reads positive but the
 * dominant (first) emotion is one of those, the core model's sentiment stands (`null`); where only a
 * later emotion is, that emotion is dropped (praise with a small reservation keeps its praise).
 * Without it, sarcasm ("Great, another delay. Thanks a lot.", read as frustration) reads as praise.
 * Under cross-validation it cost the corpus figure about 0.02–0.03 with model 1.4, and 0.013 in English
 * (French +0.001) with model 1.5 (README, "Learned heads").
 */
export function withSentiment<T extends { label: string }>(sentiment: string, emotions: readonly T[]): T[] | null {
  if (sentiment !== 'positive') return [...emotions];
  if (emotions.length > 0 && NEVER_POSITIVE.has(emotions[0].label)) return null;
  return emotions.filter((e) => !NEVER_POSITIVE.has(e.label));
}

/**
 * The sentiment label the dominant (first) emotion allows: a negative reading that leads with a
 * positive emotion becomes positive, and with none (or `neutral`) neutral; a positive reading that
 * leads with anger, frustration or disgust becomes negative. Where the sentiment and the emotion
 * disagree the emotion is the likelier right under cross-validation on the corpus (model 1.7, 5 folds,
 * customers known), except where the sentiment head is the surer, where the emotion has yielded
 * already (decide-heads.ts, model 1.9): 44 messages change sentiment, 28 to the gold label, 12 away from it; sentiment
 * macro-F1 0.839 / 0.813 → 0.854 / 0.820 (fr / en; paired bootstrap of the gain [0.002, 0.031] /
 * [−0.003, 0.019]), the emotions unchanged. With model 1.4, whose emotions were the core's, the
 * negative half had lost (README, "Learned heads").
 */
export function sentimentForEmotions(sentiment: string, emotions: readonly { label: string }[]): string {
  const first = emotions[0]?.label ?? null;
  if (mayLeadWith(sentiment, first)) return sentiment;
  if (sentiment === 'negative') return first !== null && POSITIVE.has(first) ? 'positive' : 'neutral';
  return 'negative'; // a positive reading led by anger, frustration or disgust
}

/**
 * The sentiment and emotions a message ends with, from the sentiment head's decision (absent or null:
 * the core's, `core`, stands) and the emotions decided so far (withSentiment); on a message known to be a
 * customer's (`customer`: HeadDecision.knownCustomer, as every stored message is), the sentiment the
 * dominant emotion allows (sentimentForEmotions), a positive one then keeping no anger, frustration
 * or disgust in any place (the second emotion, HeadDecision.emotion2, may be one: under CV, from the
 * stored fold probabilities, the emotion lists' micro-F1 read 0.672 / 0.673 with them and 0.674 /
 * 0.675 without). Other text keeps its reading: on public tweets (UMSAB, an evaluation set, read
 * after the choice) the emotions are weaker evidence than the sentiment, and held to them, even only
 * where the `customer` head read a customer's message, French tweets fell from 0.492 to 0.479, under
 * their floor. A sentiment whose label changed keeps its score, which the
 * analyser puts on the new label's side (core/sentiment-score.ts).
 */
export function sentimentAndEmotions<T extends { label: string }>(
  head: HeadDecision['sentiment'], core: { label: string; score: number }, emotions: readonly T[], customer: boolean,
): { sentiment: { label: string; score: number }; emotions: T[] } {
  const fitted = head ? withSentiment(head.label, emotions) : null;
  const from = fitted ? head! : core;
  const kept = fitted ?? [...emotions];
  if (!customer) return { sentiment: { label: from.label, score: from.score }, emotions: kept };
  const label = sentimentForEmotions(from.label, kept);
  // A positive message keeps no hostile emotion in any place (only the first was checked above).
  return { sentiment: { label, score: from.score }, emotions: label === 'positive' ? kept.filter((e) => !NEVER_POSITIVE.has(e.label)) : kept };
}
