import type { MessageFact } from '../core/facts.ts';
import type { MessageSummary } from './types.ts';
import { round } from './stats/intervals.ts';

/** The running counts of a message summary over some messages (all of them, or one day's: day-memo.ts). */
export interface SummaryTally {
  total: number;
  customer: number;
  analysed: number;
  conversations: Set<string>;
  sentiment: { negative: number; neutral: number; positive: number };
  byChannel: Record<string, number>;
  byLanguage: Record<string, number>;
  first: number;
  last: number;
}

/** An empty tally. */
export function summaryTally(): SummaryTally {
  return {
    total: 0, customer: 0, analysed: 0, conversations: new Set(), sentiment: { negative: 0, neutral: 0, positive: 0 },
    byChannel: {}, byLanguage: {}, first: Infinity, last: -Infinity,
  };
}

/** Counts one message. */
export function tallySummary(t: SummaryTally, m: MessageFact): void {
  t.total++;
  t.conversations.add(m.conversationId);
  const at = m.at.getTime();
  if (at < t.first) t.first = at;
  if (at > t.last) t.last = at;
  if (m.role !== 'customer') return;
  t.customer++;
  t.byChannel[m.channel] = (t.byChannel[m.channel] ?? 0) + 1;
  const lang = m.language ?? m.analysis?.language ?? 'unknown';
  t.byLanguage[lang] = (t.byLanguage[lang] ?? 0) + 1;
  if (m.analysis) {
    t.analysed++;
    t.sentiment[m.analysis.sentiment.label]++;
  }
}

/**
 * Adds `from` into `into` (`from` is left as it is). Merging the tallies of consecutive days in time
 * order gives the tally of all their messages, key order of the channel and language counts included.
 */
export function mergeSummary(into: SummaryTally, from: SummaryTally): void {
  into.total += from.total;
  into.customer += from.customer;
  into.analysed += from.analysed;
  for (const c of from.conversations) into.conversations.add(c);
  into.sentiment.negative += from.sentiment.negative;
  into.sentiment.neutral += from.sentiment.neutral;
  into.sentiment.positive += from.sentiment.positive;
  for (const [k, v] of Object.entries(from.byChannel)) into.byChannel[k] = (into.byChannel[k] ?? 0) + v;
  for (const [k, v] of Object.entries(from.byLanguage)) into.byLanguage[k] = (into.byLanguage[k] ?? 0) + v;
  into.first = Math.min(into.first, from.first);
  into.last = Math.max(into.last, from.last);
}

/** Volumes of messages, sentiment, channels and languages, from a tally. */
export function finishSummary(t: SummaryTally): MessageSummary {
  return {
    total: t.total,
    customer: t.customer,
    analysed: t.analysed,
    conversations: t.conversations.size,
    sentiment: { ...t.sentiment },
    negativeShare: t.analysed === 0 ? null : round(t.sentiment.negative / t.analysed, 3),
    byChannel: { ...t.byChannel },
    byLanguage: { ...t.byLanguage },
    first: Number.isFinite(t.first) ? new Date(t.first).toISOString() : null,
    last: Number.isFinite(t.last) ? new Date(t.last).toISOString() : null,
  };
}
