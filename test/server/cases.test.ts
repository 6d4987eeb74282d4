import path from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageFact } from '../../src/core/facts.ts';
import { createApp } from '../../src/server/create-app.ts';
import { NOW, seedStore, WORKSPACE, type SeededStore } from './fixtures.ts';

const WEB_DIR = path.resolve(import.meta.dirname, '../../web');

let seeded: SeededStore;
let app: Hono;

beforeAll(async () => {
  seeded = await seedStore();
  app = createApp({ store: seeded.store, workspaceId: WORKSPACE, clock: () => NOW, webDir: WEB_DIR });
});
afterAll(async () => {
  await seeded?.cleanup();
});

async function call(method: string, url: string, body?: unknown, status = 200): Promise<any> {
  const res = await app.request(url, {
    method,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  const json = await res.json();
  expect(res.status, `${method} ${url} → ${res.status} ${JSON.stringify(json)}`).toBe(status);
  return json;
}

/** An analysed customer message with a high urgency, from the listening station. */
async function urgentMessage(): Promise<MessageFact> {
  const facts = await seeded.store.messageFacts(WORKSPACE, { customerOnly: true });
  return facts.find((f) => f.analysis?.signals.urgency === 'high' && f.customerId && f.analysis.emotions.length > 0)!;
}

describe('cases API', () => {
  it('opens a case from a message, reads it with its brief and history, moves it to closed with a note, without touching the insights cache', async () => {
    await call('GET', '/api/overview'); // warm the cache
    const version = await seeded.store.dataVersion(WORKSPACE);
    const m = await urgentMessage();
    const opened = await call('POST', '/api/cases', { messageId: m.messageId, owner: 'Julie', actor: 'Julie' }, 201);
    expect(opened).toMatchObject({ status: 'open', messageId: m.messageId, customerId: m.customerId, urgency: 'high', owner: 'Julie' });
    expect(new Date(opened.dueAt).getTime() - new Date(opened.createdAt).getTime()).toBe(4 * 3_600_000);

    const fr = await call('GET', `/api/cases/${opened.id}?lang=fr`);
    expect(fr.message.messageId).toBe(m.messageId);
    expect(fr.next).toEqual(['in_progress', 'waiting_customer', 'resolved', 'closed']);
    expect(fr.history.length).toBeGreaterThan(0);
    expect(fr.brief.emotion.code).toBe(fr.message.analysis.emotions[0].label);
    expect(fr.brief.steps.at(-1)).toMatch(/prochaine étape/);
    const en = await call('GET', `/api/cases/${opened.id}?lang=en`);
    expect(en.brief.steps.at(-1)).toMatch(/next step/);
    await call('GET', `/api/cases/${opened.id}?lang=de`, undefined, 400);

    await call('PATCH', `/api/cases/${opened.id}`, { status: 'in_progress', actor: 'Julie' });
    const note = await call('POST', `/api/cases/${opened.id}/notes`, { text: 'Rappelée, geste commercial proposé.', actor: 'Julie' }, 201);
    expect(note).toMatchObject({ kind: 'note', actor: 'Julie' });
    await call('PATCH', `/api/cases/${opened.id}`, { status: 'resolved', actor: 'Julie' });
    const closed = await call('PATCH', `/api/cases/${opened.id}`, { status: 'closed', actor: 'Julie' });
    expect(closed.status).toBe('closed');
    expect(closed.firstResponseAt).not.toBeNull();
    expect(closed.closedAt).not.toBeNull();
    const bad = await call('PATCH', `/api/cases/${opened.id}`, { status: 'in_progress' }, 422);
    expect(bad.error.message).toContain('can move to: open');
    expect(bad.error.details.allowed).toEqual(['open']);
    expect(await seeded.store.dataVersion(WORKSPACE)).toBe(version);
  });

  it('lists with filters, and refuses unknown parameters and bad values with the fix', async () => {
    const blank = await call('POST', '/api/cases', { title: 'Rappeler M. Martin', priority: 'low' }, 201);
    expect(blank).toMatchObject({ urgency: null, priority: 'low', owner: null });
    const { cases: open } = await call('GET', '/api/cases?status=open');
    expect(open.map((c: { id: string }) => c.id)).toContain(blank.id);
    expect(open.every((c: { status: string }) => c.status === 'open')).toBe(true);
    const { cases: julie } = await call('GET', '/api/cases?owner=Julie');
    expect(julie.every((c: { owner: string }) => c.owner === 'Julie')).toBe(true);
    expect((await call('GET', '/api/cases?status=done', undefined, 400)).error.message).toContain('open, in_progress, waiting_customer, resolved, closed');
    expect((await call('GET', '/api/cases?sort=due', undefined, 400)).error.message).toContain('Allowed parameters');
    expect((await call('GET', '/api/cases?overdue=yes', undefined, 400)).error.message).toContain('true or false');
    const late = await call('POST', '/api/cases', { title: 'Rappeler Mme Roux', dueAt: '2020-01-01T00:00:00Z' }, 201);
    const { cases: overdue } = await call('GET', '/api/cases?overdue=true');
    expect(overdue.map((c: { id: string }) => c.id)).toEqual([late.id]);
  });

  it('answers clear errors for bad bodies, unknown cases and messages', async () => {
    expect((await call('POST', '/api/cases', '{nope', 400)).error.message).toContain('not valid JSON');
    expect((await call('POST', '/api/cases', { titel: 'x' }, 400)).error.message).toContain('unknown field(s) "titel"');
    expect((await call('POST', '/api/cases', { messageId: 'abc' }, 400)).error.message).toContain('messageId');
    expect((await call('POST', '/api/cases', {}, 422)).error.message).toContain('title or a message');
    expect((await call('POST', '/api/cases', { messageId: '99999999' }, 404)).error.code).toBe('not_found');
    expect((await call('POST', '/api/cases', { title: 'x', actor: 'rule' }, 400)).error.message).toContain('reserved');
    expect((await call('GET', '/api/cases/nope', undefined, 404)).error.message).toContain('ecoute cases list');
    expect((await call('PATCH', '/api/cases/nope', { status: 'closed' }, 404)).error.code).toBe('not_found');
    expect((await call('PATCH', '/api/cases/nope', { status: 'finished' }, 400)).error.details.parameter).toBe('status');
    expect((await call('POST', '/api/cases/nope/notes', { text: '' }, 400)).error.details.parameter).toBe('text');
  });

  it('root causes: create from a theme, link a case, own owner and status, counts', async () => {
    const version = await seeded.store.dataVersion(WORKSPACE);
    const rc = await call('POST', '/api/root-causes', { key: 'delay', owner: 'Logistique' });
    expect(rc).toMatchObject({ key: 'delay', title: 'Retard', owner: 'Logistique', status: 'open' });
    const c = await call('POST', '/api/cases', { title: 'Colis en retard', team: 'Support' }, 201);
    const linked = await call('PATCH', `/api/cases/${c.id}`, { rootCauseId: rc.id });
    expect(linked.rootCauseId).toBe(rc.id);
    expect((await call('GET', `/api/cases?rootCause=${rc.id}`)).cases.map((x: { id: string }) => x.id)).toEqual([c.id]);
    const { rootCauses } = await call('GET', '/api/root-causes');
    expect(rootCauses.find((r: { id: string }) => r.id === rc.id)).toMatchObject({ cases: 1, openCases: 1 });
    expect(await call('PATCH', `/api/root-causes/${rc.id}`, { status: 'investigating' })).toMatchObject({ status: 'investigating' });
    await call('PATCH', `/api/root-causes/${rc.id}`, { status: 'solved' }, 400);
    await call('PATCH', '/api/root-causes/nope', { owner: 'x' }, 404);
    await call('PATCH', `/api/cases/${c.id}`, { rootCauseId: 'nope' }, 404);
    expect(await seeded.store.dataVersion(WORKSPACE)).toBe(version);
  });

  it('GET /api/cases/figures has overall, per team and per root cause figures with counts', async () => {
    const f = await call('GET', '/api/cases/figures');
    expect(f.minCases).toBeGreaterThan(0);
    expect(f.overall.cases).toBeGreaterThanOrEqual(3);
    expect(f.overall).toHaveProperty('firstResponse');
    expect(f.overall).toHaveProperty('recovery');
    expect(f.byTeam.map((t: { team: string }) => t.team)).toContain('Support');
    expect(f.byRootCause.find((r: { key: string }) => r.key === 'delay').figures.cases).toBe(1);
  });
});
