import type { Clock } from '../core/ports.ts';
import { filterKey, isEmptyFilter, type InsightFilter } from '../insights/filter-input.ts';
import type { Insights } from '../insights/types.ts';
import type { Store } from '../store/store.ts';

/** Computes insights for the current data, narrowed to `filter` when given (injected so the cache stays independent of how). */
export type InsightsComputer = (filter?: InsightFilter) => Promise<Insights>;

/** How many filters' insights are kept besides the unfiltered ones (a team looking at a few views at once). */
export const FILTERED_CACHE_SIZE = 16;

/** Insights as a request gets them: fresh (of the data as it is now) or, when the caller accepts it, the last ones computed. */
export interface InsightsRead {
  insights: Insights;
  /** The data version they were computed on. */
  version: number;
  computedAt: Date;
  /** True when the data changed since and a newer computation is under way. */
  stale: boolean;
}

interface Entry {
  version: number;
  promise: Promise<Insights>;
  done: { insights: Insights; at: Date } | null;
}

/**
 * The insights of one workspace, per question asked (the unfiltered view, and the last
 * FILTERED_CACHE_SIZE filters, least recently used dropped first), recomputed only when
 * `store.dataVersion` changed. Concurrent requests for the same view share one computation.
 *
 * While data keeps changing (an import commits a batch every second or so), a computation is nearly
 * always running; a caller that accepts a stale answer (the dashboard: HTTP `Cache-Control:
 * max-stale`) then gets the last result at once instead of waiting for it, and starts no second one.
 * A caller that does not (scripts, the API by default) waits for the data as it is now. A full
 * computation costs seconds at a million messages, so before this every batch made every open
 * dashboard wait, and computations piled up.
 */
export class InsightsCache {
  /** The latest computation per view ('' is the unfiltered one), least recently used first. */
  private readonly entries = new Map<string, Entry>();
  /** The last successful result per view, what a stale-accepting caller gets while `entries` computes. */
  private readonly lastGood = new Map<string, { version: number; insights: Insights; at: Date }>();

  constructor(
    private readonly store: Store,
    private readonly workspaceId: string,
    private readonly compute: InsightsComputer,
    private readonly clock: Clock,
    private readonly size = FILTERED_CACHE_SIZE,
  ) {}

  /** The insights of the data as it is now, narrowed to `filter` when one is given. */
  async get(filter?: InsightFilter): Promise<Insights> {
    return (await this.read(filter)).insights;
  }

  /**
   * The insights for `filter`; while a computation of that view runs, the last result instead when it
   * is at most `maxStaleMs` old (marked stale if the data changed since).
   */
  async read(filter?: InsightFilter, maxStaleMs = 0): Promise<InsightsRead> {
    const version = await this.store.dataVersion(this.workspaceId);
    const key = filterKey(filter);
    const entry = this.touch(key);
    if (entry?.version === version && entry.done) return { insights: entry.done.insights, version, computedAt: entry.done.at, stale: false };
    const good = this.lastGood.get(key);
    // Only while a computation of this view runs: with nothing running, the request computes the data
    // as it is now (so a change a user just made shows), and every other stale-accepting request
    // meanwhile gets the last result instead of waiting or starting a second computation.
    if (good && entry && !entry.done && maxStaleMs > 0 && this.clock().getTime() - good.at.getTime() <= maxStaleMs) {
      return { insights: good.insights, version: good.version, computedAt: good.at, stale: good.version !== version };
    }
    const current = entry?.version === version ? entry : this.start(key, version, filter);
    const insights = await current.promise;
    return { insights, version, computedAt: current.done?.at ?? this.clock(), stale: false };
  }

  /** Views kept now, least recently used first ('' is the unfiltered one; for tests and diagnostics). */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  private touch(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      // Map order is insertion order: re-inserting marks it most recently used.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  private start(key: string, version: number, filter: InsightFilter | undefined): Entry {
    const entry: Entry = { version, promise: this.compute(isEmptyFilter(filter) ? undefined : filter), done: null };
    entry.promise.then(
      (insights) => {
        entry.done = { insights, at: this.clock() };
        const good = this.lastGood.get(key);
        if (!good || good.version <= version) this.lastGood.set(key, { version, ...entry.done });
      },
      // A failed computation is not kept: the next request tries again.
      () => { if (this.entries.get(key) === entry) this.entries.delete(key); },
    );
    // Newest data wins: a request that read an older version a moment before never replaces a newer computation.
    const kept = this.entries.get(key);
    if (!kept || kept.version <= version) this.entries.set(key, entry);
    this.evict();
    return entry;
  }

  private evict(): void {
    // The unfiltered view is never evicted by filtered ones: every page starts from it.
    const limit = this.size + (this.entries.has('') ? 1 : 0);
    for (const key of this.entries.keys()) {
      if (this.entries.size <= limit) break;
      if (key === '') continue;
      this.entries.delete(key);
      this.lastGood.delete(key);
    }
  }
}

/** Computes one workspace's insights, narrowed to `filter` when given (AppDeps.computeInsights). */
export type WorkspaceInsightsComputer = (workspaceId: string, filter?: InsightFilter) => Promise<Insights>;

/**
 * One InsightsCache per workspace, made on first use: a server serving several workspaces never
 * answers one workspace's request with another's insights, and each recomputes on its own data version.
 * Only workspaces a request was let into get one (workspace-context.ts), so the map stays that size.
 */
export class InsightsCaches {
  private readonly caches = new Map<string, InsightsCache>();

  constructor(
    private readonly store: Store,
    private readonly compute: WorkspaceInsightsComputer,
    private readonly clock: Clock,
  ) {}

  /** The cache of a workspace. */
  for(workspaceId: string): InsightsCache {
    let cache = this.caches.get(workspaceId);
    if (!cache) {
      cache = new InsightsCache(this.store, workspaceId, (filter) => this.compute(workspaceId, filter), this.clock);
      this.caches.set(workspaceId, cache);
    }
    return cache;
  }
}
