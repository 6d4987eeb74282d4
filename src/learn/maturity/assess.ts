/**
 * One assessment from submission to result: scores, stage, change since the previous assessment and
 * the next three actions. Pure; the CLI and the HTTP route store what it returns.
 */
import type { Lang } from '../../core/lang.ts';
import { compareAssessments, type AssessmentChange, type PreviousAssessment } from './compare.ts';
import { recommend, type AssessmentEvidence, type Recommendation } from './recommend.ts';
import { scoreAssessment, validateAnswers, type Answers, type AssessmentScores } from './score-assessment.ts';

/** Everything an assessment produces, before it is stored. */
export interface AssessmentOutcome {
  language: Lang;
  answers: Answers;
  scores: AssessmentScores;
  change: AssessmentChange;
  recommendations: Recommendation[];
}

/** Validates and scores `answers`, compares with `previous` and recommends in `lang`. Throws InputError on bad answers. */
export function assess(
  answers: Readonly<Record<string, unknown>>,
  lang: Lang,
  previous: PreviousAssessment | null,
  evidence: AssessmentEvidence = {},
): AssessmentOutcome {
  const valid = validateAnswers(answers);
  const scores = scoreAssessment(valid);
  return {
    language: lang,
    answers: valid,
    scores,
    change: compareAssessments(scores, previous),
    recommendations: recommend(scores, valid, lang, evidence),
  };
}
