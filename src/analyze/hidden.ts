/**
 * The hidden layer of the emotion model (see HiddenLayerData): decoded once per model, then added
 * to the linear logits of a FeatureSet. The linear part alone still names the evidence words.
 */
import type { FeatureSet } from './features.ts';
import type { HiddenLayerData } from './model.ts';
import { axpy } from './axpy.ts';
import { unpackRows } from './packed-rows.ts';
import { rowsIn, type VocabLayer } from './vocabulary.ts';

/** A hidden layer ready for scoring. */
export interface CompiledHidden extends VocabLayer {
  size: number;
  skipLanguages: Set<string>;
  index: Map<string, number>;
  w1: Float32Array;
  b1: Float64Array;
  w2: Float64Array;
  /** Hidden activations of the message being scored, reused (scoring is synchronous and never nested). */
  scratch: Float64Array;
}

/** Decodes a hidden layer's int8 rows. */
export function compileHidden(d: HiddenLayerData): CompiledHidden {
  const w1 = unpackRows(d.w1);
  const index = new Map<string, number>();
  d.features.forEach((f, i) => index.set(f, i));
  return { size: d.size, skipLanguages: new Set(d.skipLanguages), index, w1, b1: Float64Array.from(d.b1), w2: Float64Array.from(d.w2), scratch: new Float64Array(d.size) };
}

/** Adds the hidden layer's contribution to `z` (one logit per label) in place. */
export function addHidden(ch: CompiledHidden, fs: FeatureSet, z: Float64Array): Float64Array {
  // Locals and one reused buffer: this loop is the analysis' largest cost (about 10k products a message).
  const { size: H, w1, w2, b1, scratch: h } = ch;
  const k = z.length;
  const { names, vals } = fs;
  const rows = rowsIn(ch, names, fs.shared);
  h.set(b1);
  for (let f = 0; f < names.length; f++) {
    const row = rows[f];
    if (row < 0) continue;
    axpy(h, vals[f], w1, row * H, H);
  }
  for (let u = 0; u < H; u++) {
    const hu = h[u];
    if (hu <= 0) continue;
    for (let j = 0, b = u * k; j < k; j++, b++) z[j] += hu * w2[b];
  }
  return z;
}
