/**
 * Hand-made answer sets for the maturity tests, written dimension by dimension in question-bank order
 * so that the expected scores can be worked out by hand (see score-assessment.test.ts).
 */
import { questionsOf } from '../../src/learn/maturity/question-bank.ts';
import { DIMENSIONS, type Dimension } from '../../src/learn/maturity/sources.ts';

/** Builds `{questionId: answer}` from one list of answers per dimension, in the bank's order. */
export function answersFrom(byDimension: Record<Dimension, number[]>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of DIMENSIONS) {
    const qs = questionsOf(d);
    if (qs.length !== byDimension[d].length) throw new Error(`fixture: ${d} has ${qs.length} questions, ${byDimension[d].length} answers given`);
    qs.forEach((q, i) => { out[q.id] = byDimension[d][i]; });
  }
  return out;
}

/**
 * Fixture A, by hand ((answer − 1) × 25 per question, mean per dimension, rounded):
 *   listen      2,3,1,2 → 25+50+0+25   = 100/4 = 25
 *   understand  3,3,4,2 → 50+50+75+25  = 200/4 = 50
 *   act         4,4,3,5 → 75+75+50+100 = 300/4 = 75
 *   learn       3,2,2   → 50+25+25     = 100/3 = 33.3 → 33
 *   strategy    3,4,3,3 → 50+75+50+50  = 225/4 = 56.25 → 56
 *   leadership  1,2,1,1 → 0+25+0+0     =  25/4 = 6.25 → 6
 *   people      2,2,3,1 → 25+25+50+0   = 100/4 = 25
 *   systems     5,4,4   → 100+75+75    = 250/3 = 83.3 → 83
 *   overall = (25+50+75+33+56+6+25+83)/8 = 353/8 = 44.1 → 44 → interaction (40–59)
 *   weakest three: leadership 6, then listen 25 and people 25 (tie: flywheel order, listen first)
 */
export const FIXTURE_A = answersFrom({
  listen: [2, 3, 1, 2], understand: [3, 3, 4, 2], act: [4, 4, 3, 5], learn: [3, 2, 2],
  strategy: [3, 4, 3, 3], leadership: [1, 2, 1, 1], people: [2, 2, 3, 1], systems: [5, 4, 4],
});
export const FIXTURE_A_SCORES = {
  overall: 44,
  dimensions: { listen: 25, understand: 50, act: 75, learn: 33, strategy: 56, leadership: 6, people: 25, systems: 83 },
  stage: 'interaction',
} as const;

/**
 * Fixture B, a later assessment of the same team, by hand:
 *   listen 3,3,4,4 → 50+50+75+75 = 250/4 = 62.5 → 63 (half rounds up); understand 3,3,4,2 → 50 (same);
 *   act 4,4,4,4 → 75; learn 4,4,4 → 75; strategy 4,4,4,4 → 75; leadership 3,3,3,3 → 50;
 *   people 4,4,4,4 → 75; systems 5,5,4 → 100+100+75 = 275/3 = 91.7 → 92
 *   overall = (63+50+75+75+75+50+75+92)/8 = 555/8 = 69.4 → 69 → engagement (60–79)
 *   change since A: listen +38, understand 0, act 0, learn +42, strategy +19, leadership +44, people +50,
 *   systems +9, overall +25; stage interaction → engagement
 */
export const FIXTURE_B = answersFrom({
  listen: [3, 3, 4, 4], understand: [3, 3, 4, 2], act: [4, 4, 4, 4], learn: [4, 4, 4],
  strategy: [4, 4, 4, 4], leadership: [3, 3, 3, 3], people: [4, 4, 4, 4], systems: [5, 5, 4],
});
export const FIXTURE_B_SCORES = {
  overall: 69,
  dimensions: { listen: 63, understand: 50, act: 75, learn: 75, strategy: 75, leadership: 50, people: 75, systems: 92 },
  stage: 'engagement',
} as const;
export const B_SINCE_A = { listen: 38, understand: 0, act: 0, learn: 42, strategy: 19, leadership: 44, people: 50, systems: 9 } as const;
