import type { MessageFact } from '../core/facts.ts';
import type { Verbatim } from './types.ts';

/** A message as shown in reports. */
export function toVerbatim(m: MessageFact): Verbatim {
  return {
    messageId: m.messageId,
    conversationId: m.conversationId,
    customerId: m.customerId,
    customerRef: m.customerRef,
    customerName: m.customerName,
    channel: m.channel,
    language: m.language ?? m.analysis?.language ?? null,
    at: m.at.toISOString(),
    text: m.text,
  };
}

/**
 * How quotable a message is, 0..1: readable length (best 80–240 characters, like a sentence or
 * two), mostly letters, not shouting, no links or e-mail addresses. Multiplied by how strongly the
 * message shows the point being illustrated (`strength`, e.g. the theme finding's score).
 */
export function quoteScore(text: string, strength = 1): number {
  const len = text.length;
  if (len < 15 || strength <= 0) return 0;
  // A story needs some substance: full marks from 80 characters, fading out past 240.
  const lengthFit = len < 80 ? 0.4 + (0.6 * (len - 15)) / 65 : len <= 240 ? 1 : Math.max(0.2, 240 / len);
  // Character classes by code unit: this runs on every candidate message, so no regex per character.
  let letters = 0, upper = 0;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 223 && c <= 591 && c !== 247)) letters++;
    else if ((c >= 65 && c <= 90) || (c >= 192 && c <= 222 && c !== 215)) { letters++; upper++; }
    else if (c > 880 && c !== 8217 && c < 8192) letters++;
  }
  const letterShare = letters / len;
  const shouting = letters > 0 && upper / letters > 0.5 ? 0.3 : 1;
  const maybeLink = text.includes('@') || text.includes('http') || text.includes('www.');
  const links = maybeLink && /https?:\/\/|www\.|\S+@\S+\.\S+/.test(text) ? 0.3 : 1;
  return lengthFit * Math.min(1, letterShare / 0.6) * shouting * links * strength;
}

/** A candidate quote: its score, its message, and the key that makes two texts the same quote. */
interface Quote {
  score: number;
  fact: MessageFact;
  key: string;
}

/** Higher score first, then the smaller message id: a strict order, so ties never depend on arrival. */
function before(a: Quote, b: Quote): boolean {
  return a.score > b.score || (a.score === b.score && a.fact.messageId.localeCompare(b.fact.messageId) < 0);
}

/**
 * Keeps the `k` best quotes seen so far without storing every candidate: a small sorted buffer, so
 * picking quotes over a million messages stays one pass and O(n·k). The result is the `k` first, in
 * the strict order of `before`, of the best candidate of each key, whatever the order of the offers:
 * so pickers filled from separate slices of the messages (one per day, insights/day-memo.ts) and then
 * merged pick what one picker over all of them picks.
 */
export class QuotePicker {
  private items: Quote[] = [];
  constructor(private readonly k = 3) {}

  /** False when a quote scoring at most `upperBound` could not enter: lets callers skip scoring it. */
  wants(upperBound: number): boolean {
    // A tie with the last kept quote may still enter, on a smaller message id.
    return upperBound > 0 && (this.items.length < this.k || upperBound >= this.items[this.items.length - 1].score);
  }

  offer(fact: MessageFact, score: number): void {
    if (score <= 0) return;
    this.take({ score, fact, key: fact.text.trim().toLowerCase().slice(0, 80) });
  }

  /** Offers every quote another picker kept (the other picker is left as it is). */
  mergeFrom(other: QuotePicker): void {
    for (const q of other.items) this.take(q);
  }

  result(): Verbatim[] {
    return this.items.map((i) => toVerbatim(i.fact));
  }

  private take(q: Quote): void {
    if (this.items.length >= this.k && !before(q, this.items[this.items.length - 1])) return;
    const same = this.items.findIndex((i) => i.key === q.key);
    if (same >= 0) {
      if (!before(q, this.items[same])) return;
      this.items.splice(same, 1);
    }
    this.items.push(q);
    this.items.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    if (this.items.length > this.k) this.items.pop();
  }
}
