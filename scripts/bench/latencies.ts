/**
 * Latency figures of the benchmarks (bench-dashboard.ts, dashboard-during-import.ts, api-load.ts,
 * search-latency.ts): the nearest-rank percentile, and the usual summary of a set of timings.
 */

/** The p-th percentile (nearest rank) of ascending `sorted` values; NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

/** Count, median, 95th and 99th percentiles and maximum of `times` (ms; sorted in place). */
export interface Timing {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Sorts `times` and summarises them. */
export function summarize(times: number[]): Timing {
  times.sort((a, b) => a - b);
  return { n: times.length, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), max: times.length ? times[times.length - 1] : NaN };
}
