import type { MessageFact } from '../core/facts.ts';
import type { Emotion } from '../core/labels.ts';
import type { Verbatim } from './types.ts';
import { QuotePicker, quoteScore } from './verbatims.ts';

const PRAISE = new Set<Emotion>(['gratitude', 'joy', 'trust', 'relief']);

/**
 * Compliments worth sharing with the teams (the empathy loop runs both ways: staff should hear what
 * went right too): positive customer messages showing gratitude, joy, trust or relief, ranked by
 * quotability × sentiment strength, with a mild preference for recent ones; returned newest first.
 */
export function pickCompliments(messages: readonly MessageFact[], k = 3): Verbatim[] {
  let last = 0;
  for (const m of messages) if (m.at.getTime() > last) last = m.at.getTime();
  const picker = new QuotePicker(k);
  for (const m of messages) {
    const a = m.analysis;
    if (m.role !== 'customer' || !a || a.sentiment.label !== 'positive') continue;
    if (!a.emotions.some((e) => PRAISE.has(e.label))) continue;
    const ageDays = (last - m.at.getTime()) / 86_400_000;
    const recency = 1 / (1 + ageDays / 30);
    const strength = Math.max(0.1, a.sentiment.score) * recency;
    if (picker.wants(strength)) picker.offer(m, quoteScore(m.text, strength));
  }
  return picker.result().sort((a, b) => b.at.localeCompare(a.at));
}
