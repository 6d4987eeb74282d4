/**
 * The hidden layer of the emotion model (see HiddenLayerData): decoded once per model, then added
 * to the linear logits of a FeatureSet. The linear part alone still names the evidence words.
 */
import type { FeatureSet } from './features.ts';
import type { HiddenLayerData } from './model.ts';
import { unpackRows } from './packed-rows.ts';

/** A hidden layer ready for scoring. */
export interface CompiledHidden {
  size: number;
  skipLanguages: Set<string>;
  index: Map<string, number>;
  w1: Float32Array;
  b1: Float64Array;
  w2: Float64Array;
}

/** Decodes a hidden layer's int8 rows. */
export function compileHidden(d: HiddenLayerData): CompiledHidden {
  const w1 = unpackRows(d.w1);
  const index = new Map<string, number>();
  d.features.forEach((f, i) => index.set(f, i));
  return { size: d.size, skipLanguages: new Set(d.skipLanguages), index, w1, b1: Float64Array.from(d.b1), w2: Float64Array.from(d.w2) };
}

/** Adds the hidden layer's contribution to `z` (one logit per label) in place. */
export function addHidden(ch: CompiledHidden, fs: FeatureSet, z: Float64Array): Float64Array {
  const H = ch.size;
  const k = z.length;
  const h = Float64Array.from(ch.b1);
  for (let f = 0; f < fs.names.length; f++) {
    const row = ch.index.get(fs.names[f]);
    if (row === undefined) continue;
    const v = fs.vals[f];
    const base = row * H;
    for (let u = 0; u < H; u++) h[u] += v * ch.w1[base + u];
  }
  for (let u = 0; u < H; u++) {
    if (h[u] <= 0) continue;
    for (let j = 0; j < k; j++) z[j] += h[u] * ch.w2[u * k + j];
  }
  return z;
}
