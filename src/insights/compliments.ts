import type { MessageFact } from '../core/facts.ts';
import type { Emotion } from '../core/labels.ts';
import type { Verbatim } from './types.ts';
import { QuotePicker, quoteScore } from './verbatims.ts';

const PRAISE = new Set<Emotion>(['gratitude', 'joy', 'trust', 'relief']);
/** A praise message that still asks for something or names an open problem is not one to share as is. */
const OPEN_PROBLEM_THEMES = new Set(['unresolved', 'delay', 'wait_time', 'billing', 'technical', 'lost_or_damaged', 'cancellation']);

/**
 * Compliments worth sharing with the teams (the empathy loop runs both ways: staff should hear what
 * went right too): positive customer messages showing gratitude, joy, trust or relief, ranked by
 * quotability × sentiment strength, with a mild preference for recent ones; returned newest first.
 * Mixed messages (thanks, "but I am still waiting…") are left out: they carry a need or an open problem.
 */
export function pickCompliments(messages: readonly MessageFact[], k = 3): Verbatim[] {
  let last = 0;
  for (const m of messages) if (m.at.getTime() > last) last = m.at.getTime();
  const picker = new QuotePicker(k);
  for (const m of messages) {
    const a = m.analysis;
    if (m.role !== 'customer' || !a || a.sentiment.label !== 'positive') continue;
    if (!a.emotions.some((e) => PRAISE.has(e.label))) continue;
    if (a.needs.length > 0 || a.themes.some((t) => OPEN_PROBLEM_THEMES.has(t.label))) continue;
    const ageDays = (last - m.at.getTime()) / 86_400_000;
    const recency = 1 / (1 + ageDays / 30);
    const strength = Math.max(0.1, a.sentiment.score) * recency;
    if (picker.wants(strength)) picker.offer(m, quoteScore(m.text, strength));
  }
  return picker.result().sort((a, b) => b.at.localeCompare(a.at));
}
