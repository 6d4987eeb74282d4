import { describe, expect, it } from 'vitest';
import type { MessageFact, SurveyFact } from '../../src/core/facts.ts';
import { groupCustomerFacts } from '../../src/insights/customer-facts.ts';
import { CustomerMemo } from '../../src/insights/customer-memo.ts';
import { buildCustomerProfiles } from '../../src/insights/customer-profiles.ts';
import { message, survey } from './fixtures.ts';

const START = Date.parse('2026-09-01T08:00:00Z');

/** `n` messages of `customers` customers in time order, agent replies and unknown customers among them. */
function facts(n: number, customers: number): MessageFact[] {
  return Array.from({ length: n }, (_, i) => message({
    messageId: `m${i}`,
    conversationId: `c${i % 17}`,
    customerId: i % 9 === 4 ? null : `cust-${i % customers}`,
    customerRef: `ref-${i % customers}`,
    role: i % 7 === 3 ? 'agent' : 'customer',
    at: new Date(START + i * 3_600_000),
    text: `Message numéro ${i} sur ma commande en retard`,
    a: { sentiment: i % 3 === 0 ? 'negative' : 'neutral', themes: i % 4 === 0 ? ['unresolved'] : ['delay'], needs: ['speed'], churn: i % 11 === 0 },
  }));
}

describe('the customer memo', () => {
  it('gives the profiles of one fold over all facts, folding again only the customers whose facts changed', () => {
    const memo = new CustomerMemo();
    let surveys: SurveyFact[] = [survey('nps', 3, { customerId: 'cust-1', at: new Date(START) })];
    const check = (messages: MessageFact[]) => {
      const expected = buildCustomerProfiles(messages, surveys);
      const got = memo.profiles(groupCustomerFacts(messages, surveys));
      expect(got).toEqual(expected);
      expect([...got.keys()]).toEqual([...expected.keys()]);
    };
    const base = facts(300, 8);
    check(base);
    expect(memo.last).toEqual({ reused: 0, counted: 8 });
    check(base);
    expect(memo.last).toEqual({ reused: 8, counted: 0 });
    // One message of cust-2 re-analysed (a new fact object, as the held facts make it).
    const rewritten = base.map((m) => (m.messageId === 'm2' ? { ...m, analysis: { ...m.analysis!, signals: { ...m.analysis!.signals, churnIntent: true } } } : m));
    check(rewritten);
    expect(memo.last).toEqual({ reused: 7, counted: 1 });
    // A survey answer of cust-5, and a new customer.
    surveys = [...surveys, survey('csat', 1, { customerId: 'cust-5', at: new Date(START + 400 * 3_600_000) })];
    const grown = [...rewritten, message({ messageId: 'new', customerId: 'cust-new', at: new Date(START + 500 * 3_600_000), a: { sentiment: 'negative' } })];
    check(grown);
    expect(memo.last).toEqual({ reused: 7, counted: 2 });
    // A filtered view, then the whole again: both kept; then old messages deleted.
    check(grown.filter((m) => m.channel === 'email' && Number(m.messageId.slice(1)) % 2 === 0));
    check(grown);
    expect(memo.last).toEqual({ reused: 9, counted: 0 });
    check(grown.slice(100));
  });
});
