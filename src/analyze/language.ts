/**
 * Language identification. Non-Latin scripts are decided by script; Latin text by a character
 * 1–3-gram naive Bayes model for French vs English (Cavnar & Trenkle 1994; Dunning 1994, trained by
 * scripts/train.ts), with function-word counts for Spanish, German, Italian, Portuguese and Dutch.
 * Returns "und" when there are too few letters to tell.
 */
import type { CompiledModel } from './compiled.ts';

const URL_RE = /\bhttps?:\/\/\S+|\bwww\.\S+|\S+@\S+\.\S+/gu;
const HANDLE_RE = /[@#](\w+)/gu;
const WORD_RE = /\p{L}+/gu;

const SCRIPTS: [RegExp, string][] = [
  [/[\u3040-\u30ff]/u, 'ja'], [/[\uac00-\ud7af]/u, 'ko'], [/[\u4e00-\u9fff]/u, 'zh'], [/[\u0400-\u04ff]/u, 'ru'],
  [/[\u0600-\u06ff]/u, 'ar'], [/[\u0590-\u05ff]/u, 'he'], [/[\u0370-\u03ff]/u, 'el'], [/[\u0e00-\u0e7f]/u, 'th'],
  [/[\u0900-\u097f]/u, 'hi'],
];

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

/** Character 1–3-grams of padded words (accents kept: they are strong French evidence). */
export function langNgrams(words: string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    const p = ' ' + w + ' ';
    for (let i = 0; i < p.length; i++) {
      if (p[i] !== ' ') out.push(p[i]);
      if (i + 2 <= p.length) out.push(p.slice(i, i + 2));
      if (i + 3 <= p.length) out.push(p.slice(i, i + 3));
    }
  }
  return out;
}

/** ISO 639-1 code of the text's language, or "und". */
export function detectLanguage(text: string, cm: CompiledModel): string {
  const words = langWords(text);
  let letters = 0;
  for (const w of words) letters += w.length;
  if (letters < 3) return 'und';
  const sample = words.join(' ');
  for (const [re, code] of SCRIPTS) {
    const m = sample.match(new RegExp(re.source, 'gu'));
    if (m && m.length * 2 >= letters * 0.5) return code;
  }
  if (!/[a-zà-ÿ]/u.test(sample)) return 'und';
  const hits: Record<string, number> = {};
  for (const [lang, set] of Object.entries(FUNCTION_WORDS)) {
    let c = 0;
    for (const w of words) if (set.has(w)) c++;
    hits[lang] = c;
  }
  const frEn = Math.max(hits.fr, hits.en);
  let other = '';
  for (const lang of ['es', 'de', 'it', 'pt', 'nl']) {
    if (hits[lang] >= 2 && hits[lang] > frEn + 1 && (!other || hits[lang] > hits[other])) other = lang;
  }
  if (other) return other;
  const { labels, index, logp, unseen } = cm.lang;
  const k = labels.length;
  const score = labels.map(() => 0);
  for (const g of langNgrams(words)) {
    const i = index.get(g);
    for (let j = 0; j < k; j++) score[j] += i === undefined ? unseen[j] : logp[i * k + j];
  }
  let best = 0;
  for (let j = 1; j < k; j++) if (score[j] > score[best]) best = j;
  return labels[best];
}
