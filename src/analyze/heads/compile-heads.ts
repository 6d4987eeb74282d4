/**
 * Runtime form of the learned heads: a feature index and the unpacked weight matrix, built once per
 * CxHeadsData object (a WeakMap keyed by it, like compiled.ts) and scored in one pass over a
 * message's features for all heads together.
 */
import { axpy } from '../axpy.ts';
import { unpackRows } from '../packed-rows.ts';
import { rowsIn, type LayerRows, type SharedIds } from '../vocabulary.ts';
import type { CxHeadsData, HeadData, HeadName } from './head-model.ts';
import type { HeadFeatureSet } from './head-features.ts';

/** Heads ready for scoring. */
export interface CompiledHeads {
  index: Map<string, number>;
  weights: Float32Array;
  bias: Float64Array;
  columns: number;
  heads: Map<HeadName, HeadData>;
}

const cache = new WeakMap<CxHeadsData, CompiledHeads>();

/** Compiles (once) the heads of a model. */
export function compileHeads(data: CxHeadsData): CompiledHeads {
  const hit = cache.get(data);
  if (hit) return hit;
  const index = new Map<string, number>();
  data.features.forEach((f, i) => index.set(f, i));
  const compiled: CompiledHeads = {
    index,
    weights: unpackRows(data.weights),
    bias: Float64Array.from(data.bias),
    columns: data.columns,
    heads: new Map(data.heads.map((h) => [h.name, h])),
  };
  cache.set(data, compiled);
  return compiled;
}

/**
 * The weight row of each of a message's features (−1: a feature the heads do not know). With `core`
 * (the core features' shared ids and the heads' rows over that vocabulary), the core features, which
 * open the head feature set, are not looked up by name again.
 */
export function rowsOf(ch: CompiledHeads, fs: HeadFeatureSet, core?: { ids?: SharedIds; rows: LayerRows | null }): Int32Array {
  return rowsIn({ index: ch.index, shared: core?.rows ?? undefined }, fs.names, core?.ids);
}

/** Logits of every column of every head for one message (`rows` from rowsOf). */
export function headLogits(ch: CompiledHeads, fs: HeadFeatureSet, rows: Int32Array): Float64Array {
  const z = Float64Array.from(ch.bias);
  const { columns: k, weights } = ch;
  const { names, vals } = fs;
  for (let f = 0; f < names.length; f++) {
    const i = rows[f];
    if (i < 0) continue;
    axpy(z, vals[f], weights, i * k, k);
  }
  return z;
}

/** Probabilities of one head's labels from the shared logits (softmax, or a sigmoid per label). */
export function headProbs(h: HeadData, z: Float64Array): number[] {
  const s: number[] = new Array<number>(h.labels.length);
  for (let j = 0; j < s.length; j++) s[j] = z[h.offset + j];
  if (h.mode === 'ovr') return s.map((v) => 1 / (1 + Math.exp(-v)));
  const max = Math.max(...s);
  const e = s.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/**
 * The positional feature (a word, a phrase, a lexicon match) that pushed column `col` up the most:
 * its push in logit units (0 when none pushed up) and its token range (null then). The range is a
 * finding's evidence; the push is what HeadData.minSupport asks of a yes/no label.
 */
export function topContribution(ch: CompiledHeads, fs: HeadFeatureSet, rows: Int32Array, col: number): { push: number; span: readonly [number, number] | null } {
  let push = 0;
  let span: readonly [number, number] | null = null;
  for (let f = 0; f < fs.names.length; f++) {
    const i = rows[f];
    if (i < 0 || !fs.spans[f]) continue;
    const c = fs.vals[f] * ch.weights[i * ch.columns + col];
    if (c > push) { push = c; span = fs.spans[f]; }
  }
  return { push, span };
}
