import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.ts';
import { compile } from '../../src/analyze/compiled.ts';
import { emotionCandidates } from '../../src/analyze/emotions.ts';
import { extractFeatures, type FeatureSet } from '../../src/analyze/features.ts';
import { addHidden, compileHidden } from '../../src/analyze/hidden.ts';
import type { AnalyzerModel } from '../../src/analyze/model.ts';
import { toWords } from '../../src/analyze/normalize.ts';
import { packRows, unpackRows } from '../../src/analyze/packed-rows.ts';
import { tokenize } from '../../src/analyze/text.ts';
import { loadModel } from '../../src/runtime/analysis/load-model.ts';

let model: AnalyzerModel;
beforeAll(async () => { model = await loadModel(); });

const fsOf = (names: string[], vals: number[]): FeatureSet => ({
  names, vals, pos: names.map(() => -1), lexPos: 0, lexNeg: 0, valence: new Float64Array(), cueHits: new Map(),
  sarcasm: false, polite: 0, request: false, lukewarm: false, maxValence: 0,
});

describe('int8 packed rows', () => {
  it('round-trips each row within half a quantisation step of its largest weight', () => {
    const m = [0.5, -0.25, 0.001, /* row 2 */ -3, 2.9, 0, /* row 3 */ 0, 0, 0, /* row 4 */ 1e-4, -2e-4, 5e-5];
    const out = unpackRows(packRows(m, 4, 3));
    for (let r = 0; r < 4; r++) {
      const max = Math.max(...m.slice(r * 3, r * 3 + 3).map(Math.abs));
      for (let c = 0; c < 3; c++) expect(Math.abs(out[r * 3 + c] - m[r * 3 + c])).toBeLessThanOrEqual((max / 127) * 1.1 / 2 + 1e-12);
    }
    expect(Array.from(out.slice(6, 9))).toEqual([0, 0, 0]);
  });

  it('refuses packed weights whose size does not match, naming both sizes', () => {
    const p = packRows([1, 2, 3, 4], 2, 2);
    expect(() => unpackRows({ ...p, rows: 3 })).toThrow(/4 values and 2 scales; expected 3 × 2/);
  });
});

describe('hidden layer', () => {
  const layer = compileHidden({
    size: 2, features: ['w:a', 'w:b'], w1: packRows([1, -1, 0.5, 2], 2, 2), b1: [0, -0.5], w2: [1, 0, 0, 2],
    skipLanguages: ['fr'],
  });

  it('adds W2 · relu(W1 · x + b1) to the logits, ignoring unknown features', () => {
    // h = relu([1·1 + 0.5·1 + 0, -1 + 2 - 0.5]) = [1.5, 0.5]; z += [1.5·1 + 0.5·0, 1.5·0 + 0.5·2].
    const z = addHidden(layer, fsOf(['w:a', 'w:b', 'w:zzz'], [1, 1, 5]), new Float64Array([0.1, 0.2]));
    expect(z[0]).toBeCloseTo(1.6, 1);
    expect(z[1]).toBeCloseTo(1.2, 1);
    // A negative pre-activation contributes nothing (ReLU): h = relu([-1, 1 - 0.5]) = [0, 0.5].
    const off = addHidden(layer, fsOf(['w:a'], [-1]), new Float64Array([0, 0]));
    expect(off[0]).toBe(0);
    expect(off[1]).toBeCloseTo(1, 1);
  });

  it('is part of the committed emotion model and changes English probabilities, not French ones', () => {
    const cm = compile(model);
    expect(cm.emotions.hidden?.size).toBeGreaterThan(0);
    expect(cm.emotions.hidden?.skipLanguages.has('fr')).toBe(true);
    const probs = (m: AnalyzerModel, text: string, lang: string) => {
      const c = compile(m);
      return emotionCandidates(c, extractFeatures(toWords(tokenize(text)), lang, c), lang).map((x) => x.p);
    };
    const linearOnly: AnalyzerModel = { ...model, emotions: { ...model.emotions, hidden: undefined } };
    const en = 'I am so scared, my card was stolen and nobody answers!';
    expect(probs(model, en, 'en')).not.toEqual(probs(linearOnly, en, 'en'));
    const fr = "J'ai peur, ma carte a été volée et personne ne répond !";
    expect(probs(model, fr, 'fr')).toEqual(probs(linearOnly, fr, 'fr'));
  });
});

describe('model checks', () => {
  it('names a damaged hidden layer and the fix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoute-model-'));
    const broken = { ...model, emotions: { ...model.emotions, hidden: { ...model.emotions.hidden, b1: [1] } } };
    writeFileSync(join(dir, 'analyzer.json'), JSON.stringify(broken));
    await expect(loadModel(dir)).rejects.toThrow(/emotion hidden layer malformed.*npm run train/);
  });

  it('still reads a model without a hidden layer (linear emotions)', () => {
    const linearOnly: AnalyzerModel = { ...model, version: 'linear-only', emotions: { ...model.emotions, hidden: undefined } };
    const a = analyze('Thank you so much, the refund arrived today!', { model: linearOnly });
    expect(a.sentiment.label).toBe('positive');
    expect(a.emotions[0]?.label).toMatch(/gratitude|joy|relief/);
  });
});
