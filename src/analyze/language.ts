/**
 * Language identification. Non-Latin scripts are decided by script; Latin text by a character
 * 1–3-gram naive Bayes model for French vs English (Cavnar & Trenkle 1994; Dunning 1994, trained by
 * scripts/train.ts) plus whole words, with function-word counts for Spanish, German, Italian,
 * Portuguese and Dutch.
 * Returns "und" when there are too few letters to tell.
 */
import type { CompiledModel } from './compiled.ts';

const URL_RE = /\bhttps?:\/\/\S+|\bwww\.\S+|\S+@\S+\.\S+/gu;
const HANDLE_RE = /[@#](\w+)/gu;
const WORD_RE = /\p{L}+/gu;

const FUNCTION_WORDS: Record<string, Set<string>> = {
  fr: new Set('le la les des est et je vous nous une pas que qui pour dans avec sur ce il elle mais très au du ne'.split(' ')),
  en: new Set('the and is are you to of in it for that this was with not my on have be at your they we'.split(' ')),
  es: new Set('el los las es y que no por para con una muy pero está del lo se gracias hola está estoy'.split(' ')),
  de: new Set('der die das und ist ich nicht ein eine mit zu den von auf für sie wir es auch sehr'.split(' ')),
  it: new Set('il lo gli è e che non per con una sono molto ma della del di mi ho questo grazie'.split(' ')),
  pt: new Set('o os as é e que não por para com uma muito mas do da em um eu está obrigado você'.split(' ')),
  nl: new Set('de het een en is ik niet van op te dat met voor zijn ook maar je wij zeer bedankt'.split(' ')),
};

/** Cleans text for language identification: drops URLs, e-mails and @/# markers, lowercases. */
export function langWords(text: string, maxChars = 2000): string[] {
  const t = text.slice(0, maxChars).replace(URL_RE, ' ').replace(HANDLE_RE, (_m, w: string) => (/^user$/i.test(w) ? ' ' : ' ' + w));
  return Array.from(t.toLowerCase().matchAll(WORD_RE), (m) => m[0]);
}

/** Prefix of a whole-word entry among the n-grams ("=quiet"); "=" never occurs inside a word. */
export const WORD_GRAM = '=';

/**
 * Visits the character 1–3-grams of padded words in order, then the word itself (training and
 * scoring read the same grams). Whole words carry what short messages lack in grams: "Relax.",
 * "Be quiet!" and "Excuse me?" are made of letters common to both languages, not of words.
 */
function eachNgram(words: readonly string[], visit: (gram: string, isWord: boolean) => void): void {
  for (const w of words) {
    const p = ' ' + w + ' ';
    for (let i = 0; i < p.length; i++) {
      if (p[i] !== ' ') visit(p[i], false);
      if (i + 2 <= p.length) visit(p.slice(i, i + 2), false);
      if (i + 3 <= p.length) visit(p.slice(i, i + 3), false);
    }
    visit(WORD_GRAM + w, true);
  }
}

/** Character 1–3-grams of padded words (accents kept: they are strong French evidence) and the words. */
export function langNgrams(words: string[]): string[] {
  const out: string[] = [];
  eachNgram(words, (g) => out.push(g));
  return out;
}

function scriptOf(code: number): string | null {
  if (code < 0x370) return null;
  if (code >= 0x3040 && code <= 0x30ff) return 'ja';
  if (code >= 0xac00 && code <= 0xd7af) return 'ko';
  if (code >= 0x4e00 && code <= 0x9fff) return 'zh';
  if (code >= 0x0400 && code <= 0x04ff) return 'ru';
  if (code >= 0x0600 && code <= 0x06ff) return 'ar';
  if (code >= 0x0590 && code <= 0x05ff) return 'he';
  if (code >= 0x0370 && code <= 0x03ff) return 'el';
  if (code >= 0x0e00 && code <= 0x0e7f) return 'th';
  if (code >= 0x0900 && code <= 0x097f) return 'hi';
  return null;
}

/**
 * Per-gram probability above which a whole word counts as common French or English (about one word
 * in 800): "de", "en", "te", "non", "es" then say nothing for Dutch, Italian or Spanish, whose
 * function words they also are ("plus de 8 millions en voirie" was read as Dutch).
 */
const COMMON_WORD_LOGP = Math.log(1e-4);

function isCommonFrEn(w: string, cm: CompiledModel): boolean {
  const { index, logp, labels, wordWeight } = cm.lang;
  if (wordWeight === 0) return false;
  const i = index.get(WORD_GRAM + w);
  if (i === undefined) return false;
  for (let j = 0; j < labels.length; j++) if (logp[i * labels.length + j] > COMMON_WORD_LOGP) return true;
  return false;
}

/**
 * Log-odds (natural log) given to the preferred language of detectLanguage(): 9 to 1 for it. The
 * naive Bayes scores of a sentence are usually tens of nats apart; within 2.2 lie short messages
 * whose words both languages have ("Facture incorrecte"). Measured on training-validation lines
 * with the wrong preference, it costs 0.2 % of English subtitle lines and 0.04 % of GoEmotions.
 */
export const PRIOR_LOG_ODDS = Math.log(9);

/** Memoised words kept at most; past it the memo starts afresh (bounded memory on any input). */
const MAX_MEMO_WORDS = 50_000;

/** One word's naive Bayes log-scores per language: its padded 1–3-grams and the word itself. */
function wordScores(word: string, cm: CompiledModel): Float64Array {
  const { labels, index, logp, unseen, wordWeight, wordScores: memo } = cm.lang;
  const hit = memo.get(word);
  if (hit) return hit;
  const k = labels.length;
  const score = new Float64Array(k);
  eachNgram([word], (g, isWord) => {
    const i = index.get(g);
    // An unknown word says nothing (names, typos); an unknown gram is rare in both languages.
    if (i === undefined) { if (!isWord) for (let j = 0; j < k; j++) score[j] += unseen[j]; }
    else {
      const w = isWord ? wordWeight : 1;
      for (let j = 0; j < k; j++) score[j] += w * logp[i * k + j];
    }
  });
  if (memo.size >= MAX_MEMO_WORDS) memo.clear();
  memo.set(word, score);
  return score;
}

/**
 * ISO 639-1 code of the text's language, or "und". Looks at the first 600 characters. `prior` (a
 * workspace's language, French or English) is a prior: it decides messages that could be either,
 * never one whose words say otherwise.
 */
export function detectLanguage(text: string, cm: CompiledModel, prior?: string): string {
  const words = langWords(text, 600);
  let letters = 0;
  let latin = 0;
  const scripts = new Map<string, number>();
  for (const w of words) {
    letters += w.length;
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      const sc = scriptOf(c);
      if (sc) scripts.set(sc, (scripts.get(sc) ?? 0) + 1);
      else if (c < 0x250) latin++;
    }
  }
  if (letters < 3) return 'und';
  let bestScript = '';
  let bestCount = 0;
  for (const [sc, c] of scripts) if (c > bestCount) { bestScript = sc; bestCount = c; }
  if (bestCount > latin) return bestScript;
  if (latin < 3) return 'und';
  const hits: Record<string, number> = {};
  for (const [lang, set] of Object.entries(FUNCTION_WORDS)) {
    let c = 0;
    const own = lang === 'fr' || lang === 'en';
    for (const w of words) if (set.has(w) && (own || !isCommonFrEn(w, cm))) c++;
    hits[lang] = c;
  }
  const frEn = Math.max(hits.fr, hits.en);
  let other = '';
  for (const lang of ['es', 'de', 'it', 'pt', 'nl']) {
    if (hits[lang] >= 2 && hits[lang] > frEn + 1 && (!other || hits[lang] > hits[other])) other = lang;
  }
  if (other) return other;
  const k = cm.lang.labels.length;
  const score = new Float64Array(k);
  for (const w of words) {
    const ws = wordScores(w, cm);
    for (let j = 0; j < k; j++) score[j] += ws[j];
  }
  const { labels } = cm.lang;
  const preferred = prior ? labels.indexOf(prior) : -1;
  if (preferred >= 0) score[preferred] += PRIOR_LOG_ODDS;
  let best = 0;
  for (let j = 1; j < k; j++) if (score[j] > score[best]) best = j;
  return labels[best];
}
