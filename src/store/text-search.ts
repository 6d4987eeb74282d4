import { fold } from '../core/fold.ts';

/**
 * What a `q` asks for, once folded: the one place that decides how a term matches, so that both stores
 * give the same answer.
 *
 * - `substring`: the term anywhere in the text (case and accents ignored). Terms of 3+ characters go
 *   through a trigram index; shorter ones, outside customer searches, through a scan.
 * - `word-start`: some word of the text starts with the term. Only for a 2-letter term (two letters or
 *   digits) among customer messages: such a term has no trigram, so a substring search would read every
 *   filtered message (0.4–0.9 s on a million), while the customer word indexes (migrations 015, 017) answer
 *   it directly. "ab" finds "abîmé" and "l'abonnement", no longer "tabac".
 */
export interface TextSearch {
  /** The trimmed term, folded as messages.search_text is (lowercase, no diacritics). */
  text: string;
  match: 'substring' | 'word-start';
  /** True: only customer messages are searched, so the customer-only indexes (migrations 015, 017, 018) apply. */
  customers: boolean;
}

const WORD_PREFIX = /^[\p{L}\p{N}]{2}$/u;
/** Three letters or digits in a row: what pg_trgm needs to extract a trigram from a LIKE pattern. */
const TRIGRAM = /[\p{L}\p{N}]{3}/u;

/** True when a trigram index (pg_trgm) can serve a substring search for `text`. */
export function hasTrigram(text: string): boolean {
  return TRIGRAM.test(text);
}

/** The search asked by `q` (null when there is none), among customer messages or all of them. */
export function textSearch(q: string | undefined, customerOnly: boolean): TextSearch | null {
  const trimmed = q?.trim() ?? '';
  if (trimmed === '') return null;
  const text = fold(trimmed);
  const match = customerOnly && WORD_PREFIX.test(text) ? 'word-start' : 'substring';
  return { text, match, customers: customerOnly };
}
