import { computeInsights } from '../../insights/compute-insights.ts';
import { filterInsightsInput, type InsightFilter } from '../../insights/filter-input.ts';
import type { Insights } from '../../insights/types.ts';
import type { Store } from '../../store/store.ts';
import { IncrementalFacts } from './incremental-facts.ts';

/**
 * Insights of every workspace a server answers for, each computed from facts held in memory and
 * brought up to date incrementally (IncrementalFacts) instead of loaded whole on every data change.
 * A filtered view narrows the same held facts (filterInsightsInput), as the full load did before.
 * Owned by whoever owns the view caches (createApp in this thread, the persistent insights worker
 * off it), so the facts live as long as the server and no longer.
 */
export class IncrementalInsights {
  private readonly facts = new Map<string, IncrementalFacts>();

  constructor(private readonly store: Store) {}

  /** The insights of `workspaceId` as of `now`, narrowed to `filter` when given. */
  async compute(workspaceId: string, now: Date, filter?: InsightFilter): Promise<Insights> {
    return computeInsights(filterInsightsInput(await this.of(workspaceId).input(now), filter));
  }

  /** The held facts of a workspace (made on first use; for tests and diagnostics). */
  of(workspaceId: string): IncrementalFacts {
    let facts = this.facts.get(workspaceId);
    if (!facts) this.facts.set(workspaceId, (facts = new IncrementalFacts(this.store, workspaceId)));
    return facts;
  }
}
