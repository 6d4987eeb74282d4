import { describe, expect, it } from 'vitest';
import { buildCustomerProfiles } from '../../src/insights/customer-profiles.ts';
import { computeCustomersAtRisk, customerRisk, RISK_THRESHOLD } from '../../src/insights/customers-at-risk.ts';
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
    // Alice: churn 40 (decisive) + unresolved 15 (latest conversation, only one unresolved conversation)
    //        + low survey 15 + negative trend 10 (r(0,1,2; .5,−.3,−.8) ≈ −0.98) + negative mood 10 (2/3 negative,
    //        3 analysed messages) = 90. Two contact conversations: no repeat contact. Values known for fewer
    //        than 4 customers → no high-value bonus.
    const alice = report.customers.find((c) => c.customerId === 'alice')!;
    expect(alice.reasons.map((r) => r.code)).toEqual(['churn_intent', 'unresolved', 'low_survey', 'negative_trend', 'negative_mood']);
    expect(alice.score).toBe(90);
    expect(alice.reasons[0].text).toEqual({ fr: 'Envisage de partir (1 message)', en: 'Talks about leaving (1 message)' });
    expect(alice.reasons[2].text.fr).toBe("Note d'enquête basse (NPS 3)");
    expect(alice.lastQuote?.messageId).toBeDefined();
    // Carol: low survey 15 only — latest conversation is not unresolved, two analysed messages are too few
    //        for a mood, and there is no decisive signal anyway.
    expect(report.customers.find((c) => c.customerId === 'carol')).toBeUndefined();
    expect(report).toMatchObject({ threshold: RISK_THRESHOLD, count: 1, valueAtRisk: 1200 });
  });

  it('adds the high-value reason only to customers who already show a signal', () => {
    const messages = ['a', 'b', 'c', 'd'].map((id, i) =>
      message({ ...who(id, (i + 1) * 1000), a: { sentiment: 'negative', churn: id !== 'b' } }));
    const report = computeCustomersAtRisk(buildCustomerProfiles(messages, []).values());
    // Values 1000..4000: 75th percentile = 4000 → only d is high value. d: churn 40 + high value 10 = 50.
    // One negative message is not a mood (fewer than 3 analysed), so a and c stay at 40, under the
    // threshold: stated intent needs one corroborating signal. b has no signal at all.
    expect(report.customers.map((c) => [c.customerId, c.score])).toEqual([['d', 50]]);
    expect(report.customers[0].reasons.map((r) => r.code)).toEqual(['churn_intent', 'high_value']);
    expect(report.customers[0].reasons[1].text).toEqual({ fr: 'Client à forte valeur (4 000 €)', en: 'High-value customer (€4,000)' });
    expect(report).toMatchObject({ valueAtRisk: 4000, currency: 'EUR' });
    // In the workspace's currency when it sets one.
    const inPounds = computeCustomersAtRisk(buildCustomerProfiles(messages, []).values(), undefined, undefined, 'GBP');
    expect(inPounds.currency).toBe('GBP');
    expect(inPounds.customers[0].reasons[1].text.en).toBe('High-value customer (£4,000)');
  });

  it('never lists a customer on soft signals alone, however many add up', () => {
    // Dan (value 4000, the highest of four): one negative message in his only contact, saying he already
    // called and it is still unresolved, and a detractor answer. Repeat contact 15 (self-reported)
    // + unresolved 15 + low survey 15 + high value 10 = 55 ≥ 50, but neither churn intent nor an issue
    // unresolved across 3 conversations: not at risk.
    const messages = [
      message({ ...who('dan', 4000), conversationId: 'd1', a: { sentiment: 'negative', repeat: true, themes: ['unresolved'] } }),
      ...['x', 'y', 'z'].map((id, i) => message({ ...who(id, (i + 1) * 1000), a: { sentiment: 'neutral' } })),
    ];
    const report = computeCustomersAtRisk(buildCustomerProfiles(messages, [survey('nps', 1, { customerId: 'dan' })]).values());
    expect(report).toMatchObject({ count: 0, valueAtRisk: 0, customers: [] });
  });

  it('lists an issue left unresolved across three contacts, and does not count surveys or reviews as contacts', () => {
    const unresolved = { sentiment: 'neutral' as const, themes: ['unresolved'] };
    const messages = [
      // Eve: unresolved in a ticket, a chat and a call → repeated unresolved 40 + repeat contact (3) 15 = 55.
      message({ ...who('eve', 800), conversationId: 'e1', channel: 'ticket', at: dayAt(0), a: unresolved }),
      message({ ...who('eve', 800), conversationId: 'e2', channel: 'chat', at: dayAt(3), a: unresolved }),
      message({ ...who('eve', 800), conversationId: 'e3', channel: 'call', at: dayAt(6), a: unresolved }),
      // Finn: same three unresolved conversations, but two are a survey comment and a public review:
      // repeated unresolved 40 (still three conversations), one contact → no repeat contact; the latest
      // (the review) is unresolved but that reason is already counted as repeated: 40 < 50.
      message({ ...who('finn', 800), conversationId: 'f1', channel: 'ticket', at: dayAt(0), a: unresolved }),
      message({ ...who('finn', 800), conversationId: 'f2', channel: 'survey', at: dayAt(3), a: unresolved }),
      message({ ...who('finn', 800), conversationId: 'f3', channel: 'review', at: dayAt(6), a: unresolved }),
    ];
    const report = computeCustomersAtRisk(buildCustomerProfiles(messages, []).values());
    expect(report.customers.map((c) => [c.customerId, c.score])).toEqual([['eve', 55]]);
    expect(report.customers[0].reasons.map((r) => [r.code, r.points])).toEqual([['repeat_contact', 15], ['unresolved', 40]]);
    expect(report.customers[0].reasons[1].text).toEqual({ fr: 'Toujours non résolu après 3 conversations', en: 'Still unresolved after 3 conversations' });
  });

  it('scores a customer beyond the capped list from their own facts, as the list scored everyone', () => {
    const messages = ['a', 'b', 'c', 'd', 'e'].flatMap((id, i) => [
      message({ ...who(id, (i + 1) * 1000), conversationId: `${id}1`, at: dayAt(0), a: { sentiment: 'negative', churn: true } }),
      message({ ...who(id, (i + 1) * 1000), conversationId: `${id}1`, at: dayAt(1), a: { sentiment: 'negative', themes: ['unresolved'] } }),
    ]);
    messages.push(message({ ...who('f', 100), conversationId: 'f1', a: { sentiment: 'positive' } }));
    const surveys = [survey('nps', 2, { customerId: 'b' })];
    const profiles = buildCustomerProfiles(messages, surveys);
    const capped = computeCustomersAtRisk(profiles.values(), RISK_THRESHOLD, 2);
    const full = computeCustomersAtRisk(profiles.values(), RISK_THRESHOLD, 100);
    expect(capped.customers).toHaveLength(2);
    expect(capped.highValueFrom).toBe(4000); // 75th percentile of 100, 1000…5000
    expect(full.customers.length - capped.customers.length).toBe(3);
    for (const risk of full.customers.filter((r) => !capped.customers.some((c) => c.customerId === r.customerId))) {
      const own = (m: { customerId: string | null }) => m.customerId === risk.customerId;
      expect(customerRisk(risk.customerId, messages.filter(own), surveys.filter(own), capped)).toEqual(risk);
    }
    expect(customerRisk('f', messages, surveys, capped)).toBeNull();
    expect(customerRisk('nobody', messages, surveys, capped)).toBeNull();
  });
});
