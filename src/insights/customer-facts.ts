import type { MessageFact, SurveyFact } from '../core/facts.ts';

/** One customer's own facts: their customer messages and their survey answers, each in the order given. */
export interface CustomerFacts {
  messages: MessageFact[];
  surveys: SurveyFact[];
}

/**
 * Each customer's own facts, grouped in one pass and shared by the parts of a computation that read
 * customers one at a time (their profiles, customer-memo.ts; their profiles as the newest day began,
 * persona-fit.ts), so that a million messages are grouped once rather than once for each. Customers
 * come in the order buildCustomerProfiles meets them (their first customer message); an answer from
 * a customer who wrote no message is left out, as buildCustomerProfiles leaves it out.
 */
export function groupCustomerFacts(messages: readonly MessageFact[], surveys: readonly SurveyFact[]): Map<string, CustomerFacts> {
  const byCustomer = new Map<string, CustomerFacts>();
  for (const m of messages) {
    if (m.role !== 'customer' || !m.customerId) continue;
    const g = byCustomer.get(m.customerId);
    if (g) g.messages.push(m);
    else byCustomer.set(m.customerId, { messages: [m], surveys: [] });
  }
  for (const s of surveys) if (s.customerId) byCustomer.get(s.customerId)?.surveys.push(s);
  return byCustomer;
}
