import { describe, expect, it } from 'vitest';
import { buildCustomerProfiles } from '../../src/insights/customer-profiles.ts';
import { computeCustomersAtRisk, RISK_THRESHOLD } from '../../src/insights/customers-at-risk.ts';
import { dayAt, message, survey } from './fixtures.ts';

const who = (id: string, value: number) => ({ customerId: id, customerRef: id.toUpperCase(), segment: 'pro', customerValue: value });

describe('customers at risk', () => {
  it('scores churn signals with reasons in French and English and sums value at risk', () => {
    const messages = [
      // Alice: souring tone over three messages, talks about leaving, latest conversation unresolved.
      message({ ...who('alice', 1200), conversationId: 'a1', at: dayAt(0), a: { sentiment: 'positive', score: 0.5 } }),
      message({ ...who('alice', 1200), conversationId: 'a2', at: dayAt(3), a: { sentiment: 'negative', score: -0.3, themes: ['delay'] } }),
      message({ ...who('alice', 1200), conversationId: 'a2', at: dayAt(4), a: { sentiment: 'negative', score: -0.8, churn: true, themes: ['unresolved'] } }),
      // Bob: one happy message.
      message({ ...who('bob', 5000), conversationId: 'b1', at: dayAt(1), a: { sentiment: 'positive', emotions: ['gratitude'] } }),
      // Carol: an unresolved issue, later resolved in a new conversation; detractor answer.
      message({ ...who('carol', 300), conversationId: 'c1', at: dayAt(1), a: { sentiment: 'negative', themes: ['unresolved'] } }),
      message({ ...who('carol', 300), conversationId: 'c2', at: dayAt(5), a: { sentiment: 'neutral' } }),
    ];
    const surveys = [survey('nps', 2, { customerId: 'carol' }), survey('nps', 3, { customerId: 'alice' })];
    const report = computeCustomersAtRisk(buildCustomerProfiles(messages, surveys).values());
    // Alice: churn 40 + unresolved 15 + low survey 15 + negative trend 10 (r(0,1,2; .5,−.3,−.8) ≈ −0.98)
    //        + negative mood 10 (2/3 negative) = 90. Values known for fewer than 4 customers → no high-value bonus.
    const alice = report.customers.find((c) => c.customerId === 'alice')!;
    expect(alice.reasons.map((r) => r.code)).toEqual(['churn_intent', 'unresolved', 'low_survey', 'negative_trend', 'negative_mood']);
    expect(alice.score).toBe(90);
    expect(alice.reasons[0].text).toEqual({ fr: 'Envisage de partir (1 message)', en: 'Talks about leaving (1 message)' });
    expect(alice.reasons[2].text.fr).toBe("Note d'enquête basse (NPS 3)");
    expect(alice.lastQuote?.messageId).toBeDefined();
    // Carol: low survey 15 + negative mood (1/2) 10 = 25 — latest conversation is not unresolved.
    expect(report.customers.find((c) => c.customerId === 'carol')).toBeUndefined();
    expect(report).toMatchObject({ threshold: RISK_THRESHOLD, count: 1, valueAtRisk: 1200 });
  });

  it('adds the high-value reason only to customers who already show a signal', () => {
    const messages = ['a', 'b', 'c', 'd'].map((id, i) =>
      message({ ...who(id, (i + 1) * 1000), a: { sentiment: 'negative', churn: id !== 'b' } }));
    const report = computeCustomersAtRisk(buildCustomerProfiles(messages, []).values());
    // Values 1000..4000: 75th percentile = 4000 → only d is high value. d: 40 + 10 + 10 = 60.
    expect(report.customers[0]).toMatchObject({ customerId: 'd', score: 60 });
    expect(report.customers[0].reasons.at(-1)!.code).toBe('high_value');
    // b has no churn signal: 10 points (mood) only, under the threshold
    expect(report.customers.map((c) => c.customerId)).toEqual(['d', 'c', 'a']);
    expect(report.valueAtRisk).toBe(4000 + 3000 + 1000);
  });
});
