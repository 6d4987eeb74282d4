import { describe, expect, it } from 'vitest';
import { citeEvidence, recommend } from '../../src/learn/maturity/recommend.ts';
import { scoreAssessment, validateAnswers } from '../../src/learn/maturity/score-assessment.ts';
import { FIXTURE_A } from './maturity-fixtures.ts';

const answers = validateAnswers(FIXTURE_A);
const scores = scoreAssessment(answers);

describe('recommend', () => {
  it('picks the three weakest dimensions of fixture A, ties in flywheel order, with their lowest question', () => {
    const recs = recommend(scores, answers, 'en');
    // leadership 6, then listen 25 and people 25 (listen first), see maturity-fixtures.ts.
    expect(recs.map((r) => [r.dimension, r.score])).toEqual([['leadership', 6], ['listen', 25], ['people', 25]]);
    // The first of the lowest answers: leadership 1,2,1,1 → leadership-listen; listen 2,3,1,2 → listen-field.
    expect(recs.map((r) => r.weakestQuestion.id)).toEqual(['leadership-listen', 'listen-field', 'people-own-words']);
    expect(recs[1].weakestQuestion).toEqual({ id: 'listen-field', text: 'Do we go out and watch customers in their own setting, beyond what they write to us?', answer: 1 });
  });

  it('cites the evidence passed in, in English', () => {
    const recs = recommend(scores, answers, 'en', { listeningReadersLastMonth: 12, drillParticipation: 0.3, nps: -8 });
    expect(recs[0].action).toMatch(/^Ask each leader for one hour of customer listening a month/);
    expect(recs.map((r) => r.evidence)).toEqual([
      { key: 'listeningReadersLastMonth', value: 12, text: 'Listening station readers last month: 12.' },
      { key: 'listeningReadersLastMonth', value: 12, text: 'Listening station readers last month: 12.' },
      { key: 'drillParticipation', value: 0.3, text: 'Empathy drill participation: 30%.' },
    ]);
  });

  it('cites the evidence passed in, in French, with French number typography', () => {
    const recs = recommend(scores, answers, 'fr', { listeningReadersLastMonth: 3, drillParticipation: 0.455 });
    expect(recs[0]).toMatchObject({ dimensionName: 'Leadership et culture', evidence: { text: 'Lecteurs de la station d’écoute le mois dernier : 3.' } });
    expect(recs[0].action).toMatch(/^Demandez à chaque dirigeant une heure d’écoute client par mois/);
    expect(recs[1].weakestQuestion.text).toBe('Allons-nous sur le terrain observer nos clients en situation, au-delà de ce qu’ils nous écrivent ?');
    expect(recs[2].evidence.text).toBe('Participation aux exercices d’empathie : 46 %.');
  });

  it('says a figure is unknown when it is not passed, never inventing one', () => {
    for (const [lang, word] of [['en', 'unknown'], ['fr', 'inconnu']] as const) {
      const recs = recommend(scores, answers, lang, { nps: 40 });
      for (const r of recs) {
        expect(r.evidence.value).toBeNull();
        expect(r.evidence.text).toContain(word);
        expect(r.evidence.text).not.toMatch(/\d/);
      }
    }
    expect(citeEvidence('drillParticipation', {}, 'en').text).toBe('Empathy drill participation: unknown (not measured here; measure it to check your answers).');
    expect(citeEvidence('nps', {}, 'fr').text).toBe('NPS : inconnu (pas mesuré ici ; mesurez-le pour vérifier vos réponses).');
  });

  it('formats the NPS with its sign and alert shares as percentages', () => {
    expect(citeEvidence('nps', { nps: 12 }, 'en').text).toBe('NPS: +12.');
    expect(citeEvidence('nps', { nps: -8 }, 'fr').text).toBe('NPS : −8.');
    expect(citeEvidence('nps', { nps: 0 }, 'en')).toEqual({ key: 'nps', value: 0, text: 'NPS: 0.' });
    expect(citeEvidence('alertsClosedOnTimeShare', { alertsClosedOnTimeShare: 0.64 }, 'fr').text).toBe('Alertes closes dans les délais : 64 %.');
  });
});
