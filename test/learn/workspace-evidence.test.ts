import { describe, expect, it } from 'vitest';
import type { SurveyFact } from '../../src/core/facts.ts';
import { recommend } from '../../src/learn/maturity/recommend.ts';
import { scoreAssessment, validateAnswers } from '../../src/learn/maturity/score-assessment.ts';
import { mergeEvidence, MIN_NPS_RESPONSES, workspaceEvidence } from '../../src/learn/maturity/workspace-evidence.ts';
import { FIXTURE_B } from './maturity-fixtures.ts';

function survey(score: number, brand: string | null = null, kind: SurveyFact['kind'] = 'nps', channel: SurveyFact['channel'] = 'survey'): SurveyFact {
  return { conversationId: 'c', customerId: null, customerRef: null, kind, score, at: new Date(0), channel, brand, team: null, agent: null, segment: null };
}
const many = (n: number, score: number, brand: string | null = null) => Array.from({ length: n }, () => survey(score, brand));

describe('workspaceEvidence', () => {
  it('computes the own NPS by hand: 20 promoters, 10 passives, 10 detractors → (20 − 10)/40 = +25', () => {
    const surveys = [...many(20, 10), ...many(10, 8), ...many(10, 3), survey(1, null, 'csat')];
    expect(workspaceEvidence(surveys)).toEqual({ nps: 25, npsResponses: 40 });
  });

  it('leaves competitor answers out when the own brand is set', () => {
    // Own "Azur": 30 promoters → +100; "Rival": 30 detractors, which would bring it to 0.
    const surveys = [...many(30, 9, 'Azur'), ...many(30, 0, 'Rival')];
    expect(workspaceEvidence(surveys, 'azur')).toEqual({ nps: 100, npsResponses: 30 });
  });

  it('says nothing below the minimum number of answers, so the figure stays unknown', () => {
    expect(workspaceEvidence(many(MIN_NPS_RESPONSES - 1, 10))).toEqual({});
    expect(workspaceEvidence([])).toEqual({});
  });

  it('lets the caller’s figures win, dropping a response count that described the workspace figure', () => {
    expect(mergeEvidence({ nps: 25, npsResponses: 40 }, { nps: -5, drillParticipation: 0.5 })).toEqual({ nps: -5, drillParticipation: 0.5 });
    expect(mergeEvidence({ nps: 25, npsResponses: 40 }, { drillParticipation: 0.5 })).toEqual({ nps: 25, npsResponses: 40, drillParticipation: 0.5 });
    expect(mergeEvidence({}, undefined)).toEqual({});
  });

  it('is cited with its basis in both languages', () => {
    const answers = validateAnswers(FIXTURE_B);
    // B's weakest: understand (NPS evidence) first.
    const evidence = { nps: 25, npsResponses: 40 };
    expect(recommend(scoreAssessment(answers), answers, 'fr', evidence)[0].evidence.text).toBe('NPS : +25 (40 réponses).');
    expect(recommend(scoreAssessment(answers), answers, 'en', evidence)[0].evidence.text).toBe('NPS: +25 (40 answers).');
  });
});
