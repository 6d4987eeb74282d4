/**
 * Short verbatim spans of the customer's message for suggestions to quote: the feeling they named,
 * a detail the reply left out, the heart of their situation. Quoting the customer's own words is
 * what makes a suggestion actionable ("You said 'third call': …") rather than generic advice.
 * Every span returned is an exact substring of the message.
 */
import { CUSTOMER_CUES, REPLY_CUES } from './cue-lexicon.ts';
import { contentStems, foldText, identifiers, isStopword, stem } from './text-units.ts';

const MAX_WORDS = 8;

/** Words of `text` with their offsets. */
function wordSpans(text: string): { w: string; start: number; end: number }[] {
  return [...text.matchAll(/[\p{L}\p{M}\d][\p{L}\p{M}\d'’#-]*/gu)].map((m) => ({ w: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

/** Clauses of `text` (split after . ! ? ; : and line breaks) with their offsets: quotes never straddle two. */
function clauses(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  for (const m of text.matchAll(/[^.!?;:\n]+/g)) {
    const t = m[0].trim();
    if (wordSpans(t).length > 0) out.push({ text: t, start: (m.index ?? 0) + m[0].indexOf(t) });
  }
  return out;
}

// Words a quote should not end on ("worried because I") or start with ("and the parcel").
const WEAK_START = new Set(['and', 'but', 'or', 'so', 'because', 'et', 'mais', 'ou', 'donc', 'car', 'parce', 'puis']);
const isWeak = (w: string): boolean => foldText(w).split(/['’]/).every((part) => isStopword(part) || WEAK_START.has(part) || part === '');

/** The words from index `from` to `to` (exclusive) of a clause, without weak words at the edges. */
function slice(clause: { text: string }, spans: { w: string; start: number; end: number }[], from: number, to: number): string {
  // A conjunction after a few words starts another thought: stop there.
  for (let k = from + 3; k < to; k++) if (WEAK_START.has(foldText(spans[k].w))) { to = k; break; }
  while (to - from > 1 && isWeak(spans[to - 1].w)) to--;
  while (to - from > 1 && WEAK_START.has(foldText(spans[from].w))) from++;
  return clause.text.slice(spans[from].start, spans[to - 1].end);
}

/** At most `max` words of `text` around character `at`, within its clause, as an exact substring. */
function around(text: string, at: number, max: number): string {
  const clause = clauses(text).find((s) => at >= s.start && at < s.start + s.text.length) ?? { text: text.trim(), start: text.indexOf(text.trim()) };
  const spans = wordSpans(clause.text);
  let centre = spans.findIndex((s) => clause.start + s.end > at);
  if (centre < 0) centre = spans.length - 1;
  const from = Math.max(0, Math.min(centre - Math.floor(max / 2), spans.length - max));
  return slice(clause, spans, from, Math.min(spans.length, from + max));
}

/** Offset in the original text of the first match of a cue class, using fold's length-preserving mapping. */
function firstCueOffset(text: string, patterns: readonly RegExp[]): number {
  const folded = foldText(text);
  // Folding keeps Latin text's length, so offsets carry over; otherwise give up (no quote beats a wrong one).
  if (folded.length !== text.length) return -1;
  let best = -1;
  for (const p of patterns) {
    const m = new RegExp(p.source).exec(folded);
    if (m && (best < 0 || m.index < best)) best = m.index;
  }
  return best;
}

/** A few words around the first feeling word of the message ("so worried about", "vraiment en colère"), or null. */
export function feelingQuote(customer: string): string | null {
  const at = firstCueOffset(customer, REPLY_CUES[0].patterns);
  return at < 0 ? null : around(customer, at, 5);
}

/** A few words around the first sign of urgency or repetition ("third time", "toujours rien"), or null. */
export function urgencyQuote(customer: string): string | null {
  const urgent = CUSTOMER_CUES.find((c) => c.name === 'urgent');
  const at = urgent ? firstCueOffset(customer, urgent.patterns) : -1;
  return at < 0 ? null : around(customer, at, 5);
}

/**
 * A detail of the message the reply does not use yet: with `ids`, an order number or amount first
 * (with the word before it: "order #ZX-88120"); else the customer's longest run of content words
 * missing from the reply. Null when the reply uses them all.
 */
export function missingDetail(customer: string, reply: string, ids = true): string | null {
  const spans = wordSpans(customer);
  if (ids) {
    const replyIds = new Set(identifiers(reply));
    for (let i = 0; i < spans.length; i++) {
      const found = identifiers(spans[i].w);
      if (found.length === 0 || found.some((id) => replyIds.has(id))) continue;
      const prev = i > 0 && !isWeak(spans[i - 1].w) && /^[\s#]*$/.test(customer.slice(spans[i - 1].end, spans[i].start)) ? i - 1 : i;
      return customer.slice(spans[prev].start, spans[i].end);
    }
  }
  const replyStems = new Set(contentStems(reply));
  let best: [number, number] | null = null;
  for (let i = 0; i < spans.length; i++) {
    let j = i;
    while (j < spans.length && j - i < 4 && /^[\s'’-]*$/.test(j > i ? customer.slice(spans[j - 1].end, spans[j].start) : '')) {
      const w = foldText(spans[j].w);
      if (isStopword(w) || w.length < 3 || /^\d/.test(w) || /['’]/.test(w) || replyStems.has(stem(w))) break;
      j++;
    }
    if (j > i && (!best || j - i > best[1] - best[0])) best = [i, j];
  }
  return best ? customer.slice(spans[best[0]].start, spans[best[1] - 1].end) : null;
}

/** The heart of the situation: up to 8 words of the clause richest in content words. */
export function situationQuote(customer: string): string {
  const all = clauses(customer);
  if (all.length === 0) return customer.trim().slice(0, 60);
  let best = all[0];
  let bestScore = -1;
  for (const c of all) {
    const score = Math.min(MAX_WORDS, contentStems(c.text).length);
    if (score > bestScore) { best = c; bestScore = score; }
  }
  const spans = wordSpans(best.text);
  // Skip a leading salutation or function words so the quote starts with substance.
  let from = 0;
  while (from < spans.length - 1 && from < spans.length - MAX_WORDS && isStopword(foldText(spans[from].w))) from++;
  return slice(best, spans, from, Math.min(spans.length, from + MAX_WORDS));
}
