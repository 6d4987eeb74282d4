import type { Interval } from '../types.ts';

/** Two-sided 95% standard normal quantile. */
export const Z95 = 1.959963984540054;

/**
 * Wilson score interval for a binomial proportion (E. B. Wilson, "Probable inference, the law of
 * succession, and statistical inference", JASA 22, 1927). Unlike the Wald interval it stays inside
 * [0, 1] and behaves on small samples, which is the usual case for one team's CSAT.
 */
export function wilsonInterval(successes: number, n: number, z = Z95): Interval | null {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * 95% interval of the NPS (in −1..1 units) from the variance of the difference of two shares of one
 * trinomial sample: Var(p̂ − d̂) = (p + d − (p − d)²) / n (B. Rocks, "Interval estimation for the net
 * promoter score", The American Statistician 70(4), 2016, Wald form).
 */
export function npsInterval(promoters: number, detractors: number, n: number, z = Z95): Interval | null {
  if (n < 2) return null;
  const p = promoters / n;
  const d = detractors / n;
  const nps = p - d;
  const se = Math.sqrt(Math.max(0, p + d - nps * nps) / n);
  return { low: Math.max(-1, nps - z * se), high: Math.min(1, nps + z * se) };
}

// Student t 0.975 quantiles for 1..30 degrees of freedom (standard tables).
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/**
 * 0.975 quantile of Student's t with `df` degrees of freedom: table up to 30, then the Cornish–Fisher
 * expansion around the normal quantile (Abramowitz & Stegun 26.7.5), accurate to 1e-4 there.
 */
export function t975(df: number): number {
  if (df < 1) return Number.NaN;
  if (df <= 30) return T975[Math.floor(df) - 1];
  const z = Z95;
  const z3 = z ** 3, z5 = z ** 5, z7 = z ** 7;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df)
    + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3);
}

/** Mean, sample standard deviation and t-interval of the mean from running sums. */
export function meanInterval(sum: number, sumSq: number, n: number): { mean: number | null; sd: number | null; ci: Interval | null } {
  if (n <= 0) return { mean: null, sd: null, ci: null };
  const mean = sum / n;
  if (n < 2) return { mean, sd: null, ci: null };
  const variance = Math.max(0, (sumSq - n * mean * mean) / (n - 1));
  const sd = Math.sqrt(variance);
  const half = t975(n - 1) * (sd / Math.sqrt(n));
  return { mean, sd, ci: { low: mean - half, high: mean + half } };
}

/** Rounds to `digits` decimals (reports show one or two). */
export function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
