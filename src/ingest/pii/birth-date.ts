import type { Detector, Range } from './span.ts';

/**
 * Dates of birth: a date is redacted only when the text introduces it as a birth date ("né le",
 * "née le", "date de naissance :", "DOB", "born on", "date of birth:"), because ordinary dates
 * ("livré le 12/03", "since 3 March 2024") are what customer feedback is about and must stay.
 * Only the date itself is replaced, so "né le [DOB]" still reads as a sentence.
 */
const CUE =
  '(?<![\\p{L}])(?:n[ée](?:\\(e\\)|e)?s?\\s+le|n[ée]\\(e\\)|née?s?|born|date\\s+de\\s+naissance|date\\s+naissance|ddn|naissance|d\\.?o\\.?b\\.?|date\\s+of\\s+birth|birth\\s*date)(?![\\p{L}])';
/** Between the cue and the date: separators and a few linking words ("le", "on the", "is"). */
const GAP = '[\\s:=\\-–(]*(?:(?:le|on|the|en|is|was|est|:)[\\s:]+){0,2}';
const FR_MONTHS = 'janvier|janv\\.?|février|fevrier|févr\\.?|mars|avril|avr\\.?|mai|juin|juillet|juil\\.?|août|aout|septembre|sept\\.?|octobre|oct\\.?|novembre|nov\\.?|décembre|decembre|déc\\.?';
const EN_MONTHS =
  'january|jan\\.?|february|feb\\.?|march|mar\\.?|april|apr\\.?|may|june|jun\\.?|july|jul\\.?|august|aug\\.?|september|sept?\\.?|october|oct\\.?|november|nov\\.?|december|dec\\.?';
const DATE = [
  '\\d{1,2}[/.\\-]\\d{1,2}[/.\\-](?:\\d{4}|\\d{2})(?![\\d/])',
  '\\d{4}[\\-/.]\\d{1,2}[\\-/.]\\d{1,2}(?![\\d/])',
  `(?:1er|\\d{1,2})\\s+(?:${FR_MONTHS})(?:\\s+\\d{4})?`,
  `\\d{1,2}(?:st|nd|rd|th)?(?:\\s+of)?\\s+(?:${EN_MONTHS}),?(?:\\s+\\d{4})?`,
  `(?:${EN_MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?`,
].join('|');
const DOB_RE = new RegExp(`${CUE}${GAP}(${DATE})(?![\\p{L}\\p{N}])`, 'giud');

/** Finds dates introduced as dates of birth (the date only, not its cue). */
export const birthDateDetector: Detector = {
  kind: 'DOB',
  find: (text) => {
    if (!/\d/.test(text)) return [];
    const out: Range[] = [];
    DOB_RE.lastIndex = 0;
    for (let m = DOB_RE.exec(text); m !== null; m = DOB_RE.exec(text)) {
      const span = m.indices?.[1];
      if (span) out.push([span[0], span[1]]);
    }
    return out;
  },
};
