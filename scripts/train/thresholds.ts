/**
 * Decision thresholds of the one-vs-rest emotion layer, tuned on validation slices (never on
 * evaluation data): per-label F1 optimum, then coordinate ascent on the macro-F1 of the GoEmotions
 * paper's Ekman grouping (Demszky et al. 2020) plus neutral, averaged over slices so that a larger
 * corpus does not decide alone (end to end through the analyser: scripts/train/end-to-end.ts).
 */
import { EMOTIONS } from '../../src/core/labels.ts';
import { EKMAN, OURS_TO_EKMAN } from '../eval/datasets.ts';
import { f1, multiLabelMacroF1 } from '../eval/metrics.ts';

/** A validation slice: per-document probabilities (EMOTIONS order) and 0/1 targets. */
export interface ScoredSlice {
  name: string;
  p: number[][];
  y: Uint8Array[];
}

const GRID: number[] = [];
for (let t = 0.1; t <= 0.9001; t += 0.025) GRID.push(Math.round(t * 1000) / 1000);

/** Per-label thresholds maximising that label's F1 on the slice, with the F1 reached. */
export function labelThresholds(s: ScoredSlice): { thresholds: number[]; f1: number[] } {
  const f1s: number[] = [];
  const thresholds = EMOTIONS.map((_, j) => {
    let best = 0.5;
    let bestF = -1;
    for (const t of GRID) {
      let tp = 0, fp = 0, fn = 0;
      s.p.forEach((p, i) => {
        if (p[j] >= t) { if (s.y[i][j]) tp++; else fp++; } else if (s.y[i][j]) fn++;
      });
      const f = f1(tp, fp, fn);
      if (f > bestF) { bestF = f; best = t; }
    }
    f1s.push(bestF);
    return best;
  });
  return { thresholds, f1: f1s };
}

/**
 * The Ekman groups (plus "neutral" for no label) that a set of Écoute labels names, by the same
 * mapping as the evaluation (scripts/eval/datasets.ts): tuning and evaluation read labels alike.
 */
export function ekmanSet(has: (j: number) => boolean): Set<string> {
  const s = new Set<string>();
  EMOTIONS.forEach((label, j) => { if (has(j)) s.add(OURS_TO_EKMAN[label]); });
  return s.size ? s : new Set(['neutral']);
}

/** Macro-F1 over the Ekman groups present in the gold, neutral included (the evaluation's metric). */
export function ekmanMacroF1(gold: Set<string>[], pred: Set<string>[]): number {
  return multiLabelMacroF1(gold, pred, EKMAN).f1;
}

/** Ekman-grouped macro-F1 of a slice of model probabilities under thresholds `th`. */
export function ekmanScorer(s: ScoredSlice): (th: number[]) => number {
  const gold = s.y.map((y) => ekmanSet((j) => y[j] === 1));
  return (th) => ekmanMacroF1(gold, s.p.map((p) => ekmanSet((j) => p[j] >= th[j])));
}

/** Coordinate ascent (three passes over the grid, one threshold at a time) maximising `score`. */
export function coordinateAscent(score: (th: number[]) => number, start: number[]): number[] {
  const th = [...start];
  let best = score(th);
  for (let pass = 0; pass < 3; pass++) {
    for (let j = 0; j < th.length; j++) {
      for (const t of GRID) {
        const prev = th[j];
        th[j] = t;
        const f = score(th);
        if (f > best + 1e-9) best = f; else th[j] = prev;
      }
    }
  }
  return th;
}

/** Thresholds maximising the mean Ekman macro-F1 of `slices` (model probabilities alone). */
export function ekmanThresholds(slices: ScoredSlice[], start: number[]): { thresholds: number[]; before: number[]; after: number[] } {
  const scorers = slices.map(ekmanScorer);
  const th = coordinateAscent((t) => scorers.reduce((a, f) => a + f(t), 0) / scorers.length, start);
  return { thresholds: th, before: scorers.map((f) => f(start)), after: scorers.map((f) => f(th)) };
}
