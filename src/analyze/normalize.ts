/**
 * Word normalisation shared by training and analysis: French elisions expanded ("j'" -> "je"),
 * English contractions folded ("don't" -> "dont"), SMS / Québec spellings mapped to standard forms
 * ("jsuis" -> "je suis", "pkoi" -> "pourquoi"), and negation scope marked.
 *
 * Negation scope follows Das & Chen (2001) / Pang et al. (2002): words after a negator, up to the
 * next punctuation or three words, are marked negated.
 */
import { APOSTROPHES as APOS, type Token } from './text.ts';
import { expandShorthand } from './shorthand.ts';

/** A normalised word pointing back at the token it came from (for evidence spans). */
export interface Word {
  /** Folded, normalised form. */
  w: string;
  /** Index of the source token. */
  tok: number;
  /** Inside a negation scope. */
  neg: boolean;
  /** The source token was written in capitals (emphasis). */
  caps: boolean;
  /** Punctuation run ("!", "?") or emoji, not a word. */
  sym: boolean;
}

const FR_ELISION: Readonly<Record<string, string>> = {
  l: 'le', j: 'je', d: 'de', c: 'ce', n: 'ne', m: 'me', s: 'se', t: 'te', qu: 'que',
  jusqu: 'jusque', lorsqu: 'lorsque', puisqu: 'puisque', quoiqu: 'quoique',
};

/** The full form of a French elided word ("j" -> "je", "qu" -> "que"), or undefined. Shared with cx/canon.ts. */
export function frenchElision(norm: string): string | undefined {
  return Object.hasOwn(FR_ELISION, norm) ? FR_ELISION[norm] : undefined;
}
const EN_CLITIC = new Set(['t', 's', 're', 've', 'll', 'd', 'm']);

const EN_NEG = new Set([
  'not', 'no', 'never', 'nothing', 'nobody', 'none', 'neither', 'nor', 'without', 'cannot', 'nope', 'nowhere',
  'dont', 'didnt', 'doesnt', 'isnt', 'wasnt', 'arent', 'werent', 'cant', 'couldnt', 'wont', 'wouldnt', 'shouldnt',
  'havent', 'hasnt', 'hadnt', 'aint', 'mustnt', 'neednt', 'hardly', 'barely',
]);
const FR_NEG = new Set(['ne', 'pas', 'jamais', 'rien', 'aucun', 'aucune', 'sans', 'ni', 'nullement', 'guere']);

/** True for a negator word in French or English. */
export function isNegator(w: string): boolean {
  return EN_NEG.has(w) || FR_NEG.has(w);
}

const SCOPE_BREAK = new Set(['.', ',', ';', ':', '!', '?', '\n', '(', ')', '«', '»', '"', '…', '-', '–', '—']);
const LETTER = /^[\p{L}\p{M}]+$/u;
const DIGIT = /^\d/;
const PICTO = /\p{Extended_Pictographic}/u;
const BUT_WORDS = new Set(['but', 'however', 'mais', 'cependant', 'pourtant', 'neanmoins', 'toutefois']);

const EYES = new Set([':', ';', '=']);
const MOUTHS = new Set([')', '(', 'd', 'p', '/', '|']);

/** Text emoticons (":)", ":-(", ";D", "<3") written as adjacent tokens, normalised to one symbol. */
function emoticonAt(tokens: readonly Token[], i: number): { face: string; len: number } | null {
  const a = tokens[i];
  const b = tokens[i + 1];
  if (!b || b.start !== a.end) return null;
  if (a.text === '<' && b.text === '3') return { face: '<3', len: 2 };
  if (!EYES.has(a.text)) return null;
  let j = i + 1;
  let nose = '';
  if ((tokens[j].text === '-' || tokens[j].text === "'") && tokens[j + 1]?.start === tokens[j].end) { nose = tokens[j].text; j++; }
  const m = tokens[j];
  if (!m || !MOUTHS.has(m.norm) || m.text.length !== 1) return null;
  // "http://..." is not ":/", and a letter mouth must not start a word (":Dans" is not ":D").
  if (m.text === '/' && tokens[j + 1]?.start === m.end) return null;
  if (/\p{L}/u.test(m.text) && tokens[j + 1]?.start === m.end && /\p{L}/u.test(tokens[j + 1].text)) return null;
  const eyes = a.text === '=' ? ':' : a.text;
  return { face: eyes + (nose === "'" ? "'" : '') + m.norm, len: j - i + 1 };
}

/**
 * Normalises tokens into words with negation scope. Never throws. Shorthand is spelled out first
 * (shorthand.ts; `lang` "fr" or "en" limits it to that language's forms); each word's `tok` is
 * the index of its token in `input`.
 */
export function toWords(input: Token[], lang?: string, maxTokens = 4000): Word[] {
  const { tokens, src } = expandShorthand(input.length > maxTokens ? input.slice(0, maxTokens) : input, lang);
  const out: Word[] = [];
  const n = tokens.length;
  let scope = 0;
  const push = (w: string, at: number, caps: boolean, sym = false) => {
    out.push({ w, tok: src[at], neg: scope > 0 && !isNegator(w), caps, sym });
    if (isNegator(w)) scope = 3;
    else if (scope > 0) scope--;
  };
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const norm = t.norm;
    const emoticon = emoticonAt(tokens, i);
    if (emoticon) {
      push(emoticon.face, i, false, true);
      i += emoticon.len - 1;
      continue;
    }
    if (LETTER.test(norm)) {
      const caps = t.text.length > 1 && t.text === t.text.toUpperCase() && t.text !== t.text.toLowerCase();
      const next = tokens[i + 1];
      const after = tokens[i + 2];
      if (next && after && APOS.has(next.text) && next.start === t.end && LETTER.test(after.norm)) {
        const full = frenchElision(norm);
        if (full !== undefined) {
          push(full, i, caps);
          i += 1; // the apostrophe; the next word is processed normally
          continue;
        }
        if (EN_CLITIC.has(after.norm)) {
          push(after.norm === 't' ? norm + 't' : norm, i, caps);
          i += 2;
          continue;
        }
        push(norm + after.norm, i, caps);
        i += 2;
        continue;
      }
      push(norm, i, caps);
    } else if (DIGIT.test(norm)) {
      push('#num', i, false);
    } else if (PICTO.test(t.text)) {
      push(t.text, i, false, true);
    } else if (norm[0] === '!' || norm[0] === '?') {
      push(norm[0], i, false, true);
      scope = 0;
    } else if (SCOPE_BREAK.has(norm)) {
      scope = 0;
    }
  }
  return out;
}

/** Index of the first word after the last contrastive conjunction ("mais", "but"), or -1. */
export function lastContrast(words: Word[]): number {
  for (let i = words.length - 1; i > 0; i--) if (BUT_WORDS.has(words[i].w)) return i;
  return -1;
}
