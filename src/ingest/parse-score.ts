import { SURVEY_RANGES, type SurveyKind } from '../core/labels.ts';

/** Outcome of reading one score cell. */
export type ScoreResult = { ok: true; score: number | null } | { ok: false; reason: string };

/** Zendesk exports CSAT as good/bad: mapped to the top and bottom of the 1–5 scale so CSAT % is preserved. */
const WORDS: Record<string, number | null> = {
  good: 5, bad: 1, satisfied: 5, unsatisfied: 1, offered: null, unoffered: null, 'n/a': null, na: null, '-': null,
};

/**
 * Reads a survey score: "9", "9.0", "4,5", "9/10", "4 stars", "★★★★", "10 - Extremely likely". Empty cells mean "no answer".
 * Values outside the kind's range (NPS 0–10, CSAT 1–5, CES 1–7) or non-numeric text are errors.
 */
export function parseScore(value: string, kind: SurveyKind): ScoreResult {
  const s = value.trim().toLowerCase();
  if (s === '') return { ok: true, score: null };
  if (s in WORDS) return { ok: true, score: WORDS[s] };
  const [lo, hi] = SURVEY_RANGES[kind];
  let n: number;
  if (/^★+☆*$/.test(s)) n = [...s].filter((c) => c === '★').length;
  else {
    // Survey tools label the scale's ends: "10 - Extremely likely", "0 – Pas du tout probable".
    const m = /^(-?\d+(?:[.,]\d+)?)\s*(?:\/\s*\d+|stars?|étoiles?|etoiles?|pts?|[-–—:]\s*\p{L}[\p{L}\s'’.!]*)?$/u.exec(s);
    if (!m) {
      return { ok: false, reason: `${kind} score "${value.trim()}" is not a number: use a number from ${lo} to ${hi}, or leave it empty` };
    }
    n = Number(m[1].replace(',', '.'));
  }
  if (n < lo || n > hi) {
    return { ok: false, reason: `${kind} score ${n} is outside ${lo}–${hi}: fix the value, or map the column to the right score kind with --map` };
  }
  if (kind === 'nps' && !Number.isInteger(n)) {
    return { ok: false, reason: `nps score ${n} is not a whole number: NPS answers are integers from 0 to 10` };
  }
  return { ok: true, score: n };
}
