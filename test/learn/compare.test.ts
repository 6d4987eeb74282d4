import { describe, expect, it } from 'vitest';
import { assess } from '../../src/learn/maturity/assess.ts';
import { compareAssessments } from '../../src/learn/maturity/compare.ts';
import { renderAssessment, renderHistory, toAssessmentView } from '../../src/learn/maturity/render-result.ts';
import { scoreAssessment } from '../../src/learn/maturity/score-assessment.ts';
import { B_SINCE_A, FIXTURE_A, FIXTURE_A_SCORES, FIXTURE_B } from './maturity-fixtures.ts';

const A_AT = new Date('2026-06-01T09:00:00Z');
const previousA = { createdAt: A_AT, stage: FIXTURE_A_SCORES.stage, scores: FIXTURE_A_SCORES };

describe('compareAssessments', () => {
  it('has nothing to compare on a first assessment', () => {
    const c = compareAssessments(scoreAssessment(FIXTURE_A), null);
    expect(c).toEqual({ previousAt: null, overall: null, stage: null, dimensions: Object.fromEntries(Object.keys(B_SINCE_A).map((d) => [d, null])) });
  });

  it('gives the change of every dimension since A, by hand (see maturity-fixtures.ts)', () => {
    const c = compareAssessments(scoreAssessment(FIXTURE_B), previousA);
    expect(c).toEqual({ previousAt: '2026-06-01T09:00:00.000Z', overall: 25, dimensions: B_SINCE_A, stage: { from: 'interaction', to: 'engagement' } });
  });

  it('leaves out a dimension the previous result did not score, and reports no stage move when there is none', () => {
    const { people: _p, ...older } = FIXTURE_A_SCORES.dimensions;
    const c = compareAssessments(scoreAssessment(FIXTURE_A), { createdAt: A_AT, stage: 'interaction', scores: { overall: 40, dimensions: { ...older, retired: 10 } } });
    expect(c.dimensions.people).toBeNull();
    expect(c.dimensions.listen).toBe(0);
    expect(c.overall).toBe(4);
    expect(c.stage).toBeNull();
  });
});

describe('assess and its rendering', () => {
  it('renders B after A in French: stage, changes and the three actions', () => {
    const outcome = assess(FIXTURE_B, 'fr', previousA, { nps: 21 });
    const view = toAssessmentView({ id: 7, createdAt: new Date('2026-12-01T10:00:00Z') }, outcome);
    expect(view).toMatchObject({ id: 7, stage: 'engagement', stageName: 'Engagement', overall: 69 });
    expect(view.dimensions[0]).toEqual({ dimension: 'listen', name: 'Écouter', score: 63, change: 38 });
    const text = renderAssessment(view, 'text');
    expect(text).toContain('Étape sur la courbe de maturité : Engagement (score global 69/100, +25 depuis le 2026-06-01)');
    expect(text).toContain('Transactionnel → Interaction → [Engagement] → Empathie');
    expect(text).toMatch(/Écouter\s+63\s+\+38/);
    // Weakest of B: understand 50, leadership 50 (flywheel order), then listen 63.
    expect(view.recommendations.map((r) => r.dimension)).toEqual(['understand', 'leadership', 'listen']);
    expect(text).toContain('NPS : +21.');
    expect(text).toContain('Lecteurs de la station d’écoute le mois dernier : inconnu');
    expect(renderAssessment(view, 'md')).toContain('| Écouter | 63 | +38 |');
  });

  it('renders a first assessment and the history in English', () => {
    const view = toAssessmentView({ id: 1, createdAt: A_AT }, assess(FIXTURE_A, 'en', null));
    expect(renderAssessment(view, 'text')).toContain('Stage on the maturity curve: Interaction (overall 44/100, first assessment)');
    const rows = [{ id: 2, createdAt: new Date('2026-12-01T10:00:00Z'), stage: 'engagement', scores: { overall: 69 } }, { id: 1, createdAt: A_AT, stage: 'interaction', scores: { overall: 44 } }];
    expect(renderHistory(rows, 'en', 'text')).toBe('#2  2026-12-01 10:00  Engagement       69/100\n#1  2026-06-01 09:00  Interaction      44/100\n');
    expect(renderHistory([], 'fr', 'text')).toMatch(/^Aucune évaluation enregistrée/);
  });
});
