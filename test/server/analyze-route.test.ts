import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { analyze } from '../../src/analyze/analyze.ts';
import type { AnalyzerModel } from '../../src/analyze/model.ts';
import { loadModel } from '../../src/runtime/analysis/load-model.ts';
import { AnalysisSchema } from '../../src/core/analysis.ts';
import { createApp } from '../../src/server/create-app.ts';
import { NOW, seedStore, WORKSPACE, type SeededStore } from './fixtures.ts';

let seeded: SeededStore;
let app: Hono;
let model: AnalyzerModel;

beforeAll(async () => {
  seeded = await seedStore();
  // The committed model (models/analyzer.json), as `ecoute serve` loads it.
  model = await loadModel();
  app = createApp({ store: seeded.store, workspaceId: WORKSPACE, model, clock: () => NOW, webDir: path.resolve(import.meta.dirname, '../../web') });
});
afterAll(async () => {
  await seeded?.cleanup();
});

const post = (body: string) => app.request('/api/analyze', { method: 'POST', body, headers: { 'content-type': 'application/json' } });

describe('POST /api/analyze', () => {
  it('returns the Analysis of the text, as the library call gives it', async () => {
    const text = 'Je suis furieux, ma livraison a deux semaines de retard et personne ne répond.';
    const res = await post(JSON.stringify({ text, lang: 'fr' }));
    expect(res.status).toBe(200);
    const analysis = AnalysisSchema.parse(await res.json());
    expect(analysis.language).toBe('fr');
    expect(analysis).toEqual(JSON.parse(JSON.stringify(analyze(text, { model, lang: 'fr', customer: true }))));
  });

  it("reads a message either language could have written in the workspace's language", async () => {
    const ws = await seeded.store.ensureWorkspace(WORKSPACE);
    try {
      for (const language of ['fr', 'en'] as const) {
        await seeded.store.updateWorkspaceSettings(WORKSPACE, { ...ws.settings, language });
        const res = await post(JSON.stringify({ text: 'Facture incorrecte' }));
        expect(AnalysisSchema.parse(await res.json()).language).toBe(language);
      }
    } finally {
      await seeded.store.updateWorkspaceSettings(WORKSPACE, ws.settings);
    }
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
