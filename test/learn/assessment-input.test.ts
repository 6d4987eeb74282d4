import { describe, expect, it } from 'vitest';
import { parseAssessmentInput } from '../../src/learn/maturity/assessment-input.ts';
import { FIXTURE_A } from './maturity-fixtures.ts';

describe('parseAssessmentInput', () => {
  it('accepts answers with optional evidence and language', () => {
    const r = parseAssessmentInput({ answers: FIXTURE_A, evidence: { nps: -12, drillParticipation: 0.5 }, lang: 'en' });
    expect(r).toEqual({ ok: true, input: { answers: FIXTURE_A, evidence: { nps: -12, drillParticipation: 0.5 }, lang: 'en' } });
  });

  it.each([
    [FIXTURE_A, 'answers', /^field "answers": .*Expected \{"answers"/],
    [{ answers: FIXTURE_A, evidence: { npss: 10 } }, 'evidence', /^field "evidence": unknown key\(s\) "npss"/],
    [{ answers: FIXTURE_A, evidence: { alertsClosedOnTimeShare: 64 } }, 'evidence.alertsClosedOnTimeShare', /^field "evidence\.alertsClosedOnTimeShare": /],
    [{ answers: FIXTURE_A, evidence: { nps: 130 } }, 'evidence.nps', /^field "evidence\.nps": /],
    [{ answers: FIXTURE_A, lang: 'de' }, 'lang', /^field "lang": /],
    [[], 'top level', /^field "top level": /],
  ])('names the field at fault (%#)', (raw, field, problem) => {
    const r = parseAssessmentInput(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.field).toBe(field);
      expect(r.problem).toMatch(problem);
    }
  });
});
