/** POST /api/coach through the whole app (createApp + app.request), with a throw-away SQLite store. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { coachBatch, coachReply } from '../../src/act/coach/coach.ts';
import type { CoachModel } from '../../src/act/coach/coach-model.ts';
import { loadCoachModel } from '../../src/runtime/analysis/load-coach-model.ts';
import { createApp } from '../../src/server/create-app.ts';
import { openApiDocument } from '../../src/server/openapi.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { EN_CUSTOMER, EN_OTHER_CUSTOMER, EN_TEMPLATE, FR_CUSTOMER, FR_GOOD } from './coach-examples.ts';

const WORKSPACE = 'coach-ws';
let dir: string;
let store: Store;
let app: Hono;
let model: CoachModel;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ecoute-coach-api-'));
  store = await openStore(`sqlite:${path.join(dir, 'test.db')}`);
  await store.migrate();
  await store.ensureWorkspace(WORKSPACE, 'Test');
  model = await loadCoachModel();
  // No coachModel given: the route loads models/coach.json itself, as under `ecoute serve`.
  app = createApp({ store, workspaceId: WORKSPACE, clock: () => new Date('2026-11-20T12:00:00Z'), webDir: path.resolve(import.meta.dirname, '../../web') });
});
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (body: string, a: Hono = app) => a.request('/api/coach', { method: 'POST', body, headers: { 'content-type': 'application/json' } });

describe('POST /api/coach', () => {
  it('coaches one reply as the library does', async () => {
    const res = await post(JSON.stringify({ customer: FR_CUSTOMER, reply: FR_GOOD, id: 'x' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(coachReply({ id: 'x', customer: FR_CUSTOMER, reply: FR_GOOD }, model))));
    const noId = await (await post(JSON.stringify({ customer: EN_CUSTOMER, reply: EN_TEMPLATE, lang: 'en' }))).json();
    expect(noId.id).toBeNull();
    expect(noId.canned).toBe(true);
  });

  it('coaches a batch, with near-duplicates across its items', async () => {
    const reply = 'Hello, we have received your message and one of our advisers will look into it. Opening hours are 9 to 6. Have a lovely day, Support';
    const items = [{ id: 1, customer: EN_CUSTOMER, reply }, { id: 2, customer: EN_OTHER_CUSTOMER, reply }, { id: 3, customer: FR_CUSTOMER, reply: FR_GOOD }];
    const res = await post(JSON.stringify({ items }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({ results: JSON.parse(JSON.stringify(coachBatch(items, model))) });
    expect(body.results.map((r: { canned: boolean }) => r.canned)).toEqual([true, true, false]);
  });

  it.each([
    ['not json', /not valid JSON/],
    ['[]', /must be a JSON object/],
    [JSON.stringify({ customer: 'Hello' }), /Body: missing "reply"/],
    [JSON.stringify({ customer: 'Hello', reply: 'Hi', lang: 'es' }), /"lang" must be "fr" or "en"/],
    [JSON.stringify({ customer: 'Hello', reply: 42 }), /"reply" must be a string/],
    [JSON.stringify({ items: [] }), /"items" must be a non-empty array/],
    [JSON.stringify({ items: [{ customer: 'a', reply: 'b' }, { customer: 'a' }] }), /"items\[1\]": missing "reply"/],
    [JSON.stringify({ items: Array.from({ length: 1001 }, () => ({ customer: 'a', reply: 'b' })) }), /at most 1000/],
  ])('answers 400 with a clear message for %s', async (body, message) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const err = await res.json();
    expect(err.error.code).toBe('usage');
    expect(err.error.message).toMatch(message);
  });

  it('answers 503 when no coach model can be loaded, and says how to build one', async () => {
    const broken = createApp({
      store, workspaceId: WORKSPACE, clock: () => new Date(), webDir: dir,
      coachModel: () => Promise.reject(new Error('models/coach.json is missing')),
    });
    const res = await post(JSON.stringify({ customer: 'a', reply: 'b' }), broken);
    expect(res.status).toBe(503);
    expect((await res.json()).error.message).toMatch(/train-coach/);
  });

  it('is documented in openapi.json and routed', () => {
    expect(openApiDocument.paths['/api/coach'].post.requestBody.required).toBe(true);
    expect(app.routes.some((r) => r.path === '/api/coach' && r.method === 'POST')).toBe(true);
  });
});
