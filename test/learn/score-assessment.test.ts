import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.ts';
import { QUESTIONS } from '../../src/learn/maturity/question-bank.ts';
import { scoreAssessment, stageOf, validateAnswers } from '../../src/learn/maturity/score-assessment.ts';
import { DIMENSIONS } from '../../src/learn/maturity/sources.ts';
import { answersFrom, FIXTURE_A, FIXTURE_A_SCORES, FIXTURE_B, FIXTURE_B_SCORES } from './maturity-fixtures.ts';

const all = (v: number) => Object.fromEntries(QUESTIONS.map((q) => [q.id, v]));

/** The InputError `fn` throws (fails the test when it throws nothing or something else). */
function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error('expected an InputError');
}

describe('scoreAssessment', () => {
  it('scores fixture A exactly as computed by hand (see maturity-fixtures.ts)', () => {
    expect(scoreAssessment(FIXTURE_A)).toEqual(FIXTURE_A_SCORES);
  });

  it('scores fixture B exactly as computed by hand, a half point rounding up', () => {
    expect(scoreAssessment(FIXTURE_B)).toEqual(FIXTURE_B_SCORES);
  });

  it('maps the ends of the scale to 0 and 100', () => {
    expect(scoreAssessment(all(1))).toEqual({ overall: 0, dimensions: Object.fromEntries(DIMENSIONS.map((d) => [d, 0])), stage: 'transactional' });
    expect(scoreAssessment(all(5))).toMatchObject({ overall: 100, stage: 'empathy' });
    expect(scoreAssessment(all(3)).overall).toBe(50);
  });

  it('keeps a high average with one weak dimension at engagement', () => {
    // learn 2,2,2 → 25; the seven others 100; overall (700 + 25)/8 = 90.6 → 91, but learn < 60.
    const s = scoreAssessment(answersFrom({
      listen: [5, 5, 5, 5], understand: [5, 5, 5, 5], act: [5, 5, 5, 5], learn: [2, 2, 2],
      strategy: [5, 5, 5, 5], leadership: [5, 5, 5, 5], people: [5, 5, 5, 5], systems: [5, 5, 5],
    }));
    expect(s.overall).toBe(91);
    expect(s.dimensions.learn).toBe(25);
    expect(s.stage).toBe('engagement');
  });

  it('places the documented cut-offs on the curve', () => {
    expect(stageOf(39, 0)).toBe('transactional');
    expect(stageOf(40, 0)).toBe('interaction');
    expect(stageOf(59, 10)).toBe('interaction');
    expect(stageOf(60, 10)).toBe('engagement');
    expect(stageOf(79, 79)).toBe('engagement');
    expect(stageOf(80, 60)).toBe('empathy');
    expect(stageOf(95, 59)).toBe('engagement');
  });
});

describe('validateAnswers', () => {
  it('names an unknown question id and says how to fix it', () => {
    const e = inputError(() => scoreAssessment({ ...FIXTURE_A, 'listen-chanels': 3 }));
    expect(e.message).toMatch(/Unknown question id "listen-chanels".*Remove it or correct it/);
    expect(e.details).toEqual({ problem: 'unknown_question', questions: ['listen-chanels'] });
  });

  it.each([0, 6, 2.5, '3', null])('names the question whose answer is %j and the accepted values', (bad) => {
    const e = inputError(() => validateAnswers({ ...FIXTURE_A, 'act-access': bad }));
    expect(e.message).toContain('Question "act-access" has the answer');
    expect(e.message).toMatch(/whole numbers from 1 to 5\. Change it to 1, 2, 3, 4 or 5/);
    expect(e.details).toMatchObject({ problem: 'out_of_range', questions: ['act-access'] });
  });

  it('names the first missing question and counts the others', () => {
    const { 'people-hiring': _a, 'systems-history': _b, ...partial } = FIXTURE_A;
    const e = inputError(() => validateAnswers(partial));
    expect(e.message).toMatch(/^Question "people-hiring" has no answer \(and 1 more: systems-history\)\. Add it to the answers\./);
    expect(e.details).toEqual({ problem: 'missing_answer', questions: ['people-hiring', 'systems-history'] });
    const none = inputError(() => validateAnswers({}));
    expect(none.message).toContain(`Question "${QUESTIONS[0].id}" has no answer (and ${QUESTIONS.length - 1} more:`);
  });

  it('reports a typo as unknown before the answer it leaves missing', () => {
    const { 'learn-ex-cx': v, ...rest } = FIXTURE_A;
    expect(inputError(() => validateAnswers({ ...rest, 'learn-excx': v })).details).toMatchObject({ problem: 'unknown_question' });
  });
});
