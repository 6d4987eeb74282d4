import type { MessageFact, SurveyFact } from '../core/facts.ts';
import { buildCustomerProfiles, type CustomerProfile } from './customer-profiles.ts';
import { GroupMemo } from './group-memo.ts';

/**
 * Customer profiles kept between computations: a customer's profile is folded from their own messages
 * and answers only, so it is reused while those are the very same fact objects in the same order
 * (group-memo.ts), and after an import batch only the customers it touched are folded again. The
 * profiles are the same as buildCustomerProfiles' (same order of customers, same folds), and nothing
 * downstream (customers at risk, personas) changes a profile it reads.
 *
 * Pure data held by the caller (the insights worker, one per workspace).
 */
export class CustomerMemo {
  private readonly memo = new GroupMemo<string, CustomerProfile>();

  /** Customers reused and customers folded by the last call (tests, bench). */
  get last(): { reused: number; counted: number } {
    return this.memo.last;
  }

  /** buildCustomerProfiles(messages, surveys), folding again only the customers whose facts changed. */
  profiles(messages: readonly MessageFact[], surveys: readonly SurveyFact[]): Map<string, CustomerProfile> {
    // In the order buildCustomerProfiles meets customers: their first customer message.
    const byCustomer = new Map<string, { messages: MessageFact[]; surveys: SurveyFact[] }>();
    for (const m of messages) {
      if (m.role !== 'customer' || !m.customerId) continue;
      const g = byCustomer.get(m.customerId);
      if (g) g.messages.push(m);
      else byCustomer.set(m.customerId, { messages: [m], surveys: [] });
    }
    for (const s of surveys) if (s.customerId) byCustomer.get(s.customerId)?.surveys.push(s);
    this.memo.begin();
    const out = new Map<string, CustomerProfile>();
    for (const [id, g] of byCustomer) out.set(id, this.memo.get(id, [g.messages, g.surveys], () => buildCustomerProfiles(g.messages, g.surveys).get(id)!));
    this.memo.end();
    return out;
  }
}
