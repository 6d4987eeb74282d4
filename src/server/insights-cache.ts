import { isEmptyFilter, type InsightFilter } from '../insights/filter-input.ts';
import type { Insights } from '../insights/types.ts';
import type { Store } from '../store/store.ts';
import { FilteredInsightsCache } from './filtered-insights-cache.ts';

/** Computes insights for the current data, narrowed to `filter` when given (injected so the cache stays independent of how). */
export type InsightsComputer = (filter?: InsightFilter) => Promise<Insights>;

/**
 * Keeps the last computed Insights and recomputes only when `store.dataVersion(ws)` changed since.
 * Concurrent requests during a computation share it (no stampede on a cold 1M-message database).
 */
export class InsightsCache {
  private value: { version: number; insights: Insights } | null = null;
  private pending: { version: number; promise: Promise<Insights> } | null = null;
  /** Filtered views, kept apart so the unfiltered insights are never evicted by them. */
  private readonly filtered = new FilteredInsightsCache();

  constructor(
    private readonly store: Store,
    private readonly workspaceId: string,
    private readonly compute: InsightsComputer,
  ) {}

  /** The insights for the data as it is now, narrowed to `filter` when one is given. */
  async get(filter?: InsightFilter): Promise<Insights> {
    const version = await this.store.dataVersion(this.workspaceId);
    if (!isEmptyFilter(filter)) return this.filtered.get(version, filter!, () => this.compute(filter));
    if (this.value && this.value.version === version) return this.value.insights;
    if (this.pending && this.pending.version === version) return this.pending.promise;
    const promise = this.compute().then(
      (insights) => {
        if (!this.value || this.value.version <= version) this.value = { version, insights };
        if (this.pending?.promise === promise) this.pending = null;
        return insights;
      },
      (err: unknown) => {
        if (this.pending?.promise === promise) this.pending = null;
        throw err;
      },
    );
    this.pending = { version, promise };
    return promise;
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
  ) {}

  /** The cache of a workspace. */
  for(workspaceId: string): InsightsCache {
    let cache = this.caches.get(workspaceId);
    if (!cache) {
      cache = new InsightsCache(this.store, workspaceId, (filter) => this.compute(workspaceId, filter));
      this.caches.set(workspaceId, cache);
    }
    return cache;
  }
}
