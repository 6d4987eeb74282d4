import type { TwoByTwoEffect } from '../types.ts';
import { Z95 } from './intervals.ts';

/**
 * Risk difference with its Wald 95% interval, and the odds ratio with Haldane's +0.5 correction and
 * Woolf's log interval (B. Woolf, "On estimating the relation between blood group and disease",
 * Annals of Human Genetics 19, 1955). Both sides need at least one observation.
 */
export function twoByTwo(withBad: number, withN: number, withoutBad: number, withoutN: number): TwoByTwoEffect | null {
  if (withN <= 0 || withoutN <= 0) return null;
  const p1 = withBad / withN;
  const p2 = withoutBad / withoutN;
  const difference = p1 - p2;
  const se = Math.sqrt((p1 * (1 - p1)) / withN + (p2 * (1 - p2)) / withoutN);
  const a = withBad + 0.5, b = withN - withBad + 0.5, c = withoutBad + 0.5, d = withoutN - withoutBad + 0.5;
  const logOr = Math.log((a * d) / (b * c));
  const seLog = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
  return {
    rateWith: p1,
    rateWithout: p2,
    difference,
    differenceCi: { low: difference - Z95 * se, high: difference + Z95 * se },
    oddsRatio: Math.exp(logOr),
    oddsRatioCi: { low: Math.exp(logOr - Z95 * seLog), high: Math.exp(logOr + Z95 * seLog) },
  };
}
