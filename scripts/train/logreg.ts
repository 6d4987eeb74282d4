/**
 * Sparse logistic regression trained with AdaGrad SGD (Duchi, Hazan & Singer 2011): multinomial
 * (softmax) or one-vs-rest (sigmoid per label). Deterministic: a seeded shuffle, fixed epochs.
 */
import { mulberry32 } from '../../src/core/prng.ts';

export interface SparseDoc {
  idx: Int32Array;
  val: Float32Array;
  /** Softmax: the class index. One-vs-rest: one 0/1 target per label. */
  y: number | Uint8Array;
  weight: number;
}

export interface TrainedLinear {
  weights: Float64Array; // nFeatures × k
  bias: Float64Array;
}

export interface TrainOptions {
  k: number;
  nFeatures: number;
  mode: 'softmax' | 'ovr';
  epochs: number;
  lr: number;
  l2: number;
  seed: number;
  /** One-vs-rest only: extra weight on positive examples per label. */
  posWeight?: number[];
}

/** Fisher–Yates shuffle driven by a seeded generator: the epoch order of both trainers. */
export function shuffleInPlace<T>(items: T[], rand: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}

/**
 * The logits `z` of one document and the gradient `g` of its weighted loss with respect to them
 * (softmax cross-entropy, or one logistic loss per label with extra weight on positives): the step
 * both trainers share (this file's and cx-heads/train-head.ts). `z` is overwritten.
 */
export function lossGradient(
  d: SparseDoc, W: Float64Array, b: Float64Array, k: number, mode: 'softmax' | 'ovr', posWeight: readonly number[] | undefined,
  z: Float64Array, g: Float64Array,
): void {
  z.set(b);
  for (let f = 0; f < d.idx.length; f++) {
    const base = d.idx[f] * k;
    const v = d.val[f];
    for (let j = 0; j < k; j++) z[j] += v * W[base + j];
  }
  if (mode === 'softmax') {
    let max = -Infinity;
    for (let j = 0; j < k; j++) if (z[j] > max) max = z[j];
    let sum = 0;
    for (let j = 0; j < k; j++) { z[j] = Math.exp(z[j] - max); sum += z[j]; }
    for (let j = 0; j < k; j++) g[j] = (z[j] / sum - (d.y === j ? 1 : 0)) * d.weight;
  } else {
    const y = d.y as Uint8Array;
    for (let j = 0; j < k; j++) {
      const p = 1 / (1 + Math.exp(-z[j]));
      const pw = y[j] ? (posWeight?.[j] ?? 1) : 1;
      g[j] = (p - y[j]) * d.weight * pw;
    }
  }
}

export function trainLinear(docs: SparseDoc[], o: TrainOptions): TrainedLinear {
  const { k, nFeatures } = o;
  const W = new Float64Array(nFeatures * k);
  const G = new Float64Array(nFeatures * k).fill(1e-6);
  const b = new Float64Array(k);
  const Gb = new Float64Array(k).fill(1e-6);
  const order = docs.map((_, i) => i);
  const rand = mulberry32(o.seed);
  const z = new Float64Array(k);
  const g = new Float64Array(k);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    shuffleInPlace(order, rand);
    for (const di of order) {
      const d = docs[di];
      lossGradient(d, W, b, k, o.mode, o.posWeight, z, g);
      for (let j = 0; j < k; j++) {
        Gb[j] += g[j] * g[j];
        b[j] -= (o.lr * g[j]) / Math.sqrt(Gb[j]);
      }
      for (let f = 0; f < d.idx.length; f++) {
        const base = d.idx[f] * k;
        const v = d.val[f];
        for (let j = 0; j < k; j++) {
          const grad = g[j] * v + o.l2 * W[base + j];
          if (grad === 0) continue;
          G[base + j] += grad * grad;
          W[base + j] -= (o.lr * grad) / Math.sqrt(G[base + j]);
        }
      }
    }
  }
  return { weights: W, bias: b };
}
