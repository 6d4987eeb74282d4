/**
 * Survey score bands, as CX teams read them: NPS detractors (0–6), passives (7–8) and promoters
 * (9–10); CSAT (1–5) dissatisfied (1–2), neutral (3) and satisfied (4–5).
 */
import type { CsatBand, NpsBand } from '../../core/alert-rule.ts';

/** The NPS band of a 0–10 score. */
export function npsBand(score: number): NpsBand {
  return score <= 6 ? 'detractor' : score <= 8 ? 'passive' : 'promoter';
}

/** The CSAT band of a 1–5 score. */
export function csatBand(score: number): CsatBand {
  return score <= 2 ? 'dissatisfied' : score < 4 ? 'neutral' : 'satisfied';
}
