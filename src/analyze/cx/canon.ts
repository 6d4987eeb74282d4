/**
 * Canonical token stream for the CX matchers. Customer messages are written fast: elisions
 * ("j'ai"), missing apostrophes ("jai", "didnt"), SMS spelling ("jsuis", "c nul", "pkoi", "jveux")
 * and ordinals glued to digits ("3e", "4th"). Patterns and texts go through this same function,
 * so a lexicon author writes "je suis" once and it matches every spelling above. Each canonical
 * token remembers the original token it came from, so evidence spans stay verbatim.
 */
import { frenchElision } from '../normalize.ts';
import { expandShorthand } from '../shorthand.ts';
import { APOSTROPHES, type Token } from '../text.ts';

/** One canonical token: its normalized form and the index of the source token in `tokens`. */
export interface CanonToken {
  norm: string;
  src: number;
  /** Index of the last source token covered (differs from src for "3e" -> one ordinal). */
  srcEnd: number;
  /** True for digits, number words and ordinals ("3", "trois", "3e", "third"). */
  num: boolean;
  /** True for punctuation that ends a clause (used for negation scope and reasons). */
  stop: boolean;
}

/** Languages whose spelling rules we know; anything else gets both. */
export type CxLang = 'fr' | 'en';

const CLAUSE_STOPS = new Set(['.', ',', ';', ':', '!', '?', '(', ')', '«', '»', '"', '…', '–', '—', '/']);

const ORDINAL_SUFFIX = new Set(['e', 'eme', 'er', 'ere', 'th', 'st', 'nd', 'rd', 'ieme']);

/** Number words (cardinal and ordinal, French and English) that count as `#` in patterns. */
export const NUMBER_WORDS = new Set([
  'un', 'une', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze',
  'quinze', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante', 'cent', 'mille',
  'premiere', 'premier', 'deuxieme', 'second', 'seconde', 'troisieme', 'quatrieme', 'cinquieme', 'dixieme',
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'fifteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred',
  'nineteen', 'eighteen', 'seventeen', 'sixteen', 'fourteen', 'thirteen', 'first', 'third', 'fourth',
  'fifth', 'sixth', 'tenth', 'couple', 'several', 'plusieurs',
]);

const DIGITS = /^\d/;

/** A word's canonical form: a French elision spelled out ("j'ai" -> "je ai"), else the word. */
function canonWord(norm: string, lang: CxLang | null, next: Token | undefined): string {
  // Elisions spelled out, so patterns need one spelling only. Other apostrophes just disappear
  // ("don't" -> "don t"), which is also how the shorthand "dont" is spelled out.
  const full = lang !== 'en' && next && APOSTROPHES.has(next.text) ? frenchElision(norm) : undefined;
  return full ?? norm;
}

/**
 * Builds the canonical stream for `input` (from tokenize()). Apostrophes disappear, elisions and
 * shorthand expand, and "3" + "e" written together merge into one ordinal number token.
 */
export function canonicalize(input: readonly Token[], lang: CxLang | null): CanonToken[] {
  // Shorthand ("jsuis", "svp", "didnt") is spelled out first (../shorthand.ts), as the words layer does.
  const { tokens, src } = expandShorthand(input, lang);
  const out: CanonToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (APOSTROPHES.has(t.text) || t.norm === '-' || t.norm === '@' || t.norm === '#') continue;
    if (DIGITS.test(t.norm)) {
      const n = tokens[i + 1];
      // "3e", "4th", "1er": the suffix belongs to the number.
      const glued = n !== undefined && n.start === t.end && ORDINAL_SUFFIX.has(n.norm);
      out.push({ norm: t.norm, src: src[i], srcEnd: src[glued ? i + 1 : i], num: true, stop: false });
      if (glued) i++;
      continue;
    }
    if (/^[!?]+$/.test(t.norm)) {
      out.push({ norm: t.norm[0], src: src[i], srcEnd: src[i], num: false, stop: true });
      continue;
    }
    const norm = canonWord(t.norm, lang, tokens[i + 1]);
    out.push({ norm, src: src[i], srcEnd: src[i], num: NUMBER_WORDS.has(norm), stop: CLAUSE_STOPS.has(norm) });
  }
  return out;
}
