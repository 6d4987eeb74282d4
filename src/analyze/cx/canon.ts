/**
 * Canonical token stream for the CX matchers. Customer messages are written fast: elisions
 * ("j'ai"), missing apostrophes ("jai", "didnt"), SMS spelling ("jsuis", "c nul", "pkoi", "jveux")
 * and ordinals glued to digits ("3e", "4th"). Patterns and texts go through this same function,
 * so a lexicon author writes "je suis" once and it matches every spelling above. Each canonical
 * token remembers the original token it came from, so evidence spans stay verbatim.
 */
import type { Token } from '../text.ts';

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

const APOSTROPHES = new Set(["'", '’', '`', 'ʼ']);
const CLAUSE_STOPS = new Set(['.', ',', ';', ':', '!', '?', '(', ')', '«', '»', '"', '…', '–', '—', '/']);

// French elided articles/pronouns: "j'ai" -> "je ai", so patterns need one spelling only.
const FR_ELISION: Record<string, string> = {
  j: 'je', l: 'le', d: 'de', n: 'ne', m: 'me', t: 'te', s: 'se', qu: 'que', c: 'ce', jusqu: 'jusque', lorsqu: 'lorsque', puisqu: 'puisque',
};

// French SMS and spoken forms seen in chats and Québec French ("chu", "pis").
const FR_SMS: Record<string, string> = {
  jsuis: 'je suis', chui: 'je suis', chuis: 'je suis', jai: 'je ai', jveux: 'je veux', jvais: 'je vais',
  jpeux: 'je peux', jsais: 'je sais', jcomprends: 'je comprends', jpense: 'je pense', jpars: 'je pars',
  chu: 'je suis', pkoi: 'pourquoi', pq: 'pourquoi', pk: 'pourquoi', pourkoi: 'pourquoi', koi: 'quoi',
  bcp: 'beaucoup', tjrs: 'toujours', tjs: 'toujours', pcq: 'parce que', pck: 'parce que', psk: 'parce que',
  qd: 'quand', mm: 'meme', rdv: 'rendez vous', svp: 'sil vous plait', stp: 'sil te plait', ajd: 'aujourd hui',
  auj: 'aujourd hui', slt: 'salut', dsl: 'desole', tt: 'tout', ds: 'dans', vs: 'vous', ya: 'il y a',
  cest: 'ce est', jen: 'je en', jme: 'je me', jte: 'je te', jle: 'je le', jla: 'je la', jy: 'je y',
  pis: 'puis', icitte: 'ici', bjr: 'bonjour', bsr: 'bonsoir', cc: 'coucou', pr: 'pour', jcrois: 'je crois',
};

// English contractions without apostrophe ("didnt", "im") and chat shorthand.
const EN_SMS: Record<string, string> = {
  im: 'i m', ive: 'i ve', dont: 'don t', didnt: 'didn t', doesnt: 'doesn t',
  cant: 'can t', wont: 'won t', isnt: 'isn t', wasnt: 'wasn t', arent: 'aren t', werent: 'weren t',
  havent: 'haven t', hasnt: 'hasn t', hadnt: 'hadn t', couldnt: 'couldn t', shouldnt: 'shouldn t',
  wouldnt: 'wouldn t', youre: 'you re', theyre: 'they re', thats: 'that s', whats: 'what s', u: 'you',
  ur: 'your', pls: 'please', plz: 'please', thx: 'thanks', thks: 'thanks', ty: 'thank you', r: 'are',
  cuz: 'because', coz: 'because', bc: 'because', b4: 'before', hrs: 'hours', hr: 'hour', mins: 'minutes',
  min: 'minutes', wk: 'week', wks: 'weeks', yr: 'year', yrs: 'years', gonna: 'going to', wanna: 'want to',
  cancelled: 'cancelled', canceled: 'cancelled', cancelling: 'cancelling', canceling: 'cancelling',
};

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

function expand(norm: string, lang: CxLang | null, next: Token | undefined, cur: Token): string[] {
  if (lang !== 'en') {
    // "c nul", "c pas normal": a bare "c" not followed by an apostrophe is SMS for "c'est".
    if (norm === 'c' && !(next && APOSTROPHES.has(next.text) && next.start === cur.end)) return ['ce', 'est'];
    if (FR_ELISION[norm] && next && APOSTROPHES.has(next.text)) return [FR_ELISION[norm]];
    const sms = FR_SMS[norm];
    if (sms) return sms.split(' ');
  }
  if (lang !== 'fr') {
    const sms = EN_SMS[norm];
    if (sms) return sms.split(' ');
  }
  return [norm];
}

/**
 * Builds the canonical stream for `tokens` (from tokenize()). Apostrophes disappear, elisions and
 * SMS forms expand, and "3" + "e" written together merge into one ordinal number token.
 */
export function canonicalize(tokens: readonly Token[], lang: CxLang | null): CanonToken[] {
  const out: CanonToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (APOSTROPHES.has(t.text) || t.norm === '-' || t.norm === '@' || t.norm === '#') continue;
    if (DIGITS.test(t.norm)) {
      const n = tokens[i + 1];
      // "3e", "4th", "1er": the suffix belongs to the number.
      const glued = n !== undefined && n.start === t.end && ORDINAL_SUFFIX.has(n.norm);
      out.push({ norm: t.norm, src: i, srcEnd: glued ? i + 1 : i, num: true, stop: false });
      if (glued) i++;
      continue;
    }
    if (/^[!?]+$/.test(t.norm)) {
      out.push({ norm: t.norm[0], src: i, srcEnd: i, num: false, stop: true });
      continue;
    }
    for (const part of expand(t.norm, lang, tokens[i + 1], t)) {
      out.push({ norm: part, src: i, srcEnd: i, num: NUMBER_WORDS.has(part), stop: CLAUSE_STOPS.has(part) });
    }
  }
  return out;
}
