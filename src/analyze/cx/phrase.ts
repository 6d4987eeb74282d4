/**
 * Evidence phrases: a lexicon match is often a fragment ("hold for", "semaine sans", "flight was")
 * that nobody would point at. phraseAround() grows it, inside its clause, to the content words that
 * complete it ("on hold for 2 hours", "3e semaine sans internet", "flight was awful"), so every
 * finding carries a short verbatim span a person can read on its own.
 */
import type { Token } from '../text.ts';
import { NUMBER_WORDS } from './canon.ts';
import type { Match } from './matcher.ts';
import type { CxScan } from './scan.ts';

/** Punctuation that ends a clause: evidence never crosses it. */
export const CLAUSE_END = /^[.,;:!?…()"«»|]$|^[!?.]+$/;
/** Words that open a new clause: evidence and reasons stop before them. */
export const CONNECTORS = new Set([
  'and', 'but', 'so', 'because', 'then', 'while', 'when', 'although', 'though', 'or', 'plus',
  'et', 'mais', 'donc', 'car', 'alors', 'puis', 'pis', 'parce', 'quand', 'lorsque', 'ou', 'sinon', 'pourtant',
]);
// Grammatical words (EN + FR): a phrase does not end on one ("hold for" -> "hold for 2 hours").
const FUNCTION = new Set([
  'the', 'a', 'an', 'of', 'to', 'for', 'on', 'in', 'at', 'with', 'by', 'from', 'is', 'was', 'are', 'were', 'be', 'been', 'being',
  'has', 'have', 'had', 'my', 'your', 'our', 'their', 'his', 'her', 'its', 'this', 'that', 'these', 'those', 'it', 'i', 'we',
  'you', 'they', 'he', 'she', 'me', 'us', 'them', 'am', 's', 're', 've', 'd', 'll', 'm', 'as', 'into', 'about', 'than', 'just',
  'get', 'got', 'still', 'very', 'so', 'too', 'any', 'some', 'all', 'no', 'not', 'without', 'over', 'up', 'out', 'off',
  'de', 'du', 'des', 'le', 'la', 'les', 'l', 'un', 'une', 'en', 'au', 'aux', 'sur', 'pour', 'par', 'avec', 'dans', 'sans',
  'est', 'a', 'ai', 'as', 'ont', 'été', 'ete', 'suis', 'sont', 'mon', 'ma', 'mes', 'ton', 'ta', 'tes', 'votre', 'vos', 'notre',
  'nos', 'son', 'sa', 'ses', 'leur', 'leurs', 'ce', 'cet', 'cette', 'ces', 'je', 'j', 'me', 'te', 't', 'se', 'il', 'elle', 'on',
  'nous', 'vous', 'ils', 'elles', 'qui', 'que', 'qu', 'ne', 'n', 'pas', 'y', 'c', 'd', 'toujours', 'très', 'tres', 'trop', 'plus',
  'depuis', 'chez', 'à', 'encore', 'aucun', 'aucune',
]);
// Words worth taking in on the left of a fragment: numbers, prepositions and negators that carry
// its meaning ("on hold", "no refund", "3e semaine", "sans réponse").
const LEFT = new Set(['on', 'in', 'no', 'not', 'never', 'zero', 'still', 'sans', 'pas', 'aucun', 'aucune', 'en', 'au', 'toujours', 'jamais', 'très', 'tres', 'trop', 'too', 'so', 'very']);

const isWord = (t: Token): boolean => /[\p{L}\d]/u.test(t.text);
const isNumber = (t: Token): boolean => /^\d/.test(t.norm) || NUMBER_WORDS.has(t.norm);
/** A token that carries meaning in a span: a number, or a word longer than one letter that is not a function word. */
export const isContent = (t: Token): boolean => isWord(t) && !FUNCTION.has(t.norm) && t.text.length > 1 || /^\d/.test(t.text);
const isStop = (t: Token): boolean => CLAUSE_END.test(t.text) || CONNECTORS.has(t.norm);
const isApostrophe = (t: Token): boolean => /^['’`ʼ]$/.test(t.text);

/** Token range [a, b] of `m` grown to a readable phrase within its clause (at most `reach` tokens each way). */
export function phraseRange(tokens: readonly Token[], m: Pick<Match, 'tokStart' | 'tokEnd'>, reach = 4): [number, number] {
  let a = m.tokStart;
  let b = m.tokEnd;
  // Right: take words until the phrase ends on a content word; a number takes its unit ("2 hours").
  while (b + 1 < tokens.length && b - m.tokEnd < reach && !isStop(tokens[b + 1]) && (!isContent(tokens[b]) || isNumber(tokens[b]))) b++;
  // Left: the number, preposition or negator just before ("on hold", "3e semaine").
  while (a > 0 && m.tokStart - a < 2 && !isStop(tokens[a - 1]) && (isNumber(tokens[a - 1]) || LEFT.has(tokens[a - 1].norm))) a--;
  // "3e": an ordinal suffix glued to its number ("3" + "e") comes with the number.
  const glued = (i: number): boolean => i > 0 && /^\d+$/.test(tokens[i - 1].text) && tokens[i - 1].end === tokens[i].start;
  if (a > 1 && !isStop(tokens[a - 1]) && glued(a - 1)) a -= 2;
  else if (glued(a)) a--;
  // Never end on a grammatical word or an apostrophe taken in above.
  while (b > m.tokEnd && (!isContent(tokens[b]) || isApostrophe(tokens[b])) && !isNumber(tokens[b])) b--;
  return [a, b];
}

/** `m` grown to a readable phrase (see phraseRange); the text stays a verbatim substring. */
export function phraseAround(scan: Pick<CxScan, 'text' | 'tokens'>, m: Match, reach = 4): Match {
  const [a, b] = phraseRange(scan.tokens, m, reach);
  if (a === m.tokStart && b === m.tokEnd) return m;
  const from = scan.tokens[a].start;
  const to = scan.tokens[b].end;
  return { ...m, tokStart: a, tokEnd: b, from, to, text: scan.text.slice(from, to) };
}

/**
 * Token range of the clause around `m`: out to the nearest punctuation or clause-opening
 * connector ("and", "mais"), so a span is a complete clause ("My flight was cancelled"), never a
 * cut ("My flight was cancelled and now I have"). A clause longer than `max` tokens is cut to
 * `max` around the match, and a cut end is pulled back to a content word.
 */
export function clauseRange(tokens: readonly Token[], m: Pick<Match, 'tokStart' | 'tokEnd'>, max = 14): [number, number] {
  let a = m.tokStart;
  let b = m.tokEnd;
  while (a > 0 && !isStop(tokens[a - 1])) a--;
  while (b + 1 < tokens.length && !isStop(tokens[b + 1])) b++;
  if (b - a + 1 > max) {
    const before = Math.max(0, Math.floor((max - (m.tokEnd - m.tokStart + 1)) / 3));
    a = Math.max(a, m.tokStart - before);
    b = Math.min(b, Math.max(m.tokEnd, a + max - 1));
    while (b > m.tokStart && !isContent(tokens[b])) b--;
  }
  // Never start on punctuation or an apostrophe; never end on an apostrophe.
  while (a < m.tokStart && (!isWord(tokens[a]) || CONNECTORS.has(tokens[a].norm))) a++;
  // Never start inside a contraction ("ve had" of "We've had"): take the word it belongs to.
  if (a >= 2 && isApostrophe(tokens[a - 1]) && tokens[a - 1].start === tokens[a - 2].end && tokens[a].start === tokens[a - 1].end) a -= 2;
  while (b > m.tokEnd && (isApostrophe(tokens[b]) || !isWord(tokens[b]))) b--;
  return [a, b];
}

/** The verbatim text of clauseRange(). */
export function clauseAround(text: string, tokens: readonly Token[], m: Pick<Match, 'tokStart' | 'tokEnd'>, max = 14): string {
  const [a, b] = clauseRange(tokens, m, max);
  return text.slice(tokens[a].start, tokens[b].end);
}
