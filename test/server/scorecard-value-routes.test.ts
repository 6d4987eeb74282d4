import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/create-app.ts';
import { NOW, seedStore, TEAMS, WORKSPACE, type SeededStore } from './fixtures.ts';

let seeded: SeededStore;
let app: Hono;

beforeAll(async () => {
  seeded = await seedStore();
  app = createApp({ store: seeded.store, workspaceId: WORKSPACE, clock: () => NOW, webDir: path.resolve(import.meta.dirname, '../../web') });
});
afterAll(async () => {
  await seeded?.cleanup();
});

async function get(url: string, status = 200): Promise<Response> {
  const res = await app.request(url);
  expect(res.status, `${url} → ${res.status}`).toBe(status);
  return res;
}

describe('GET /api/scorecards', () => {
  it('answers one scorecard per team with counts, the weights used and the minimum', async () => {
    const body = await (await get('/api/scorecards?weights=csat=0.6,resolution=0.4&min=2')).json();
    expect(body).toMatchObject({ by: 'team', minSample: 2, weights: { csat: 0.6, resolution: 0.4, nps: 0 } });
    expect(body.scorecards.map((c: any) => c.subject).sort()).toEqual(TEAMS.map((t) => t.name).sort());
    for (const c of body.scorecards) {
      expect(c.metrics.csat.n).toBeGreaterThan(0);
      if (c.rank !== null) expect(c.metrics.csat.n).toBeGreaterThanOrEqual(2);
      expect(c.drill).toBe(`/api/messages?team=${encodeURIComponent(c.subject)}`);
    }
    // The drill link answers with that team's messages.
    const first = body.scorecards[0];
    const drilled = await (await get(first.drill)).json();
    expect(drilled.items.length).toBeGreaterThan(0);
    expect(drilled.items.every((m: any) => m.team === first.subject)).toBe(true);
  });

  it('ranks nobody under a minimum no team reaches', async () => {
    const body = await (await get('/api/scorecards?min=100000')).json();
    expect(body.scorecards.every((c: any) => c.rank === null && c.unranked.en.startsWith('Not ranked: fewer than 100000 observations'))).toBe(true);
  });

  it('exports CSV with a header row and one row per team', async () => {
    const res = await get('/api/scorecards?format=csv&lang=en&min=1');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="scorecards-team.csv"');
    const lines = (await res.text()).split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^team,rank,composite,/);
    expect(lines).toHaveLength(TEAMS.length + 1);
  });

  it('rejects an unknown weight, a negative minimum, a bad date and an unknown parameter with a 400 naming the fix', async () => {
    const err = async (url: string) => (await (await get(url, 400)).json()).error.message as string;
    expect(await err('/api/scorecards?weights=nps=1,bonus=2')).toMatch(/Unknown weight "bonus"/);
    expect(await err('/api/scorecards?min=-1')).toMatch(/whole number of 1 or more, not "-1"/);
    expect(await err('/api/scorecards?since=yesterday')).toMatch(/"since" must be a day as YYYY-MM-DD/);
    expect(await err('/api/scorecards?since=2026-11-10&until=2026-11-01')).toMatch(/Swap them/);
    expect(await err('/api/scorecards?sort=asc')).toMatch(/Unknown query parameter "sort"/);
    expect(await err('/api/scorecards?by=region')).toMatch(/by team or by agent/);
  });
});

describe('GET /api/value', () => {
  it('shows every assumption with origin and source, each line with its formula, and takes overrides', async () => {
    const base = await (await get('/api/value')).json();
    expect(base.lines.map((l: any) => l.id)).toEqual(['revenueKept', 'repeatContactsAvoided', 'promoterGap']);
    expect(base.total).toBeCloseTo(base.lines.reduce((s: number, l: any) => s + l.amount, 0), 2);
    expect(base.assumptions.find((a: any) => a.key === 'customers').origin).toBe('workspace');
    const changed = await (await get('/api/value?saveRate=0.5&churnRateAtRisk=1&valueAtRisk=1000')).json();
    expect(changed.lines[0]).toMatchObject({ amount: 500, computation: '1000 × 1 × 0.5' });
    expect(changed.assumptions.find((a: any) => a.key === 'saveRate')).toMatchObject({ value: 0.5, origin: 'user' });
  });

  it('rejects an unknown assumption and a share above 1', async () => {
    expect((await (await get('/api/value?margin=2', 400)).json()).error.message).toMatch(/Unknown assumption "margin"/);
    expect((await (await get('/api/value?saveRate=25', 400)).json()).error.message).toMatch(/share from 0 to 1/);
  });
});
