import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/create-app.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { B_SINCE_A, FIXTURE_A, FIXTURE_A_SCORES, FIXTURE_B } from './maturity-fixtures.ts';

const WEB_DIR = path.resolve(import.meta.dirname, '../../web');
const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-assess-api-'));
let now = new Date('2026-06-01T09:00:00Z');
let store: Store;
let app: Hono;

beforeAll(async () => {
  store = await openStore(`sqlite:${path.join(dir, 'api.db')}`, { clock: () => now });
  app = createApp({ store, workspaceId: 'w', clock: () => now, webDir: WEB_DIR });
});
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (body: unknown) => app.request('/api/assessments', {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('assessment routes', () => {
  it('GET /api/assessments/questions answers the questionnaire in the requested language', async () => {
    const en = await (await app.request('/api/assessments/questions?lang=en')).json();
    expect(en.language).toBe('en');
    expect(en.questions).toHaveLength(30);
    expect(en.questions[0]).toMatchObject({ id: 'listen-channels', dimension: 'listen', framework: 'empathy-flywheel', source: expect.stringContaining('Petouhoff') });
    // Without ?lang, the workspace language (French by default).
    expect((await (await app.request('/api/assessments/questions')).json()).questions[0].dimensionName).toBe('Écouter');
    const bad = await app.request('/api/assessments/questions?lang=de');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: 'usage', message: expect.stringContaining('"lang" must be fr or en') });
  });

  it('POST /api/assessments refuses a malformed body (400) and answers outside the bank (422), storing nothing', async () => {
    const notJson = await post('{"answers":');
    expect(notJson.status).toBe(400);
    const shape = await post({ answer: FIXTURE_A });
    expect(shape.status).toBe(400);
    expect((await shape.json()).error.message).toMatch(/^Body field "answers": .*expected record.*Expected \{"answers"/);
    const range = await post({ answers: { ...FIXTURE_A, 'people-training': 0 } });
    expect(range.status).toBe(422);
    expect((await range.json()).error).toMatchObject({ code: 'bad_input', message: expect.stringContaining('Question "people-training" has the answer 0'), details: { questions: ['people-training'] } });
    const missing = await post({ answers: { 'listen-channels': 1 } });
    expect(missing.status).toBe(422);
    expect((await (await app.request('/api/assessments')).json()).assessments).toEqual([]);
  });

  it('POST /api/assessments scores and stores (201), then compares the next one; GET lists the history', async () => {
    const a = await post({ answers: FIXTURE_A, lang: 'en', evidence: { drillParticipation: 0.25 } });
    expect(a.status).toBe(201);
    const va = await a.json();
    expect(va).toMatchObject({ stage: 'interaction', stageName: 'Interaction', overall: FIXTURE_A_SCORES.overall, createdAt: '2026-06-01T09:00:00.000Z', language: 'en' });
    expect(va.recommendations[2]).toMatchObject({ dimension: 'people', evidence: { value: 0.25, text: 'Empathy drill participation: 25%.' } });
    expect(va.recommendations[0].evidence).toMatchObject({ value: null, text: expect.stringContaining('unknown') });

    now = new Date('2026-12-01T09:00:00Z');
    const vb = await (await post({ answers: FIXTURE_B })).json();
    expect(vb).toMatchObject({ language: 'fr', stage: 'engagement', stageName: 'Engagement', overall: 69 });
    expect(vb.change).toEqual({ previousAt: '2026-06-01T09:00:00.000Z', overall: 25, dimensions: B_SINCE_A, stage: { from: 'interaction', to: 'engagement' } });
    expect(vb.recommendations[0].action).toMatch(/^Pour vos trois motifs de plainte/);

    const { assessments } = await (await app.request('/api/assessments')).json();
    expect(assessments.map((x: { stage: string; language: string }) => [x.stage, x.language])).toEqual([['engagement', 'fr'], ['interaction', 'en']]);
    expect(assessments[1]).toMatchObject({ answers: FIXTURE_A, scores: { overall: 44, dimensions: FIXTURE_A_SCORES.dimensions } });
  });
});
