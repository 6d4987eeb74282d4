/**
 * Change since the previous assessment, per dimension. The point of assessing again is the trend, and
 * a self-assessment moves for good reasons (a practice installed) and bad ones (a new respondent), so
 * the change is shown beside the date it is measured from.
 */
import type { AssessmentScores, MaturityStage } from './score-assessment.ts';
import { DIMENSIONS, type Dimension } from './sources.ts';

/** What is kept of an earlier assessment (stored results may predate a dimension). */
export interface PreviousAssessment {
  createdAt: Date;
  stage: string;
  scores: { overall: number; dimensions: Readonly<Record<string, number>> };
}

/** Change since the previous assessment; every delta is null when there is none to compare with. */
export interface AssessmentChange {
  /** When the previous assessment was taken (ISO 8601), null for a first assessment. */
  previousAt: string | null;
  overall: number | null;
  /** Points gained (positive) or lost per dimension; null when the previous result had no score for it. */
  dimensions: Record<Dimension, number | null>;
  /** Set when the stage on the maturity curve moved. */
  stage: { from: string; to: MaturityStage } | null;
}

/**
 * Compares `current` with `previous` (null: a first assessment, no change to show). Dimensions the
 * previous result scored and this bank no longer has are left out: they cannot be compared.
 */
export function compareAssessments(current: AssessmentScores, previous: PreviousAssessment | null): AssessmentChange {
  const dimensions = {} as Record<Dimension, number | null>;
  for (const d of DIMENSIONS) {
    const before = previous?.scores.dimensions[d];
    dimensions[d] = typeof before === 'number' ? current.dimensions[d] - before : null;
  }
  if (!previous) return { previousAt: null, overall: null, dimensions, stage: null };
  return {
    previousAt: previous.createdAt.toISOString(),
    overall: current.overall - previous.scores.overall,
    dimensions,
    stage: previous.stage === current.stage ? null : { from: previous.stage, to: current.stage },
  };
}
