import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.ts';
import type { AnalyzerModel } from '../../src/analyze/model.ts';
import { ModelError } from '../../src/core/errors.ts';
import { analyzeMany } from '../../src/runtime/analysis/analyze-pool.ts';
import { loadModel } from '../../src/runtime/analysis/load-model.ts';

let model: AnalyzerModel;
beforeAll(async () => { model = await loadModel(); });

describe('model loading', () => {
  it('loads the committed model with a version', () => {
    expect(model.version).toMatch(/\S/);
  });

  it('names `npm run train` when the model is missing or corrupt', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoute-model-'));
    await expect(loadModel(dir)).rejects.toBeInstanceOf(ModelError);
    await expect(loadModel(dir)).rejects.toThrow(/npm run train/);
    writeFileSync(join(dir, 'analyzer.json'), '{"version": 1');
    await expect(loadModel(dir)).rejects.toThrow(/npm run train/);
    writeFileSync(join(dir, 'analyzer.json'), '{"version": "x"}');
    await expect(loadModel(dir)).rejects.toThrow(/corrupt/);
  });
});

describe('worker pool', () => {
  it('gives the same results, in order, as the single-thread path', async () => {
    const texts = Array.from({ length: 120 }, (_, i) => [
      `Commande ${i} toujours pas livrée, c'est inadmissible`,
      `Thanks ${i}, great service!`,
      `Bonjour, quel est le délai pour la commande ${i} ?`,
    ][i % 3]);
    const pooled = await analyzeMany(texts, model, { workers: 2, chunkSize: 25 });
    expect(pooled).toHaveLength(texts.length);
    expect(pooled).toEqual(texts.map((t) => analyze(t, { model })));
  });
});
