import type { MessageFact } from '../core/facts.ts';
import type { Emotion } from '../core/labels.ts';
import type { Verbatim } from './types.ts';
import { DayMemo } from './day-memo.ts';
import { QuotePicker, quoteScore } from './verbatims.ts';

const PRAISE = new Set<Emotion>(['gratitude', 'joy', 'trust', 'relief']);
/** A praise message that still asks for something or names an open problem is not one to share as is. */
const OPEN_PROBLEM_THEMES = new Set(['unresolved', 'delay', 'wait_time', 'billing', 'technical', 'lost_or_damaged', 'cancellation']);

/** A message that may be shared as a compliment, with what its rank needs besides the age. */
interface Candidate {
  fact: MessageFact;
  at: number;
  /** Sentiment strength before the recency factor (at least 0.1). */
  strength: number;
  /** quoteScore(text) at strength 1, worked out the first time the picker wants the message. */
  quality?: number;
}

/** The candidates among `messages`, in their order. */
function candidates(messages: readonly MessageFact[]): Candidate[] {
  const out: Candidate[] = [];
  for (const m of messages) {
    const a = m.analysis;
    if (m.role !== 'customer' || !a || a.sentiment.label !== 'positive') continue;
    if (!a.emotions.some((e) => PRAISE.has(e.label))) continue;
    if (a.needs.length > 0 || a.themes.some((t) => OPEN_PROBLEM_THEMES.has(t.label))) continue;
    out.push({ fact: m, at: m.at.getTime(), strength: Math.max(0.1, a.sentiment.score) });
  }
  return out;
}

/**
 * What a server keeps between computations of the compliments: each day's candidates, so a batch
 * reads again only the days it touched (day-memo.ts). The output is the same with or without it.
 */
export class ComplimentsMemo {
  readonly days = new DayMemo<MessageFact, Candidate[]>();
}

/**
 * Compliments worth sharing with the teams (the empathy loop runs both ways: staff should hear what
 * went right too): positive customer messages showing gratitude, joy, trust or relief, ranked by
 * quotability × sentiment strength, with a mild preference for recent ones; returned newest first.
 * Mixed messages (thanks, "but I am still waiting…") are left out: they carry a need or an open problem.
 */
export function pickCompliments(messages: readonly MessageFact[], k = 3, memo?: ComplimentsMemo): Verbatim[] {
  let last = 0;
  for (const m of messages) if (m.at.getTime() > last) last = m.at.getTime();
  const days = memo?.days.tallies(messages, candidates);
  const picker = new QuotePicker(k);
  const offer = (c: Candidate) => {
    // Recency depends on the newest message of all, so it is applied here, not kept with the day.
    const strength = c.strength * (1 / (1 + (last - c.at) / 86_400_000 / 30));
    // quoteScore multiplies its text factors, then the strength: the same product, in the same order.
    if (picker.wants(strength)) picker.offer(c.fact, (c.quality ??= quoteScore(c.fact.text)) * strength);
  };
  if (days) for (const d of days) d.tally.forEach(offer);
  else candidates(messages).forEach(offer);
  return picker.result().sort((a, b) => b.at.localeCompare(a.at));
}
