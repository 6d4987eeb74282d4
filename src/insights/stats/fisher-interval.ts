import type { Interval } from '../types.ts';
import { Z95 } from './intervals.ts';

/** Fewest pairs a Fisher interval exists for: its standard error is 1/√(n − 3). */
export const MIN_FISHER_PAIRS = 4;

/**
 * 95 % interval of a Pearson r by Fisher's z transform (R. A. Fisher, "On the probable error of a
 * coefficient of correlation deduced from a small sample", Metron 1, 1921): z = atanh r is nearly
 * normal with standard error 1/√(n − 3); the bounds are tanh(z ± 1.96·se). Null under 4 pairs, and
 * for |r| = 1 the interval collapses to r (atanh is infinite there).
 */
export function fisherInterval(r: number, n: number, z = Z95): Interval | null {
  if (n < MIN_FISHER_PAIRS || !Number.isFinite(r)) return null;
  if (Math.abs(r) >= 1) return { low: r, high: r };
  const centre = Math.atanh(r);
  const half = z / Math.sqrt(n - 3);
  return { low: Math.tanh(centre - half), high: Math.tanh(centre + half) };
}
