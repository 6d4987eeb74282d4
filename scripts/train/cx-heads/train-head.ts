/**
 * Trainer of one head: logistic regression (softmax or one sigmoid per label) by mini-batch
 * AdaGrad (Duchi, Hazan & Singer 2011) with a true L2 penalty on every weight at every step.
 * ../logreg.ts penalises a weight only when its feature occurs, which suits the core model's
 * hundred thousand lines but not a corpus of a thousand: there, a word seen twice kept its full
 * weight (the heads learned the corpus by heart: training F1 1.0) while the frequent, general
 * features were the ones shrunk. Deterministic: a seeded shuffle, fixed epochs.
 */
import { mulberry32 } from '../../../src/core/prng.ts';
import { lossGradient, shuffleInPlace, type SparseDoc, type TrainedLinear, type TrainOptions } from '../logreg.ts';

/** The settings of ../logreg.ts (its `l2` here a penalty per unit of mean loss, bias excluded) and a mini-batch size. */
export interface HeadTrainOptions extends TrainOptions {
  batch: number;
}

/** Trains one head on `docs`. */
export function trainHead(docs: readonly SparseDoc[], o: HeadTrainOptions): TrainedLinear {
  const { k, nFeatures } = o;
  const W = new Float64Array(nFeatures * k);
  const G = new Float64Array(nFeatures * k).fill(1e-8);
  const grad = new Float64Array(nFeatures * k);
  const b = new Float64Array(k);
  const Gb = new Float64Array(k).fill(1e-8);
  const gb = new Float64Array(k);
  const z = new Float64Array(k);
  const g = new Float64Array(k);
  const order = docs.map((_, i) => i);
  const rand = mulberry32(o.seed);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    shuffleInPlace(order, rand);
    for (let start = 0; start < order.length; start += o.batch) {
      const end = Math.min(order.length, start + o.batch);
      grad.fill(0);
      gb.fill(0);
      let batchWeight = 0;
      for (let q = start; q < end; q++) {
        const d = docs[order[q]];
        batchWeight += d.weight;
        lossGradient(d, W, b, k, o.mode, o.posWeight, z, g);
        for (let j = 0; j < k; j++) gb[j] += g[j];
        for (let f = 0; f < d.idx.length; f++) {
          const base = d.idx[f] * k;
          for (let j = 0; j < k; j++) grad[base + j] += g[j] * d.val[f];
        }
      }
      // The batch's estimate of the objective's gradient: mean loss + l2/2 · |W|² (every weight).
      const scale = 1 / Math.max(batchWeight, 1e-9);
      for (let i = 0; i < W.length; i++) {
        const gi = grad[i] * scale + o.l2 * W[i];
        if (gi === 0) continue;
        G[i] += gi * gi;
        W[i] -= (o.lr * gi) / Math.sqrt(G[i]);
      }
      for (let j = 0; j < k; j++) {
        const gj = gb[j] * scale;
        Gb[j] += gj * gj;
        b[j] -= (o.lr * gj) / Math.sqrt(Gb[j]);
      }
    }
  }
  return { weights: W, bias: b };
}
