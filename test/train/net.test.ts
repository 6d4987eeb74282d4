import { describe, expect, it } from 'vitest';
import { mergeNets, netLogits, trainNet, type TrainedNet } from '../../scripts/train/mlp.ts';
import { coordinateAscent, ekmanMacroF1, ekmanSet } from '../../scripts/train/thresholds.ts';
import { EMOTIONS } from '../../src/core/labels.ts';
import type { SparseDoc } from '../../scripts/train/logreg.ts';

const doc = (features: number[], y: number): SparseDoc => ({
  idx: Int32Array.from(features), val: Float32Array.from(features.map(() => 1)), y: Uint8Array.of(y), weight: 1,
});
// XOR of features 0 and 1 (feature 2 is always on): no linear model separates it.
const xor = [doc([2], 0), doc([0, 2], 1), doc([1, 2], 1), doc([0, 1, 2], 0)];
const data = Array.from({ length: 50 }, () => xor).flat();
const p = (m: TrainedNet, d: SparseDoc) => 1 / (1 + Math.exp(-netLogits(m, d, new Float64Array(m.hidden))[0]));
const opts = { k: 1, nFeatures: 3, epochs: 100, lr: 0.3, wideLr: 0.05, l2: 0, posWeight: [1] };

describe('wide & deep trainer', () => {
  it('learns an interaction through its hidden layer, and the same seed gives the same net', () => {
    const net = trainNet(data, { ...opts, hidden: 16, seed: 1 });
    expect(xor.map((d) => Math.round(p(net, d)))).toEqual([0, 1, 1, 0]);
    const again = trainNet(data, { ...opts, hidden: 16, seed: 1 });
    expect(Array.from(again.w1)).toEqual(Array.from(net.w1));
  });

  it('cannot learn it with the hidden layer switched off for every line (the wide part alone)', () => {
    const net = trainNet(data, { ...opts, hidden: 16, seed: 1, deep: () => false });
    const wrong = xor.filter((d) => Math.round(p(net, d)) !== (d.y as Uint8Array)[0]).length;
    expect(wrong).toBeGreaterThan(0);
  });

  it('merges nets into one whose logits are their average', () => {
    const a = trainNet(data, { ...opts, hidden: 4, seed: 1, epochs: 5 });
    const b = trainNet(data, { ...opts, hidden: 4, seed: 2, epochs: 5 });
    const m = mergeNets([a, b]);
    expect(m.hidden).toBe(8);
    for (const d of xor) {
      const z = (n: TrainedNet) => netLogits(n, d, new Float64Array(n.hidden))[0];
      expect(z(m)).toBeCloseTo((z(a) + z(b)) / 2, 10);
    }
  });
});

describe('Ekman threshold tuning', () => {
  it('reads Écoute labels as Ekman groups, no label as neutral, and scores the groups present', () => {
    const frustration = EMOTIONS.indexOf('frustration');
    const anger = ekmanSet((j) => j === frustration);
    const none = ekmanSet(() => false);
    expect([...anger]).toEqual(['anger']);
    expect([...none]).toEqual(['neutral']);
    // Gold: anger, neutral. Predicted: anger, anger -> anger F1 2/3, neutral F1 0.
    expect(ekmanMacroF1([anger, none], [anger, anger])).toBeCloseTo(1 / 3, 10);
    expect(ekmanMacroF1([anger, none], [anger, none])).toBe(1);
  });

  it('ascends one threshold at a time to the best grid point', () => {
    const th = coordinateAscent((t) => -Math.abs(t[0] - 0.3) - Math.abs(t[1] - 0.7), [0.5, 0.5]);
    expect(th).toEqual([0.3, 0.7]);
  });
});
