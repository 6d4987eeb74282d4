/**
 * Evidence spans: the clause around the words that triggered a finding, copied verbatim from the
 * input (a slice between token offsets), at most a dozen tokens so a person can point at it.
 */
import type { Token } from './text.ts';

const HARD_BREAK = /^[.!?;…]+$/u;
const SOFT_BREAK = /^[,:()«»"–—]$/u;

/** Verbatim clause around tokens [from, to] (inclusive), trimmed to `maxTokens` around them. */
export function clauseSpan(text: string, tokens: Token[], from: number, to: number, maxTokens = 12): string | null {
  if (from < 0 || from >= tokens.length) return null;
  to = Math.min(Math.max(to, from), tokens.length - 1);
  const isBreak = (i: number, soft: boolean) => {
    const t = tokens[i].text;
    return HARD_BREAK.test(t) || (soft && SOFT_BREAK.test(t));
  };
  const newlineBetween = (a: number, b: number) => text.slice(tokens[a].end, tokens[b].start).includes('\n');
  const bounds = (soft: boolean): [number, number] => {
    let a = from;
    while (a > 0 && !isBreak(a - 1, soft) && !newlineBetween(a - 1, a)) a--;
    let b = to;
    while (b < tokens.length - 1 && !isBreak(b + 1, soft) && !newlineBetween(b, b + 1)) b++;
    return [a, b];
  };
  let [a, b] = bounds(false);
  if (b - a + 1 > maxTokens) [a, b] = bounds(true);
  const spare = Math.max(0, maxTokens - (to - from + 1));
  if (b - a + 1 > maxTokens) {
    const left = Math.floor(spare / 2);
    a = Math.max(a, from - left);
    b = Math.min(b, to + (spare - (from - a)));
  }
  // Do not start or end on punctuation.
  while (a < from && !/[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(tokens[a].text)) a++;
  while (b > to && !/[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(tokens[b].text)) b--;
  const span = text.slice(tokens[a].start, tokens[b].end).trim();
  return span.length > 0 ? span : null;
}
