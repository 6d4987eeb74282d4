/**
 * Empathy drills over HTTP on both stores: this week's scenarios (the same all week, no answers shown),
 * attempts scored by the analysis and the real reply coach, progress per team, hiring mode kept apart
 * with its notice, and bad input refused with an error naming the fix.
 */
import path from 'node:path';
import type { Hono } from 'hono';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import type { CoachModel } from '../../src/act/coach/coach-model.ts';
import { loadCoachModel } from '../../src/runtime/analysis/load-coach-model.ts';
import { createApp } from '../../src/server/create-app.ts';
import { openApiDocument } from '../../src/server/openapi.ts';
import type { Store } from '../../src/store/store.ts';
import { dialectSuite } from '../store/dialects.ts';
import { DRILL_NOW, DRILL_SEEDS, DRILL_WS, seedDrills } from './drill-fixtures.ts';

const WEB = path.resolve(import.meta.dirname, '../../web');
let model: CoachModel;
beforeAll(async () => { model = await loadCoachModel(); });

dialectSuite('drill routes', ({ open }) => {
  let store: Store;
  let app: Hono;
  let ids: { customer: string[]; agent: string };
  let now = DRILL_NOW;
  beforeEach(async () => {
    now = DRILL_NOW;
    store = await open(undefined, () => now);
    ids = await seedDrills(store);
    app = createApp({ store, workspaceId: DRILL_WS, clock: () => now, webDir: WEB, coachModel: model });
  });
  const post = (body: unknown, q = '') => app.request(`/api/drills/attempts${q}`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } });

  it('serves the same scenarios all week, in the asked language, without their analysis', async () => {
    const res = await app.request('/api/drills/current?lang=fr');
    expect(res.status).toBe(200);
    const drill = await res.json();
    expect(drill.week).toBe('2026-W48');
    expect(drill.scenarios).toHaveLength(3);
    expect(drill.scenarios.every((s: { language: string }) => s.language === 'fr')).toBe(true);
    expect(JSON.stringify(drill.scenarios)).not.toMatch(/evidence|analysis|frustration/);
    expect(drill.choices.emotions).toContainEqual({ label: 'anxiety', name: 'Inquiétude' });
    expect(drill.hiringNotice).toMatch(/une personne décide/);
    now = new Date('2026-11-29T20:00:00Z'); // Sunday of the same week
    expect((await (await app.request('/api/drills/current?lang=fr')).json()).scenarios).toEqual(drill.scenarios);
    const en = await (await app.request('/api/drills/current?lang=en&count=2')).json();
    expect(en.scenarios.map((s: { language: string }) => s.language)).toEqual(['en', 'en']);
    expect(en.rubric[0]).toMatch(/^Reading/);
  });

  it('scores an attempt, stores it, and counts it in the progress per team', async () => {
    const res = await post({ messageId: ids.customer[0], participant: 'Ana', team: 'Paris', emotions: ['frustration', 'anger'], needs: ['resolution'],
      reply: "Trois semaines sans votre remboursement, je comprends votre exaspération. Je vérifie le virement aujourd'hui et je vous rappelle avant 17 h." }, '?lang=fr');
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.feedback.reading).toMatchObject({ score: 83, emotions: { matched: ['frustration'], extra: ['anger'], missed: [] } });
    expect(body.feedback.reading.evidence).toContainEqual({ kind: 'emotion', label: 'frustration', name: 'Frustration', evidence: 'toujours rien' });
    expect(body.feedback.reply.score).toBeGreaterThanOrEqual(0);
    expect(Object.keys(body.feedback.reply.dimensions)).toHaveLength(5);
    expect(body.feedback.summary).toMatch(/^Lecture : 83\/100/);
    expect(body.attempt).toMatchObject({ week: '2026-W48', participant: 'Ana', team: 'Paris', mode: 'drill', readingScore: 83 });
    expect(body.hiringNotice).toBeUndefined();
    await post({ messageId: ids.customer[1], participant: 'Bo', team: 'Lyon', emotions: ['anxiety'], needs: ['reassurance'], reply: 'Je comprends votre inquiétude, je regarde où en est le colis.' });

    const progress = await (await app.request('/api/drills/progress?lang=en')).json();
    expect(progress).toMatchObject({ attempts: 2, participants: 2 });
    expect(progress.teams.map((t: { name: string; attempts: number }) => [t.name, t.attempts])).toEqual([['Lyon', 1], ['Paris', 1]]);
    expect(progress.teams[1].weeks).toEqual([{ week: '2026-W48', attempts: 1, readingScore: 83, replyScore: body.feedback.reply.score }]);
  });

  it('narrows the progress with the shared filter: period by attempt date, team, and the drilled message\'s language', async () => {
    const reply = 'Je comprends, je regarde cela tout de suite.';
    // Ana (Paris) drills a French message on Thursday 26; Bo (Lyon) an English one on Monday 30.
    expect((await post({ messageId: ids.customer[0], participant: 'Ana', team: 'Paris', emotions: ['frustration'], needs: ['resolution'], reply })).status).toBe(201);
    now = new Date('2026-11-30T09:00:00Z');
    expect((await post({ messageId: ids.customer[4], participant: 'Bo', team: 'Lyon', emotions: ['disappointment'], needs: ['reliability'], reply })).status).toBe(201);
    const progress = async (qs: string) => {
      const res = await app.request(`/api/drills/progress?lang=en${qs}`);
      expect(res.status, qs).toBe(200);
      return res.json() as Promise<{ attempts: number; allAttempts: number; teams: { name: string }[]; participantsList: { name: string }[] }>;
    };
    expect(await progress('')).toMatchObject({ attempts: 2, allAttempts: 2 });
    const names = (p: { participantsList: { name: string }[] }) => p.participantsList.map((x) => x.name);
    expect(names(await progress('&team=Paris'))).toEqual(['Ana']);
    expect(names(await progress('&language=en'))).toEqual(['Bo']);
    expect(names(await progress('&channel=email&language=fr'))).toEqual(['Ana']);
    expect(names(await progress('&from=2026-11-27'))).toEqual(['Bo']);
    expect(names(await progress('&to=2026-11-26'))).toEqual(['Ana']);
    expect(names(await progress('&period=7d'))).toEqual(['Ana', 'Bo']);
    // Nothing in the filter: zero attempts, but allAttempts says the workspace has some.
    expect(await progress('&team=Paris&language=en')).toMatchObject({ attempts: 0, allAttempts: 2, teams: [] });
    expect(await progress('&period=last_quarter')).toMatchObject({ attempts: 0, allAttempts: 2 });

    const err = async (qs: string) => {
      const res = await app.request(`/api/drills/progress${qs}`);
      expect(res.status, qs).toBe(400);
      return (await res.json()).error as { message: string; details: { parameter: string } };
    };
    expect(await err('?period=fortnight')).toMatchObject({ details: { parameter: 'period' }, message: expect.stringMatching(/"period" has unknown value "fortnight"/) });
    expect((await err('?from=2026-11-31')).message).toMatch(/"from" must be a date as YYYY-MM-DD/);
    expect((await err('?sort=rank')).message).toMatch(/Unknown query parameter "sort"\. Allowed parameters: lang, period, from, to, team/);
    expect((await err('?lang=de')).message).toMatch(/"lang" must be fr or en/);
  });

  it('keeps hiring mode apart, with the rubric and the notice, never ranked', async () => {
    const res = await post({ messageId: ids.customer[4], participant: 'Candidate 7', emotions: ['disappointment'], needs: ['reliability'], reply: 'I am sorry you feel let down after eight years. I will look at the payment crash myself today.', mode: 'hiring' }, '?lang=en');
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.hiringNotice).toMatch(/Decision support only: a person decides; nothing is automated.*Annex III §4/);
    expect(body.rubric).toHaveLength(3);
    expect((await (await app.request('/api/drills/progress')).json()).attempts).toBe(0);
    const listed = await (await app.request('/api/drills/attempts?mode=hiring&lang=fr')).json();
    expect(listed.attempts.map((a: { participant: string }) => a.participant)).toEqual(['Candidate 7']);
    expect(listed.hiringNotice).toMatch(/annexe III, §4/);
    expect(listed.attempts[0]).not.toHaveProperty('rank');
  });

  it('refuses bad input with an error naming the fix', async () => {
    const ok = { messageId: ids.customer[0], participant: 'Ana', emotions: ['frustration'], needs: ['resolution'], reply: 'Je comprends.' };
    const unknownEmotion = await post({ ...ok, emotions: ['rage'] });
    expect(unknownEmotion.status).toBe(422);
    expect((await unknownEmotion.json()).error.message).toMatch(/Unknown emotion "rage".*Use one of: anger/);
    expect((await (await post({ ...ok, reply: '' })).json()).error.message).toMatch(/"reply" is empty/);
    const unknown = await post({ ...ok, messageId: '999999' });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toMatch(/GET \/api\/drills\/current/);
    expect((await post({ ...ok, messageId: ids.agent })).status).toBe(422);
    expect((await post('{not json')).status).toBe(400);
    expect((await app.request('/api/drills/current?lang=de')).status).toBe(400);
    expect((await app.request('/api/drills/current?count=0')).status).toBe(400);
    expect((await app.request('/api/drills/attempts?mode=rank')).status).toBe(400);
    expect(await store.listDrillAttempts(DRILL_WS)).toEqual([]);
  });

  it('answers 503 naming the fix when the coach model cannot be loaded, and is in the OpenAPI document', async () => {
    const broken = createApp({ store, workspaceId: DRILL_WS, clock: () => now, webDir: WEB, coachModel: () => Promise.reject(new Error('no file')) });
    const res = await broken.request('/api/drills/attempts', { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messageId: ids.customer[0], participant: 'Ana', emotions: [], needs: [], reply: 'Bonjour.' }) });
    expect(res.status).toBe(503);
    expect((await res.json()).error.message).toMatch(/train-coach/);
    expect(Object.keys(openApiDocument.paths)).toEqual(expect.arrayContaining(['/api/drills/current', '/api/drills/attempts', '/api/drills/progress']));
    expect(DRILL_SEEDS.length).toBeGreaterThan(3);
  });
});
