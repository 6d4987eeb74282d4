import type { MessageFact } from '../core/facts.ts';
import type { MessageSummary } from './types.ts';
import { round } from './stats/intervals.ts';

/** Volumes of messages, sentiment, channels and languages in one pass. */
export function summarizeMessages(messages: readonly MessageFact[]): MessageSummary {
  const conversations = new Set<string>();
  const sentiment = { negative: 0, neutral: 0, positive: 0 };
  const byChannel: Record<string, number> = {};
  const byLanguage: Record<string, number> = {};
  let customer = 0, analysed = 0;
  let first = Infinity, last = -Infinity;
  for (const m of messages) {
    conversations.add(m.conversationId);
    const t = m.at.getTime();
    if (t < first) first = t;
    if (t > last) last = t;
    if (m.role !== 'customer') continue;
    customer++;
    byChannel[m.channel] = (byChannel[m.channel] ?? 0) + 1;
    const lang = m.language ?? m.analysis?.language ?? 'unknown';
    byLanguage[lang] = (byLanguage[lang] ?? 0) + 1;
    if (m.analysis) {
      analysed++;
      sentiment[m.analysis.sentiment.label]++;
    }
  }
  return {
    total: messages.length,
    customer,
    analysed,
    conversations: conversations.size,
    sentiment,
    negativeShare: analysed === 0 ? null : round(sentiment.negative / analysed, 3),
    byChannel,
    byLanguage,
    first: Number.isFinite(first) ? new Date(first).toISOString() : null,
    last: Number.isFinite(last) ? new Date(last).toISOString() : null,
  };
}
