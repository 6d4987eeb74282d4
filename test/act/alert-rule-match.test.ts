import { describe, expect, it } from 'vitest';
import { matchRule } from '../../src/act/rules/match-rule.ts';
import { csatBand, npsBand } from '../../src/act/rules/survey-band.ts';
import { parseRuleDefinition } from '../../src/core/alert-rule.ts';
import { analysis, fact, subject } from './alert-rule-fixtures.ts';

const when = (conditions: unknown) => parseRuleDefinition({ name: 't', conditions }).conditions;

describe('matching a rule against a message', () => {
  it('matches when every condition holds and says which finding met each, with its evidence', () => {
    const m = matchRule(when({ emotion: ['anger', 'sadness'], theme: 'billing', churn: true, urgency: 'medium', customerValueAtLeast: 10000, channel: ['email', 'chat'], language: 'fr', brand: 'own', stage: 'billing', need: 'resolution' }), subject());
    expect(m).toEqual({
      matched: true,
      failed: null,
      reasons: [
        { condition: 'emotion', value: 'anger', evidence: 'inadmissible' },
        { condition: 'need', value: 'resolution', evidence: 'réglez ma facture' },
        { condition: 'theme', value: 'billing', evidence: 'facture' },
        { condition: 'stage', value: 'billing', evidence: 'ma facture' },
        { condition: 'churn', value: 'true' },
        { condition: 'urgency', value: 'high' },
        { condition: 'customerValueAtLeast', value: '12000' },
        { condition: 'channel', value: 'email' },
        { condition: 'brand', value: 'own' },
        { condition: 'language', value: 'fr' },
      ],
    });
  });

  it('fails on the first condition that does not hold', () => {
    expect(matchRule(when({ churn: true, channel: 'chat' }), subject())).toMatchObject({ matched: false, failed: 'channel', reasons: [{ condition: 'churn' }] });
    expect(matchRule(when({ vulnerable: true }), subject()).failed).toBe('vulnerable');
    expect(matchRule(when({ urgency: 'high' }), subject(fact({ analysis: analysis({}, { urgency: 'medium' }) }))).failed).toBe('urgency');
    expect(matchRule(when({ urgency: 'low' }), subject(fact({ analysis: analysis({}, { urgency: 'low' }) }))).matched).toBe(true);
    expect(matchRule(when({ customerValueAtLeast: 20000 }), subject()).failed).toBe('customerValueAtLeast');
    expect(matchRule(when({ customerValueAtLeast: 0 }), subject(fact({ customerValue: null }))).failed).toBe('customerValueAtLeast');
    expect(matchRule(when({ channel: 'chat' }), subject()).failed).toBe('channel');
    expect(matchRule(when({ language: 'en' }), subject()).failed).toBe('language');
    expect(matchRule(when({ stage: 'delivery' }), subject(fact({ analysis: analysis({ stage: null }) }))).failed).toBe('stage');
  });

  it('tells own brand from competitors, case- and accent-insensitively', () => {
    expect(matchRule(when({ brand: 'own' }), subject(fact({ brand: 'AZUR Telecom' }))).matched).toBe(true);
    expect(matchRule(when({ brand: 'competitor' }), subject(fact({ brand: 'AZUR Telecom' }))).matched).toBe(false);
    expect(matchRule(when({ brand: 'competitor' }), subject(fact({ brand: 'Rival Mobile' })))).toMatchObject({ matched: true, reasons: [{ condition: 'brand', value: 'Rival Mobile' }] });
  });

  it('reads NPS and CSAT bands from the latest answer of the conversation', () => {
    const nps = when({ npsBand: 'detractor' });
    expect(matchRule(nps, subject(fact(), []))).toMatchObject({ matched: false, failed: 'npsBand' });
    expect(matchRule(nps, subject(fact(), [{ kind: 'nps', score: 9 }, { kind: 'nps', score: 3 }]))).toMatchObject({ matched: true, reasons: [{ condition: 'npsBand', value: 'detractor', score: 3 }] });
    expect(matchRule(nps, subject(fact(), [{ kind: 'nps', score: 3 }, { kind: 'nps', score: 9 }])).matched).toBe(false);
    expect(matchRule(when({ csatBand: ['neutral', 'dissatisfied'] }), subject(fact(), [{ kind: 'csat', score: 2 }, { kind: 'nps', score: 10 }])).matched).toBe(true);
    expect([0, 6, 7, 8, 9, 10].map(npsBand)).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
    expect([1, 2, 3, 4, 5].map(csatBand)).toEqual(['dissatisfied', 'dissatisfied', 'neutral', 'satisfied', 'satisfied']);
  });

  it('never matches agent turns or messages not analysed yet', () => {
    expect(matchRule(when({ churn: true }), subject(fact({ role: 'agent' })))).toEqual({ matched: false, reasons: [], failed: 'analysis' });
    expect(matchRule(when({ channel: 'email' }), subject(fact({ analysis: null })))).toEqual({ matched: false, reasons: [], failed: 'analysis' });
  });

  it('ignores a spike condition (counted by the spike check, not per message)', () => {
    expect(matchRule(when({ spike: { kind: 'theme', label: 'billing' }, channel: 'email' }), subject()).matched).toBe(true);
  });
});
