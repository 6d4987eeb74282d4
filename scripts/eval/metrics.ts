/** Evaluation metrics: macro-F1 (single- and multi-label) and accuracy. */
import { mulberry32 } from '../../src/core/prng.ts';

/** F1 from counts of true positives, false positives and false negatives (0 when tp is 0). */
export function f1(tp: number, fp: number, fn: number): number {
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

/** Macro-F1 over `labels` for single-label predictions. */
export function macroF1(gold: string[], pred: string[], labels: readonly string[]): number {
  let sum = 0;
  for (const l of labels) {
    let tp = 0, fp = 0, fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (pred[i] === l && gold[i] === l) tp++;
      else if (pred[i] === l) fp++;
      else if (gold[i] === l) fn++;
    }
    sum += f1(tp, fp, fn);
  }
  return sum / labels.length;
}

/** Macro-F1 over the labels that occur in the gold sets (multi-label, per-label binary F1). */
export function multiLabelMacroF1(gold: Set<string>[], pred: Set<string>[], labels: readonly string[]): { f1: number; per: Record<string, number> } {
  const per: Record<string, number> = {};
  for (const l of labels) {
    let tp = 0, fp = 0, fn = 0, support = 0;
    for (let i = 0; i < gold.length; i++) {
      const g = gold[i].has(l);
      const p = pred[i].has(l);
      if (g) support++;
      if (g && p) tp++; else if (p) fp++; else if (g) fn++;
    }
    if (support > 0) per[l] = f1(tp, fp, fn);
  }
  const vals = Object.values(per);
  return { f1: vals.reduce((a, b) => a + b, 0) / Math.max(1, vals.length), per };
}

/** Share of predictions equal to the gold label. */
export function accuracy(gold: string[], pred: string[]): number {
  let ok = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === pred[i]) ok++;
  return ok / Math.max(1, gold.length);
}

/**
 * 95% percentile bootstrap interval of a statistic over n items (Efron & Tibshirani 1993): the
 * items are resampled with replacement `reps` times from a seeded generator, so a rerun prints the
 * same interval. `stat` receives the resampled item indices. It shows how far a figure may move on
 * another sample of the same size, which is what a floor 0.003 away needs to be read against.
 */
export function bootstrapInterval(n: number, stat: (idx: number[]) => number, reps = 400, seed = 20201): [number, number] {
  const rand = mulberry32(seed);
  const values: number[] = [];
  const idx = new Array<number>(n);
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < n; i++) idx[i] = Math.floor(rand() * n);
    values.push(stat(idx));
  }
  values.sort((a, b) => a - b);
  const at = (q: number) => values[Math.min(reps - 1, Math.max(0, Math.round(q * (reps - 1))))];
  return [at(0.025), at(0.975)];
}
