import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import type { AnalyzerModel } from '../../src/analyze/model.ts';
import { AnalysisSchema } from '../../src/core/analysis.ts';
import { createApp } from '../../src/server/create-app.ts';
import { NOW, seedStore, WORKSPACE, type SeededStore } from './fixtures.ts';

/** A tiny but complete model (one anger cue), so the route is tested with the real analyze(). */
function tinyModel(): AnalyzerModel {
  const linear = (labels: string[]) => ({ labels, features: [], weights: [], bias: labels.map(() => 0), scale: 1 });
  return {
    version: 'tiny-1',
    language: { labels: ['fr', 'en'], ngrams: [], logp: [], unseen: [-5, -5], scale: 1 },
    lexicon: { en: { furious: -3 }, fr: { furieux: -3 }, emoji: {} },
    emotionCues: { anger: { furieux: 0.9, furious: 0.9 } },
    sentiment: linear(['negative', 'neutral', 'positive']),
    emotions: { ...linear(['anger']), thresholds: [0.5] },
  };
}

let seeded: SeededStore;
let app: Hono;

beforeAll(async () => {
  seeded = await seedStore();
  app = createApp({ store: seeded.store, workspaceId: WORKSPACE, model: tinyModel(), clock: () => NOW, webDir: path.resolve(import.meta.dirname, '../../web') });
});
afterAll(async () => {
  await seeded?.cleanup();
});

const post = (body: string) => app.request('/api/analyze', { method: 'POST', body, headers: { 'content-type': 'application/json' } });

describe('POST /api/analyze', () => {
  it('returns an Analysis of the text', async () => {
    const res = await post(JSON.stringify({ text: 'Je suis furieux, ma livraison est en retard.', lang: 'fr' }));
    expect(res.status).toBe(200);
    const analysis = AnalysisSchema.parse(await res.json());
    expect(analysis.language).toBe('fr');
    expect(analysis.emotions.map((e) => e.label)).toContain('anger');
  });

  it.each([
    ['{not json', 'not valid JSON'],
    [JSON.stringify({}), '"text"'],
    [JSON.stringify({ text: '' }), '"text"'],
    [JSON.stringify({ text: 'ok', lang: 'de' }), '"lang"'],
  ])('rejects %s with a 400 usage error', async (body, hint) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error.code).toBe('usage');
    expect(json.error.message).toContain(hint);
  });
});
