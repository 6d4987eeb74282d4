import type { Insights } from '../insights/types.ts';
import type { Store } from '../store/store.ts';

/** Computes insights for the current data (injected so the cache stays independent of how). */
export type InsightsComputer = () => Promise<Insights>;

/**
 * Keeps the last computed Insights and recomputes only when `store.dataVersion(ws)` changed since.
 * Concurrent requests during a computation share it (no stampede on a cold 1M-message database).
 */
export class InsightsCache {
  private value: { version: number; insights: Insights } | null = null;
  private pending: { version: number; promise: Promise<Insights> } | null = null;

  constructor(
    private readonly store: Store,
    private readonly workspaceId: string,
    private readonly compute: InsightsComputer,
  ) {}

  /** The insights for the data as it is now. */
  async get(): Promise<Insights> {
    const version = await this.store.dataVersion(this.workspaceId);
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
