import type { Clock } from '../core/ports.ts';
import { filterKey, isEmptyFilter, type InsightFilter } from '../insights/filter-input.ts';
import type { Store } from '../store/store.ts';

/** Computes a view of the current data, narrowed to `filter` when given (injected so the cache stays independent of how). */
export type ViewComputer<T> = (filter?: InsightFilter) => Promise<T>;

/** How many filters' results are kept besides the unfiltered one (a team looking at a few views at once). */
export const FILTERED_CACHE_SIZE = 16;

/**
 * How long a stale-accepting caller waits for a computation it starts (nothing running, the data
 * changed) before it gets the last result instead, where the view's last computation took longer
 * than this. A small workspace computes within it and is always answered fresh, so a change a user
 * just made shows at once; a million messages take 6–10 s (README, *Speed*), and without a bound the
 * first dashboard request after each change waited all of it. Below the dashboard's 300 ms target.
 */
export const FRESH_WAIT_MS = 200;

/** A view as a request gets it: fresh (of the data as it is now) or, when the caller accepts it, the last one computed. */
export interface ViewRead<T> {
  value: T;
  /** The data version they were computed on. */
  version: number;
  computedAt: Date;
  /** True when the data changed since and a newer computation is under way. */
  stale: boolean;
}

interface Entry<T> {
  version: number;
  promise: Promise<T>;
  done: { value: T; at: Date } | null;
}

/**
 * One workspace's view of its data (the insights, the lagged EX–CX report), per question asked
 * (unfiltered, and the last
 * FILTERED_CACHE_SIZE filters, least recently used dropped first), recomputed only when
 * `store.dataVersion` changed. Concurrent requests for the same view share one computation.
 *
 * While data keeps changing (an import commits a batch every second or so), a computation is nearly
 * always running; a caller that accepts a stale answer (the dashboard: HTTP `Cache-Control:
 * max-stale`) then gets the last result at once instead of waiting for it, and starts no second one.
 * With nothing running, such a caller starts the computation of the data as it is now and waits for
 * it; where the last one took longer than `freshWaitMs` (FRESH_WAIT_MS), at most that long, then it
 * gets the last result while the computation goes on.
 * A caller that does not (scripts, the API by default) waits for the data as it is now. A full
 * computation costs seconds at a million messages, so before this every batch made every open
 * dashboard wait, and computations piled up.
 */
export class ViewCache<T> {
  /** The latest computation per view ('' is the unfiltered one), least recently used first. */
  private readonly entries = new Map<string, Entry<T>>();
  /** The last successful result per view, what a stale-accepting caller gets while `entries` computes. */
  private readonly lastGood = new Map<string, { version: number; value: T; at: Date; tookMs: number }>();

  constructor(
    private readonly store: Store,
    private readonly workspaceId: string,
    private readonly compute: ViewComputer<T>,
    private readonly clock: Clock,
    private readonly size = FILTERED_CACHE_SIZE,
    private readonly freshWaitMs = FRESH_WAIT_MS,
  ) {}

  /** The view of the data as it is now, narrowed to `filter` when one is given. */
  async get(filter?: InsightFilter): Promise<T> {
    return (await this.read(filter)).value;
  }

  /**
   * The view for `filter`; while a computation of that view runs, the last result instead when it
   * is at most `maxStaleMs` old (marked stale if the data changed since).
   */
  async read(filter?: InsightFilter, maxStaleMs = 0): Promise<ViewRead<T>> {
    const version = await this.store.dataVersion(this.workspaceId);
    const key = filterKey(filter);
    const entry = this.touch(key);
    if (entry?.version === version && entry.done) return { value: entry.done.value, version, computedAt: entry.done.at, stale: false };
    const good = this.lastGood.get(key);
    const acceptable = good !== undefined && maxStaleMs > 0 && this.clock().getTime() - good.at.getTime() <= maxStaleMs;
    const last = (): ViewRead<T> => ({ value: good!.value, version: good!.version, computedAt: good!.at, stale: good!.version !== version });
    // While a computation of this view runs, every stale-accepting request gets the last result at once
    // instead of waiting or starting a second computation.
    if (acceptable && entry && !entry.done) return last();
    const current = entry?.version === version ? entry : this.start(key, version, filter);
    // With nothing running, the request starts the data as it is now (so a change a user just made
    // shows); where the last computation took longer than freshWaitMs (a large workspace), a request
    // that accepts the last result waits for this one only so long.
    if (acceptable && good.tookMs > this.freshWaitMs && !current.done && !(await settlesWithin(current.promise, this.freshWaitMs))) return last();
    const value = await current.promise;
    return { value, version, computedAt: current.done?.at ?? this.clock(), stale: false };
  }

  /** Views kept now, least recently used first ('' is the unfiltered one; for tests and diagnostics). */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  private touch(key: string): Entry<T> | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      // Map order is insertion order: re-inserting marks it most recently used.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  private start(key: string, version: number, filter: InsightFilter | undefined): Entry<T> {
    const started = performance.now();
    const entry: Entry<T> = { version, promise: this.compute(isEmptyFilter(filter) ? undefined : filter), done: null };
    entry.promise.then(
      (value) => {
        entry.done = { value, at: this.clock() };
        const good = this.lastGood.get(key);
        if (!good || good.version <= version) this.lastGood.set(key, { version, ...entry.done, tookMs: performance.now() - started });
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

/** Whether `promise` settles (either way) within `ms`; its rejection stays the caller's to read. */
function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), ms); });
  return Promise.race([promise.then(() => true, () => true), late]).finally(() => clearTimeout(timer));
}

/** Computes one workspace's view, narrowed to `filter` when given (e.g. AppDeps.computeInsights). */
export type WorkspaceViewComputer<T> = (workspaceId: string, filter?: InsightFilter) => Promise<T>;

/**
 * One ViewCache per workspace, made on first use: a server serving several workspaces never
 * answers one workspace's request with another's data, and each recomputes on its own data version.
 * Only workspaces a request was let into get one (workspace-context.ts), so the map stays that size.
 */
export class ViewCaches<T> {
  private readonly caches = new Map<string, ViewCache<T>>();

  constructor(
    private readonly store: Store,
    private readonly compute: WorkspaceViewComputer<T>,
    private readonly clock: Clock,
  ) {}

  /** The cache of a workspace. */
  for(workspaceId: string): ViewCache<T> {
    let cache = this.caches.get(workspaceId);
    if (!cache) {
      cache = new ViewCache<T>(this.store, workspaceId, (filter) => this.compute(workspaceId, filter), this.clock);
      this.caches.set(workspaceId, cache);
    }
    return cache;
  }
}
