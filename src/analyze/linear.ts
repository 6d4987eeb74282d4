/**
 * Scoring of the linear layers (multinomial and one-vs-rest logistic regression) over a FeatureSet,
 * plus the feature position that contributed most to a label (for evidence spans).
 */
import type { CompiledLinear } from './compiled.ts';
import type { FeatureSet } from './features.ts';
import { axpy } from './axpy.ts';
import { rowsIn } from './vocabulary.ts';

/** Raw scores (logits) per label. */
export function logits(cl: CompiledLinear, fs: FeatureSet): Float64Array {
  const out = Float64Array.from(cl.bias);
  const { k, weights } = cl;
  const { names, vals } = fs;
  const rows = rowsIn(cl, names, fs.shared);
  for (let f = 0; f < names.length; f++) {
    const i = rows[f];
    if (i < 0) continue;
    axpy(out, vals[f], weights, i * k, k);
  }
  return out;
}

/** Softmax in place. */
export function softmax(z: Float64Array): Float64Array {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let j = 0; j < z.length; j++) { z[j] = Math.exp(z[j] - max); sum += z[j]; }
  for (let j = 0; j < z.length; j++) z[j] /= sum;
  return z;
}

/** Logistic function: a one-vs-rest logit to a probability. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Word index whose features pushed `label` up the most, or -1 when nothing positional did. */
export function topPosition(cl: CompiledLinear, fs: FeatureSet, label: number): number {
  const { k, weights } = cl;
  const rows = rowsIn(cl, fs.names, fs.shared);
  const byPos = new Map<number, number>();
  for (let f = 0; f < fs.names.length; f++) {
    const p = fs.pos[f];
    if (p < 0) continue;
    const i = rows[f];
    if (i < 0) continue;
    byPos.set(p, (byPos.get(p) ?? 0) + fs.vals[f] * weights[i * k + label]);
  }
  let best = -1;
  let bestV = 0;
  for (const [p, v] of byPos) if (v > bestV) { bestV = v; best = p; }
  return best;
}
