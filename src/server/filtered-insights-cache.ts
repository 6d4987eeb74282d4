import { filterKey, type InsightFilter } from '../insights/filter-input.ts';
import type { Insights } from '../insights/types.ts';

/** How many filters' insights are kept per data version (a team looking at a few views at once). */
export const FILTERED_CACHE_SIZE = 16;

/**
 * The insights of the last few filters of one data version, least recently used dropped first. Each
 * filtered computation costs about what the unfiltered one does, so a bound keeps memory flat however
 * many filters people try, while the ones in use (a shared link, the page being read) stay warm.
 * Concurrent requests for the same filter share one computation.
 */
export class FilteredInsightsCache {
  private version: number | null = null;
  private readonly entries = new Map<string, Promise<Insights>>();

  constructor(private readonly size = FILTERED_CACHE_SIZE) {}

  /** The insights of `filter` at data `version`, computed by `compute` when not kept. */
  get(version: number, filter: InsightFilter, compute: () => Promise<Insights>): Promise<Insights> {
    // New data: every kept result is stale.
    if (this.version !== version) {
      this.entries.clear();
      this.version = version;
    }
    const key = filterKey(filter);
    const kept = this.entries.get(key);
    if (kept) {
      // Map order is insertion order: re-inserting marks it most recently used.
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept;
    }
    const promise = compute();
    // A failed computation is not kept: the next request tries again.
    promise.catch(() => {
      if (this.entries.get(key) === promise) this.entries.delete(key);
    });
    this.entries.set(key, promise);
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
    return promise;
  }

  /** Filter keys kept now, oldest first (for tests and diagnostics). */
  keys(): string[] {
    return [...this.entries.keys()];
  }
}
