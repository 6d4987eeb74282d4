/**
 * "Wide & deep" multi-label classifier over sparse features (Cheng et al. 2016): one sigmoid per
 * label over logit = W0·x + W2·relu(W1·x + b1) + b2. The wide part is a logistic regression (it
 * still names the evidence words at run time); the hidden layer learns the feature interactions a
 * bag of words cannot (register × word, short line × punctuation). Both are trained jointly with
 * AdaGrad SGD (Duchi, Hazan & Singer 2011) from a seeded start and a seeded shuffle: deterministic.
 */
import { mulberry32 } from '../../src/core/prng.ts';
import { shuffleInPlace, type SparseDoc } from './logreg.ts';

export interface TrainedNet {
  /** Wide part, nFeatures × k. */
  w0: Float64Array;
  /** Hidden layer, nFeatures × hidden. */
  w1: Float64Array;
  b1: Float64Array;
  /** hidden × k */
  w2: Float64Array;
  b2: Float64Array;
  hidden: number;
  k: number;
}

export interface NetOptions {
  k: number;
  nFeatures: number;
  hidden: number;
  epochs: number;
  /** AdaGrad step of the hidden layer; the wide part uses `wideLr`. */
  lr: number;
  wideLr: number;
  l2: number;
  seed: number;
  /** Extra weight on positive examples, per label. */
  posWeight: number[];
  /** Documents the hidden layer sees (default all); the others train the wide part alone. */
  deep?: (d: SparseDoc) => boolean;
  /** Features that feed the hidden layer (1) — frequent ones; the rest feed the wide part only. */
  deepFeatures?: Uint8Array;
}

/** Logits of one document; `h` receives the hidden activations. */
export function netLogits(m: TrainedNet, d: SparseDoc, h: Float64Array, deep = true, deepFeatures?: Uint8Array): Float64Array {
  const { hidden: H, k } = m;
  h.set(m.b1);
  const z = Float64Array.from(m.b2);
  for (let q = 0; q < d.idx.length; q++) {
    const v = d.val[q];
    const b1 = d.idx[q] * H;
    if (deep && (!deepFeatures || deepFeatures[d.idx[q]])) for (let u = 0; u < H; u++) h[u] += v * m.w1[b1 + u];
    const b0 = d.idx[q] * k;
    for (let j = 0; j < k; j++) z[j] += v * m.w0[b0 + j];
  }
  if (!deep) { h.fill(0); return z; }
  for (let u = 0; u < H; u++) {
    if (h[u] <= 0) { h[u] = 0; continue; }
    for (let j = 0; j < k; j++) z[j] += h[u] * m.w2[u * k + j];
  }
  return z;
}

/** AdaGrad step on one weight. */
function step(w: Float64Array, G: Float64Array, i: number, grad: number, lr: number): void {
  G[i] += grad * grad;
  w[i] -= (lr * grad) / Math.sqrt(G[i]);
}

export function trainNet(docs: SparseDoc[], o: NetOptions): TrainedNet {
  const { k, nFeatures, hidden: H } = o;
  const rand = mulberry32(o.seed);
  const m: TrainedNet = {
    w0: new Float64Array(nFeatures * k),
    w1: new Float64Array(nFeatures * H).map(() => (rand() - 0.5) * 0.02),
    b1: new Float64Array(H).fill(0.01),
    w2: new Float64Array(H * k).map(() => (rand() - 0.5) * 0.02),
    b2: new Float64Array(k),
    hidden: H,
    k,
  };
  const G0 = new Float64Array(nFeatures * k).fill(1e-6);
  const G1 = new Float64Array(nFeatures * H).fill(1e-6);
  const Gb1 = new Float64Array(H).fill(1e-6);
  const G2 = new Float64Array(H * k).fill(1e-6);
  const Gb2 = new Float64Array(k).fill(1e-6);
  const order = docs.map((_, i) => i);
  const h = new Float64Array(H);
  const g = new Float64Array(k);
  const gh = new Float64Array(H);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    shuffleInPlace(order, rand);
    for (const di of order) {
      const d = docs[di];
      const z = netLogits(m, d, h, o.deep?.(d) ?? true, o.deepFeatures);
      const y = d.y as Uint8Array;
      for (let j = 0; j < k; j++) g[j] = (1 / (1 + Math.exp(-z[j])) - y[j]) * d.weight * (y[j] ? o.posWeight[j] : 1);
      // Back-propagate through W2 before updating it.
      gh.fill(0);
      for (let u = 0; u < H; u++) {
        if (h[u] <= 0) continue;
        for (let j = 0; j < k; j++) {
          const i = u * k + j;
          gh[u] += g[j] * m.w2[i];
          step(m.w2, G2, i, g[j] * h[u] + o.l2 * m.w2[i], o.lr);
        }
      }
      for (let j = 0; j < k; j++) step(m.b2, Gb2, j, g[j], o.wideLr);
      for (let u = 0; u < H; u++) if (gh[u] !== 0) step(m.b1, Gb1, u, gh[u], o.lr);
      for (let q = 0; q < d.idx.length; q++) {
        const v = d.val[q];
        const b0 = d.idx[q] * k;
        for (let j = 0; j < k; j++) step(m.w0, G0, b0 + j, g[j] * v + o.l2 * m.w0[b0 + j], o.wideLr);
        if (o.deepFeatures && !o.deepFeatures[d.idx[q]]) continue;
        const b1 = d.idx[q] * H;
        for (let u = 0; u < H; u++) if (gh[u] !== 0) step(m.w1, G1, b1 + u, gh[u] * v + o.l2 * m.w1[b1 + u], o.lr);
      }
    }
  }
  return m;
}

/**
 * Averages the logits of several nets trained alike (a bagged ensemble) as one net: wide weights
 * and output biases averaged, hidden units side by side with their output weights divided by n.
 */
export function mergeNets(nets: TrainedNet[]): TrainedNet {
  const n = nets.length;
  const { k } = nets[0];
  const H = nets[0].hidden;
  const nFeatures = nets[0].w0.length / k;
  const w0 = new Float64Array(nets[0].w0.length);
  const b2 = new Float64Array(k);
  const w1 = new Float64Array(nFeatures * H * n);
  const b1 = new Float64Array(H * n);
  const w2 = new Float64Array(H * n * k);
  nets.forEach((m, t) => {
    for (let i = 0; i < w0.length; i++) w0[i] += m.w0[i] / n;
    for (let j = 0; j < k; j++) b2[j] += m.b2[j] / n;
    for (let f = 0; f < nFeatures; f++) for (let u = 0; u < H; u++) w1[f * H * n + t * H + u] = m.w1[f * H + u];
    for (let u = 0; u < H; u++) {
      b1[t * H + u] = m.b1[u];
      for (let j = 0; j < k; j++) w2[(t * H + u) * k + j] = m.w2[u * k + j] / n;
    }
  });
  return { w0, w1, b1, w2, b2, hidden: H * n, k };
}
