/**
 * Reply empathy through the HTTP app (app.request): with the coach model, the scorecards' empathy
 * metric and the EX–CX report follow the coach's verdict per reply; without the model file they fall
 * back to the lexicon, and every answer says which one was used.
 */
import path from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelError } from '../../src/core/errors.ts';
import { createApp } from '../../src/server/create-app.ts';
import { empathyConversations } from '../learn/reply-empathy-fixtures.ts';
import { NOW, seedStore, WORKSPACE, type SeededStore } from './fixtures.ts';

const TEAM = 'Empathie';
let seeded: SeededStore;
let coachApp: Hono;
let lexiconApp: Hono;

beforeAll(async () => {
  seeded = await seedStore();
  const { store } = seeded;
  await store.writeConversations(WORKSPACE, await store.ensureSource(WORKSPACE, 'empathy', 'json'), empathyConversations(TEAM, 'emma', new Date(NOW.getTime() - 10 * 86_400_000)));
  const webDir = path.resolve(import.meta.dirname, '../../web');
  coachApp = createApp({ store, workspaceId: WORKSPACE, clock: () => NOW, webDir });
  lexiconApp = createApp({
    store, workspaceId: WORKSPACE, clock: () => NOW, webDir,
    coachModel: () => Promise.reject(new ModelError('The coach model models/coach.json is missing. Build it with `tsx scripts/train-coach.ts`.')),
  });
});
afterAll(async () => {
  await seeded?.cleanup();
});

async function get(app: Hono, url: string): Promise<any> {
  const res = await app.request(url);
  expect(res.status, `${url} → ${res.status}`).toBe(200);
  return res.json();
}

const empathy = (body: any) => body.scorecards.find((c: any) => c.subject === TEAM).metrics.empathy;

describe('reply empathy: the coach, else the lexicon', () => {
  it('scores the team 2 of 5 coached replies (40 %) with the coach model', async () => {
    const body = await get(coachApp, '/api/scorecards?weights=empathy=1&min=1');
    expect(body.replyEmpathySource).toBe('coach');
    expect(empathy(body)).toMatchObject({ value: 40, n: 5 });
    expect(body.definitions.empathy.en).toMatch(/reply coach reads an emotional reaction/);
    const byAgent = await get(coachApp, '/api/scorecards?by=agent&weights=empathy=1&min=1');
    expect(byAgent.scorecards.find((c: any) => c.subject === 'emma').metrics.empathy).toMatchObject({ value: 40, n: 5 });
    // The CSV export carries the figure and who judged it.
    const csv = await (await coachApp.request('/api/scorecards?format=csv&weights=empathy=1&min=1')).text();
    const [head, ...rows] = csv.split('\r\n');
    const cols = head.split(',');
    const row = rows.find((r) => r.startsWith(`${TEAM},`))!.split(',');
    expect(row[cols.indexOf('empathy_value')]).toBe('40');
    expect(row[cols.indexOf('empathy_n')]).toBe('5');
    expect(row[cols.indexOf('empathy_source')]).toBe('coach');
  });

  it('falls back to the lexicon without the model file: 4 of 6 replies (66.7 %), and says so', async () => {
    const body = await get(lexiconApp, '/api/scorecards?weights=empathy=1&min=1');
    expect(body.replyEmpathySource).toBe('lexicon');
    expect(empathy(body)).toMatchObject({ value: 66.7, n: 6 });
    expect(body.definitions.empathy.en).toMatch(/the coach’s lexicon/);
    // The coach itself answers 503 with the fix, as before.
    const coach = await lexiconApp.request('/api/coach', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ customer: 'Bonjour', reply: 'Bonjour' }) });
    expect(coach.status).toBe(503);
  });

  it('says on GET /api/ex-cx which reader judged the replies', async () => {
    expect((await get(coachApp, '/api/ex-cx')).replyEmpathySource).toBe('coach');
    const lex = await get(lexiconApp, '/api/ex-cx');
    expect(lex.replyEmpathySource).toBe('lexicon');
    expect(lex.lags.replyEmpathySource).toBe('lexicon');
  });
});
