/**
 * Inference for the coach's softmax heads over sparse named features. The feature index of a model
 * is built once and cached per model object, since a batch scores every reply with the same model.
 */
import type { CoachModel, LinearHead } from './coach-model.ts';
import type { FeatureMap } from './reply-features.ts';

const indexCache = new WeakMap<CoachModel, Map<string, number>>();

/** Feature name -> row, cached per model. */
export function featureIndex(model: CoachModel): Map<string, number> {
  let index = indexCache.get(model);
  if (!index) {
    index = new Map(model.features.map((name, i) => [name, i]));
    indexCache.set(model, index);
  }
  return index;
}

/** A feature map as (row, value) pairs restricted to the model's vocabulary. */
export interface SparseRow {
  idx: number[];
  val: number[];
}

/** Keeps the features the model knows, sorted by row (the order does not change the result but keeps it reproducible). */
export function toSparseRow(features: FeatureMap, index: ReadonlyMap<string, number>): SparseRow {
  const pairs: [number, number][] = [];
  for (const [name, v] of features) {
    const j = index.get(name);
    if (j !== undefined && v !== 0) pairs.push([j, v]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  return { idx: pairs.map((p) => p[0]), val: pairs.map((p) => p[1]) };
}

/** Softmax class probabilities of one head. */
export function headProbabilities(head: LinearHead, row: SparseRow): number[] {
  const k = head.classes;
  const z = head.bias.slice();
  for (let q = 0; q < row.idx.length; q++) {
    const base = row.idx[q] * k;
    for (let c = 0; c < k; c++) z[c] += row.val[q] * head.weights[base + c];
  }
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** Index of the largest value (first on ties, so results are stable). */
export function argmax(xs: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (xs[i] > xs[best]) best = i;
  return best;
}
