/**
 * Text units the coach compares between a customer's message and a reply: folded words, crude
 * stems, content words, numbers and identifiers, sentences, and a French/English guess. Kept here
 * (not src/analyze) because the coach must stay usable without the 10 MB analysis model.
 */
import type { CoachLang } from './coach-model.ts';

const DIACRITICS = /[\u0300-\u036f]/g;

/** Lowercase without diacritics, typographic apostrophes made plain: "Déçu’" -> "decu'". */
export function foldText(s: string): string {
  return s.toLowerCase().normalize('NFD').replace(DIACRITICS, '').replace(/[’‘`ʼ]/g, "'");
}

/** Folded word tokens; elisions split ("j'ai" -> "j", "ai") so French and English share one tokenizer. */
export function wordsOf(s: string): string[] {
  return foldText(s).match(/[a-z]+|\d+(?:[.,:]\d+)*/g) ?? [];
}

// Function words of both languages: never evidence of personalization.
const STOP = new Set(`a an the and or but if of to in on at by for with from as is are was were be been being am do does did
have has had i me my we us our you your yours he she it its they them their this that these those there here what which who
whom when where why how not no yes so too very can could will would shall should may might must just also only than then
now all any some more most other such own same about into over after before again once up down out off under further
because since while ll re ve hi hello dear thanks thank please sorry regards kind best team customer service get got let lets im ive youre thats dont
le la les l un une des du de d et ou mais si en au aux a ce cet cette ces se s sa son ses je j tu te t il elle on nous vous ils
elles leur leurs mon ma mes ton ta tes notre nos votre vos y n ne pas plus moins que qu qui quoi dont ou est sont etait ete etre
avoir ai as avons avez ont fait faire pour par avec sans sur sous dans chez entre vers comme tres bien tout tous toute toutes
aussi encore deja bonjour bonsoir merci madame monsieur cordialement desole desolee service client clients equipe m me`.split(/\s+/));

/** True for a function word (French or English) or a salutation. */
export function isStopword(w: string): boolean {
  return STOP.has(w);
}

/**
 * A crude bilingual stem: the first 5 letters of a word, so "delivered"/"delivery" and
 * "remboursé"/"remboursement" meet; numbers stay whole. Good enough to tell whether a reply reuses
 * the customer's words, which is all the coach needs.
 */
export function stem(w: string): string {
  return /^\d/.test(w) ? w : w.slice(0, 5);
}

/** Stems of the content words (3+ letters, not function words, or numbers of 2+ digits). */
export function contentStems(s: string): string[] {
  return wordsOf(s).filter((w) => (/^\d/.test(w) ? w.length >= 2 : w.length >= 3 && !STOP.has(w))).map(stem);
}

/** Order numbers, references, amounts and times as written ("#BC-448120", "1 380 €" -> "1380", "14h"). */
export function identifiers(s: string): string[] {
  const out = new Set<string>();
  for (const m of s.matchAll(/[#A-Za-z]*[-/]?\d[\dA-Za-z]*(?:[-/.,:]\d[\dA-Za-z]*)*/g)) {
    const token = m[0].replace(/^#/, '').toLowerCase();
    // Lone small numbers ("2", "3") are too common to prove that a detail was reused.
    if (/^\d$/.test(token)) continue;
    out.add(token);
  }
  return [...out];
}

/** Capitalised words not at a sentence start: names of people, places and products. */
export function properNames(s: string): string[] {
  const out = new Set<string>();
  for (const m of s.matchAll(/(?<![.!?]\s|^)(?<=\s)(\p{Lu}[\p{L}'-]{2,})/gu)) out.add(foldText(m[1]));
  return [...out].filter((w) => !STOP.has(w));
}

/** Sentences with their offsets in `s`, split after . ! ? and line breaks. */
export function sentences(s: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  for (const m of s.matchAll(/[^.!?\n]+[.!?]*/g)) {
    const text = m[0].trim();
    if (text) out.push({ text, start: (m.index ?? 0) + m[0].indexOf(text) });
  }
  return out;
}

const FR_HINTS = new Set('le la les des du un une et est pas je vous nous votre vos mais pour avec sur dans que qui ce cette merci bonjour ai avons sont tres'.split(' '));
const EN_HINTS = new Set('the an and is not i you we your our but for with in that this thanks thank hi hello have has are very it of to'.split(' '));

/**
 * French or English from function-word counts (accents break ties): the coach only needs to pick the
 * language of its suggestions, and a reply is long enough for this to be reliable.
 */
export function guessLanguage(s: string): CoachLang {
  let fr = 0;
  let en = 0;
  for (const w of wordsOf(s)) {
    if (FR_HINTS.has(w)) fr++;
    if (EN_HINTS.has(w)) en++;
  }
  if (fr !== en) return fr > en ? 'fr' : 'en';
  return /[éèêàçùâîôû]/i.test(s) ? 'fr' : 'en';
}
