import { computeInsights, newInsightsMemo, type InsightsMemo } from '../../insights/compute-insights.ts';
import { filterInsightsInput, type InsightFilter } from '../../insights/filter-input.ts';
import type { Insights } from '../../insights/types.ts';
import type { Store } from '../../store/store.ts';
import { IncrementalFacts } from './incremental-facts.ts';

/**
 * Insights of every workspace a server answers for, each computed from facts held in memory and
 * brought up to date incrementally (IncrementalFacts) instead of loaded whole on every data change.
 * A filtered view narrows the same held facts (filterInsightsInput), as the full load did before.
 * What the computation learns of each message text (its phrases, for discovered themes) is kept too
 * (InsightsMemo), so a refresh after a batch works on the batch's new texts, not on every text again;
 * so are each day's tallies of the sections that are sums over days (volumes, score breakdowns,
 * journey map, theme statistics, spikes: insights/day-sections.ts) and each customer's profile
 * (insights/customer-memo.ts), each customer's risk, each day's brand tallies (competitors) and candidate
 * compliments, so only the days and customers a batch touched are counted again.
 * Owned by whoever owns the view caches (createApp in this thread, the persistent insights worker
 * off it), so the facts live as long as the server and no longer.
 */
export class IncrementalInsights {
  /** Per workspace: its held facts and what its computations keep between them, made together on first use. */
  private readonly held = new Map<string, { facts: IncrementalFacts; memo: InsightsMemo }>();

  constructor(private readonly store: Store) {}

  /** The insights of `workspaceId` as of `now`, narrowed to `filter` when given. */
  async compute(workspaceId: string, now: Date, filter?: InsightFilter): Promise<Insights> {
    const { facts, memo } = this.workspace(workspaceId);
    return computeInsights(filterInsightsInput(await facts.input(now), filter), memo);
  }

  /** The held facts of a workspace (made on first use; for tests and diagnostics). */
  of(workspaceId: string): IncrementalFacts {
    return this.workspace(workspaceId).facts;
  }

  private workspace(workspaceId: string): { facts: IncrementalFacts; memo: InsightsMemo } {
    let held = this.held.get(workspaceId);
    if (!held) this.held.set(workspaceId, (held = { facts: new IncrementalFacts(this.store, workspaceId), memo: newInsightsMemo() }));
    return held;
  }
}
