import type { CustomerFacts } from './customer-facts.ts';
import { buildCustomerProfiles, type CustomerProfile } from './customer-profiles.ts';
import type { KMeansResult } from './stats/kmeans.ts';
import { dayIndex } from './iso-week.ts';
import { GroupMemo } from './group-memo.ts';

/**
 * The customers the personas are fitted on: every customer as they were at the start of the newest
 * message's UTC day (their profile folded from their earlier messages), those with an analysed
 * message by then, sorted by customer id. A day's messages (today's, while they arrive) place their
 * customers in the nearest persona but do not move the personas, so the fit is redone once a day
 * rather than after every import batch, and the personas hold still while the dashboard is read.
 * Null where those customers are half the customers or fewer (a first import, a one-day view): every
 * customer is then fitted as they are.
 *
 * `byCustomer` is groupCustomerFacts(messages, …) (customer-facts.ts) and `profiles` the profiles
 * folded from it; `memo` keeps the earlier profiles of the customers who wrote on the newest day
 * while their earlier messages are the same.
 */
export function customersBeforeNewestDay(
  byCustomer: ReadonlyMap<string, CustomerFacts>, profiles: ReadonlyMap<string, CustomerProfile>, memo?: PersonasMemo,
): CustomerProfile[] | null {
  let newest = -Infinity;
  for (const p of profiles.values()) newest = Math.max(newest, p.lastAt.getTime());
  const today = dayIndex(newest);
  memo?.earlier.begin();
  const out: CustomerProfile[] = [];
  let analysed = 0;
  for (const p of profiles.values()) {
    if (p.analysed === 0) continue;
    analysed++;
    if (dayIndex(p.lastAt.getTime()) !== today) {
      out.push(p);
      continue;
    }
    // A customer who wrote on the newest day, as they were before it: their earlier messages, in the order given.
    const mine = (byCustomer.get(p.customerId)?.messages ?? []).filter((m) => dayIndex(m.at.getTime()) < today);
    const fold = () => (mine.length > 0 ? buildCustomerProfiles(mine, []).get(p.customerId) ?? null : null);
    const then = memo ? memo.earlier.get(p.customerId, [mine], fold) : fold();
    if (then && then.analysed > 0) out.push(then);
  }
  memo?.earlier.end();
  if (out.length < 6 || out.length * 2 <= analysed) return null;
  return out.sort((a, b) => a.customerId.localeCompare(b.customerId));
}

/**
 * What a server keeps between computations of the personas (held per workspace by the insights
 * worker, as the other memos): the last fits (a few views' each), each reused while its sample is
 * the same customers with the same vectors, compared value by value (a customer who writes today is
 * fitted on their earlier profile, a new object equal to the one fitted before); each profile's vector
 * while the profile object and the segments are the same; the earlier profiles of the newest day's
 * customers. The personas are the same with or without it.
 */
export class PersonasMemo {
  private readonly fits = new GroupMemo<number, KMeansResult | null>((a, b) => a === b || (a instanceof Float64Array && b instanceof Float64Array && sameValues(a, b)));
  private vectors = new WeakMap<CustomerProfile, { segments: string; vector: Float64Array }>();
  /** The earlier profiles of the customers who wrote on the newest day (customersBeforeNewestDay). */
  readonly earlier = new GroupMemo<string, CustomerProfile | null>();
  /** Whether the last computation reused a fit (tests, bench). */
  last = { reused: false };

  /** The fit of `points` (customers `ids`) from `seed`, kept from before or made by `make`. */
  fit(seed: number, ids: readonly string[], points: readonly Float64Array[], make: () => KMeansResult | null): KMeansResult | null {
    this.fits.begin();
    const result = this.fits.get(seed, [ids, points], make);
    this.fits.end();
    this.last = { reused: this.fits.last.reused > 0 };
    return result;
  }

  /** A profile's vector for `segments` (joined), kept while the profile object and segments are the same. */
  vector(p: CustomerProfile, segments: string, make: () => Float64Array): Float64Array {
    const kept = this.vectors.get(p);
    if (kept && kept.segments === segments) return kept.vector;
    const vector = make();
    this.vectors.set(p, { segments, vector });
    return vector;
  }
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
