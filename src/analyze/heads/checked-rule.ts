/**
 * The guidelines' checked rule on a message's sentiment and emotions (GUIDELINES.md, "(checked)"): a
 * positive message never has anger, frustration or disgust, and a negative message never has a
 * positive or neutral primary emotion. The sentiment and emotion heads decide apart, so their
 * verdicts can break it; decide-heads.ts (which of the two yields) and sentiment-emotions.ts (the
 * sentiment held to the emotions) mend it, both by these definitions.
 */

/** Emotions a positive message never has. */
export const NEVER_POSITIVE: ReadonlySet<string> = new Set(['anger', 'frustration', 'disgust']);

/** Emotions that make a message's primary emotion positive (a negative message never leads with one). */
export const POSITIVE: ReadonlySet<string> = new Set(['joy', 'gratitude', 'relief', 'trust']);

/** Whether a message of `sentiment` may lead with `first` (null or `neutral`: no emotion). */
export function mayLeadWith(sentiment: string, first: string | null): boolean {
  if (sentiment === 'negative') return first !== null && first !== 'neutral' && !POSITIVE.has(first);
  if (sentiment === 'positive') return first === null || !NEVER_POSITIVE.has(first);
  return true;
}

/**
 * Whether an emotion head's label may stand, first or second, beside `sentiment` where the emotion
 * yields to it (decide-heads.ts): never none, and for a negative message no positive emotion, for a
 * positive one no hostile emotion.
 */
export function allowedBeside(sentiment: string, label: string): boolean {
  if (label === 'none' || label === 'neutral') return false;
  if (sentiment === 'negative') return !POSITIVE.has(label);
  if (sentiment === 'positive') return !NEVER_POSITIVE.has(label);
  return true;
}
