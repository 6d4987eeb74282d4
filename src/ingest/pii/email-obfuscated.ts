import { regexRanges, type Detector, type Range } from './span.ts';

/**
 * E-mail addresses written to dodge scrapers: "jean [at] gmail [dot] com", "jean(at)gmail(dot)com",
 * "jean at gmail dot com", "jean arobase gmail point com", "jean @ gmail . com".
 * Bracketed markers, "arobase" and a spaced "@" are unambiguous. A bare "at" is ordinary English, so
 * that form must end in a common top-level domain and its local part must not be an everyday word
 * ("I am at amazon.com", "look at the point de vente" stay).
 */
const W = '[\\p{L}\\p{N}_%+\\-]+';
const OPEN = '[\\[({<]';
const CLOSE = '[\\])}>]';
const MARKED_AT = `\\s*${OPEN}\\s*(?:at|@|arobase)\\s*${CLOSE}\\s*|\\s+arobase\\s+|\\s+@\\s*|@\\s+`;
const WORD_AT = '\\s+at\\s+';
const DOT = `\\s*${OPEN}\\s*(?:dot|point|\\.)\\s*${CLOSE}\\s*|\\s+(?:dot|point)\\s+|\\s+\\.\\s*|\\.\\s+|\\.`;
/** In the bare-"at" form a literal dot must be tight ("gmail.com"): "at home. Com…" is prose. */
const WORD_DOT = `\\s*${OPEN}\\s*(?:dot|point|\\.)\\s*${CLOSE}\\s*|\\s+(?:dot|point)\\s+|\\.`;
/** A further label after the candidate top-level domain means the domain goes on ("co [dot] uk"). */
const MORE = `(?!\\s*${OPEN}\\s*(?:dot|point)\\s*${CLOSE}\\s*${W}|\\s+(?:dot|point)\\s+${W}|\\.[\\p{L}\\p{N}])`;
const ANY_TLD =
  'com|fr|net|org|be|ch|ca|uk|co|io|eu|lu|ma|tn|sn|ci|dz|de|es|it|nl|pt|info|biz|me|us|gouv|edu|gov|mc|re|qc|cm|ml|bf|ne|tg|bj|ga|cd|cg|mg|mu|ht';
const COMMON_TLD = 'com|fr|net|org|ch|uk|io|eu|lu|info';
/** Local part: words joined by dots, the dots possibly obfuscated ("marie dot curie"). */
const LOCAL = `${W}(?:(?:${OPEN}\\s*(?:dot|point)\\s*${CLOSE}|\\s+(?:dot|point)\\s+|\\.)${W})*`;
const START = '(?<![\\p{L}\\p{N}._%+\\-])';
const END = '(?![\\p{L}\\p{N}_\\-])';
const MARKED_RE = new RegExp(`${START}${LOCAL}(?:${MARKED_AT})${W}(?:(?:${DOT})${W})*?(?:${DOT})(?:${ANY_TLD})${MORE}${END}`, 'giu');
const WORD_RE = new RegExp(`${START}(${LOCAL})${WORD_AT}${W}(?:(?:${WORD_DOT})${W})*?(?:${WORD_DOT})(?:${COMMON_TLD})${MORE}${END}`, 'giu');

/** Everyday words that precede a bare "at" in prose; never the local part of an address. */
const NOT_LOCAL = new Set(
  ('i am is are was were be been being me us him her them you it we they he she this that there here who what ' +
    'look looking looked shop shopped shopping buy bought order ordered work works worked working available ' +
    'sold sell listed online only price cheaper deal deals sign signed log logged live lives lived stay ' +
    'arrive arrived arriving staff team people job jobs visit visited account email mail website site').split(' '),
);

/** True when the match uses something other than plain "@" and "." (the plain form belongs to email.ts). */
function isObfuscated(m: string): boolean {
  return !/^[^\s@]+@[^\s@]+$/.test(m);
}

/** Finds obfuscated e-mail addresses. */
export const obfuscatedEmailDetector: Detector = {
  kind: 'EMAIL',
  find: (text) => {
    if (!/@|(?<![\p{L}])(?:at|arobase)(?![\p{L}])/iu.test(text)) return [];
    const marked = regexRanges(text, MARKED_RE, (m) => (isObfuscated(m[0]) ? [m.index, m.index + m[0].length] : null));
    const worded = regexRanges(text, WORD_RE, (m) => (NOT_LOCAL.has(m[1].toLowerCase()) ? null : [m.index, m.index + m[0].length]));
    // Keep the marked matches, and the bare-"at" ones that do not overlap them.
    const out: Range[] = [...marked];
    for (const r of worded) if (!marked.some((k) => k[0] < r[1] && r[0] < k[1])) out.push(r);
    return out.sort((a, b) => a[0] - b[0]);
  },
};
