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

/**
 * Keeps the `k` best quotes seen so far without storing every candidate: a small sorted buffer, so
 * picking quotes over a million messages stays one pass and O(n·k).
 */
export class QuotePicker {
  private items: { score: number; fact: MessageFact; key: string }[] = [];
  constructor(private readonly k = 3) {}

  /** False when a quote scoring at most `upperBound` could not enter: lets callers skip scoring it. */
  wants(upperBound: number): boolean {
    return upperBound > 0 && (this.items.length < this.k || upperBound > this.items[this.items.length - 1].score);
  }

  offer(fact: MessageFact, score: number): void {
    if (score <= 0) return;
    if (this.items.length >= this.k && score <= this.items[this.items.length - 1].score) return;
    const key = fact.text.trim().toLowerCase().slice(0, 80);
    const same = this.items.findIndex((i) => i.key === key);
    if (same >= 0) {
      if (this.items[same].score >= score) return;
      this.items.splice(same, 1);
    }
    this.items.push({ score, fact, key });
    this.items.sort((a, b) => b.score - a.score || a.fact.messageId.localeCompare(b.fact.messageId));
    if (this.items.length > this.k) this.items.pop();
  }

  result(): Verbatim[] {
    return this.items.map((i) => toVerbatim(i.fact));
  }
}
