import type { MessageFact, SurveyFact } from '../core/facts.ts';
import type { Channel, Emotion, Need } from '../core/labels.ts';
import { quoteScore } from './verbatims.ts';
import { countLabelsOnce } from './count-labels.ts';

/** What Écoute knows about one customer, folded from their messages and survey answers. */
export interface CustomerProfile {
  customerId: string;
  customerRef: string | null;
  name: string | null;
  segment: string | null;
  value: number | null;
  messages: number;
  analysed: number;
  conversations: Set<string>;
  /** Conversations the customer started on a contact channel (not survey answers or public reviews). */
  contactConversations: Set<string>;
  /** Conversations in which at least one message is tagged "unresolved". */
  unresolvedConversations: Set<string>;
  needs: Map<Need, number>;
  themes: Map<string, number>;
  emotions: Map<Emotion, number>;
  channels: Map<Channel, number>;
  negative: number;
  positive: number;
  churnIntent: number;
  repeatContact: number;
  /** Messages of the latest conversation tagged "unresolved". */
  unresolvedLatest: boolean;
  unresolved: number;
  /** Sentiment scores (−1..1) in time order. */
  sentiments: number[];
  lastAt: Date;
  lastConversationId: string;
  /** Most quotable negative (else any) message. */
  quote: { fact: MessageFact; score: number } | null;
  surveys: SurveyFact[];
}

/**
 * Folds facts into one profile per known customer in a single pass over messages (time-ordered, as
 * the store returns them) and one over surveys.
 */
export function buildCustomerProfiles(messages: readonly MessageFact[], surveys: readonly SurveyFact[]): Map<string, CustomerProfile> {
  const profiles = new Map<string, CustomerProfile>();
  for (const m of messages) {
    if (m.role !== 'customer' || !m.customerId) continue;
    let p = profiles.get(m.customerId);
    if (!p) {
      p = {
        customerId: m.customerId, customerRef: m.customerRef, name: m.customerName, segment: m.segment, value: m.customerValue,
        messages: 0, analysed: 0, conversations: new Set(), contactConversations: new Set(), unresolvedConversations: new Set(), needs: new Map(), themes: new Map(), emotions: new Map(),
        channels: new Map(), negative: 0, positive: 0, churnIntent: 0, repeatContact: 0, unresolvedLatest: false,
        unresolved: 0, sentiments: [], lastAt: m.at, lastConversationId: m.conversationId, quote: null, surveys: [],
      };
      profiles.set(m.customerId, p);
    }
    p.messages++;
    p.conversations.add(m.conversationId);
    if (m.channel !== 'survey' && m.channel !== 'review') p.contactConversations.add(m.conversationId);
    p.channels.set(m.channel, (p.channels.get(m.channel) ?? 0) + 1);
    if (m.segment) p.segment = m.segment;
    if (m.customerValue !== null) p.value = m.customerValue;
    if (m.at >= p.lastAt) {
      if (m.conversationId !== p.lastConversationId) p.unresolvedLatest = false;
      p.lastAt = m.at;
      p.lastConversationId = m.conversationId;
    }
    const a = m.analysis;
    if (!a) continue;
    p.analysed++;
    countLabelsOnce(p.needs, a.needs);
    countLabelsOnce(p.themes, a.themes);
    countLabelsOnce(p.emotions, a.emotions);
    if (a.sentiment.label === 'negative') p.negative++;
    if (a.sentiment.label === 'positive') p.positive++;
    if (a.signals.churnIntent) p.churnIntent++;
    if (a.signals.repeatContact) p.repeatContact++;
    if (a.themes.some((t) => t.label === 'unresolved')) {
      p.unresolved++;
      p.unresolvedConversations.add(m.conversationId);
      if (m.conversationId === p.lastConversationId) p.unresolvedLatest = true;
    }
    p.sentiments.push(a.sentiment.score);
    const strength = a.sentiment.label === 'negative' ? 1 : 0.5;
    if (!p.quote || strength > p.quote.score) {
      const q = quoteScore(m.text, strength);
      if (!p.quote || q > p.quote.score) p.quote = { fact: m, score: q };
    }
  }
  for (const s of surveys) {
    if (s.customerId) profiles.get(s.customerId)?.surveys.push(s);
  }
  return profiles;
}

/** The key with the largest count (ties broken alphabetically), or null. */
export function topKey<K extends string>(counts: Map<K, number>): K | null {
  let best: K | null = null;
  for (const [k, c] of counts) {
    if (best === null || c > counts.get(best)! || (c === counts.get(best)! && k < best)) best = k;
  }
  return best;
}
