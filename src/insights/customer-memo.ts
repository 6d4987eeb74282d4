import type { CustomerFacts } from './customer-facts.ts';
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

  /**
   * buildCustomerProfiles(messages, surveys), folding again only the customers whose facts changed;
   * `byCustomer` is groupCustomerFacts(messages, surveys) (customer-facts.ts).
   */
  profiles(byCustomer: ReadonlyMap<string, CustomerFacts>): Map<string, CustomerProfile> {
    this.memo.begin();
    const out = new Map<string, CustomerProfile>();
    for (const [id, g] of byCustomer) out.set(id, this.memo.get(id, [g.messages, g.surveys], () => buildCustomerProfiles(g.messages, g.surveys).get(id)!));
    this.memo.end();
    return out;
  }
}
