/**
 * Quantisation and pruning of trained layers into the JSON model format (src/analyze/model.ts):
 * sentiment weights as integers over a fixed scale (its published figures were measured so), the
 * emotion layers as int8 rows (src/analyze/packed-rows.ts), about a byte per weight.
 */
import type { HiddenLayerData, LinearModelData } from '../../src/analyze/model.ts';
import { packRows } from '../../src/analyze/packed-rows.ts';
import type { TrainedNet } from './mlp.ts';

/** Rows (features) of a `vocab.length × k` matrix whose largest |weight| reaches minAbs. */
function keptRows(w: Float64Array, n: number, k: number, minAbs: number, allow?: Uint8Array): number[] {
  const rows: number[] = [];
  for (let i = 0; i < n; i++) {
    if (allow && !allow[i]) continue;
    let max = 0;
    for (let j = 0; j < k; j++) max = Math.max(max, Math.abs(w[i * k + j]));
    if (max >= minAbs) rows.push(i);
  }
  return rows;
}

function gather(w: Float64Array, rows: number[], k: number): Float64Array {
  const out = new Float64Array(rows.length * k);
  rows.forEach((r, i) => out.set(w.subarray(r * k, r * k + k), i * k));
  return out;
}

const round = (x: number, digits: number): number => Number(x.toPrecision(digits));

/**
 * Linear layer over the features with some |weight| ≥ minAbs. `int8`: packed rows; otherwise
 * integers over scale 100 with the weights under minAbs set to 0.
 */
export function packLinear(
  vocab: readonly string[], labels: readonly string[], m: { weights: Float64Array; bias: Float64Array }, minAbs: number, int8 = false,
): LinearModelData {
  const k = labels.length;
  const scale = 100;
  const rows = keptRows(m.weights, vocab.length, k, minAbs);
  const features = rows.map((r) => vocab[r]);
  const bias = Array.from(m.bias, (b) => Math.round(b * 10000) / 10000);
  if (int8) return { labels: [...labels], features, weights: packRows(gather(m.weights, rows, k), rows.length, k), bias, scale };
  const weights: number[] = [];
  for (const r of rows) {
    for (let j = 0; j < k; j++) {
      const w = m.weights[r * k + j];
      weights.push(Math.abs(w) >= minAbs ? Math.round(w * scale) : 0);
    }
  }
  return { labels: [...labels], features, weights, bias, scale };
}

/** Hidden layer of a trained net over its `deep` features whose row reaches minAbs. */
export function packHidden(
  vocab: readonly string[], net: TrainedNet, minAbs: number, deep: Uint8Array, skipLanguages: string[],
): HiddenLayerData {
  const H = net.hidden;
  const rows = keptRows(net.w1, vocab.length, H, minAbs, deep);
  return {
    size: H,
    features: rows.map((r) => vocab[r]),
    w1: packRows(gather(net.w1, rows, H), rows.length, H),
    b1: Array.from(net.b1, (b) => round(b, 6)),
    w2: Array.from(net.w2, (w) => round(w, 6)),
    skipLanguages,
  };
}
