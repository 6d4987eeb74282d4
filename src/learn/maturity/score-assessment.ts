/**
 * Scores a completed questionnaire: each dimension 0–100, an overall score, and the organisation's
 * place on the maturity curve of Petouhoff & Bates (transactional → interaction → engagement → empathy).
 */
import { InputError } from '../../core/errors.ts';
import { QUESTIONS, QUESTIONS_BY_ID, questionsOf } from './question-bank.ts';
import { DIMENSIONS, type Dimension, type Localized } from './sources.ts';

/** One answer: a step of the 1–5 practice scale. */
export type AnswerValue = 1 | 2 | 3 | 4 | 5;

/** Validated answers, one per question of the bank, by question id. */
export type Answers = Readonly<Record<string, AnswerValue>>;

/** The steps of the maturity curve, lowest first. */
export const STAGES = ['transactional', 'interaction', 'engagement', 'empathy'] as const;
/** One of STAGES. */
export type MaturityStage = (typeof STAGES)[number];

/** Stage names as results show them. */
export const STAGE_NAMES: Readonly<Record<MaturityStage, Localized>> = {
  transactional: { fr: 'Transactionnel', en: 'Transactional' },
  interaction: { fr: 'Interaction', en: 'Interaction' },
  engagement: { fr: 'Engagement', en: 'Engagement' },
  empathy: { fr: 'Empathie', en: 'Empathy' },
};

/**
 * Cut-offs on the overall score (the lowest overall score of each stage). On the practice scale,
 * 3 ("sometimes, in some teams") is 50 and 4 ("regularly, with a method") is 75: an organisation
 * that does most things sometimes is at interaction, one that does them with a method is at
 * engagement, and empathy takes most practices done everywhere and measured.
 */
export const STAGE_CUTOFFS: Readonly<Record<MaturityStage, number>> = { transactional: 0, interaction: 40, engagement: 60, empathy: 80 };

/**
 * Empathy also needs every dimension at EMPATHY_FLOOR or more: the flywheel turns only if no segment
 * is stuck, so a high average hiding a weak dimension stays at engagement.
 */
export const EMPATHY_FLOOR = 60;

/** Scores of one completed assessment. */
export interface AssessmentScores {
  /** Mean of the dimension scores, rounded to a whole number. */
  overall: number;
  /** Per dimension: mean over its questions of (answer − 1) × 25, rounded to a whole number. */
  dimensions: Record<Dimension, number>;
  stage: MaturityStage;
}

const HINT = 'Answer every question with a whole number from 1 (not at all) to 5 (always, everywhere, and measured); `ecoute assess --questions` or GET /api/assessments/questions lists the ids.';

/**
 * Checks answers against the bank: unknown ids first (a typo there also shows up as a missing answer,
 * and the typo is the thing to fix), then values, then missing questions. Throws InputError naming
 * the question and the fix; `details` lists every question with that problem.
 */
export function validateAnswers(raw: Readonly<Record<string, unknown>>): Answers {
  const unknown = Object.keys(raw).filter((id) => !QUESTIONS_BY_ID.has(id));
  if (unknown.length > 0) {
    throw new InputError(`Unknown question id "${unknown[0]}"${more(unknown)} in the answers. Remove it or correct it to one of the bank's ids (e.g. "${QUESTIONS[0].id}"). ${HINT}`, { problem: 'unknown_question', questions: unknown });
  }
  const bad = Object.entries(raw).filter(([, v]) => !(typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5));
  if (bad.length > 0) {
    const [id, v] = bad[0];
    throw new InputError(`Question "${id}" has the answer ${JSON.stringify(v)}${more(bad.map(([q]) => q))}: answers must be whole numbers from 1 to 5. Change it to 1, 2, 3, 4 or 5. ${HINT}`, { problem: 'out_of_range', questions: bad.map(([q]) => q) });
  }
  const missing = QUESTIONS.filter((q) => !(q.id in raw)).map((q) => q.id);
  if (missing.length > 0) {
    throw new InputError(`Question "${missing[0]}" has no answer${more(missing)}. Add it to the answers. ${HINT}`, { problem: 'missing_answer', questions: missing });
  }
  return raw as Answers;
}

function more(ids: readonly string[]): string {
  if (ids.length <= 1) return '';
  const rest = ids.slice(1);
  return ` (and ${rest.length} more: ${rest.slice(0, 5).join(', ')}${rest.length > 5 ? ', …' : ''})`;
}

/** The stage an overall score and its weakest dimension reach (see STAGE_CUTOFFS and EMPATHY_FLOOR). */
export function stageOf(overall: number, weakest: number): MaturityStage {
  if (overall >= STAGE_CUTOFFS.empathy) return weakest >= EMPATHY_FLOOR ? 'empathy' : 'engagement';
  if (overall >= STAGE_CUTOFFS.engagement) return 'engagement';
  if (overall >= STAGE_CUTOFFS.interaction) return 'interaction';
  return 'transactional';
}

/** Validates the answers (see validateAnswers) and scores them. */
export function scoreAssessment(raw: Readonly<Record<string, unknown>>): AssessmentScores {
  const answers = validateAnswers(raw);
  const dimensions = {} as Record<Dimension, number>;
  for (const d of DIMENSIONS) {
    const points = questionsOf(d).map((q) => (answers[q.id] - 1) * 25);
    dimensions[d] = Math.round(points.reduce((a, b) => a + b, 0) / points.length);
  }
  const values = DIMENSIONS.map((d) => dimensions[d]);
  // The overall is a mean of dimensions, not of questions: a dimension with four questions must not
  // weigh more than one with three.
  const overall = Math.round(values.reduce((a, b) => a + b, 0) / values.length);
  return { overall, dimensions, stage: stageOf(overall, Math.min(...values)) };
}
