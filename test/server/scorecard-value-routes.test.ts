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
    // since/until (the older names of from/to) go through the shared parser, refused under the name typed.
    expect(await err('/api/scorecards?since=yesterday')).toMatch(/"since" must be a date as YYYY-MM-DD/);
    expect(await err('/api/scorecards?since=2026-11-10&until=2026-11-01')).toMatch(/"until" \(2026-11-01\) is before "since" \(2026-11-10\)/);
    expect(await err('/api/scorecards?since=2026-11-01&from=2026-11-02')).toMatch(/Give only "from"/);
    expect(await err('/api/scorecards?sort=asc')).toMatch(/Unknown query parameter "sort"/);
    expect(await err('/api/scorecards?by=region')).toMatch(/by team or by agent/);
  });
});

describe('GET /api/scorecards under the shared filter', () => {
  const cards = async (qs: string) => (await (await get(`/api/scorecards?min=1${qs}`)).json()) as { scorecards: any[]; period: { from: string | null; to: string | null } };
  const total = (r: { scorecards: any[] }, key: 'surveyAnswers' | 'conversations') => r.scorecards.reduce((s, c) => s + c[key], 0);

  it('narrows to a team: its scorecard only, the same figures as unfiltered; by agent, that team\'s agents', async () => {
    const all = await cards('');
    const team = TEAMS[1].name;
    const one = await cards(`&team=${encodeURIComponent(team)}`);
    expect(one.scorecards.map((c) => c.subject)).toEqual([team]);
    const before = all.scorecards.find((c) => c.subject === team);
    expect(one.scorecards[0].metrics.csat).toEqual(before.metrics.csat);
    expect(one.scorecards[0].conversations).toBe(before.conversations);
    const agents = await cards(`&by=agent&team=${encodeURIComponent(team)}`);
    expect(agents.scorecards.map((c) => c.subject)).toEqual([TEAMS[1].agent]);
  });

  it('narrows the customer side by channel, language and segment, and reads the period from presets and from/to', async () => {
    const all = await cards('');
    const email = await cards('&channel=email');
    expect(total(email, 'conversations')).toBeGreaterThan(0);
    expect(total(email, 'conversations')).toBeLessThan(total(all, 'conversations'));
    // Every conversation behind a filtered figure is an e-mail one.
    const convs = (await seeded.store.messageFacts(WORKSPACE)).filter((m) => m.channel === 'email').map((m) => m.conversationId);
    for (const c of email.scorecards) for (const id of c.metrics.resolution.conversationIds) expect(convs).toContain(id);
    const en = await cards('&language=en');
    const fr = await cards('&language=fr');
    expect(total(en, 'conversations')).toBeGreaterThan(0);
    expect(total(en, 'conversations')).toBeLessThan(total(all, 'conversations'));
    // A conversation with customer messages in both languages (a French follow-up) is in both.
    expect(total(en, 'conversations') + total(fr, 'conversations')).toBeGreaterThanOrEqual(total(all, 'conversations'));
    const seg = await cards('&segment=PME');
    expect(total(seg, 'conversations')).toBeGreaterThan(0);
    expect(total(seg, 'conversations')).toBeLessThan(total(all, 'conversations'));

    // A preset is resolved against the app's clock; from/to are the custom range (both days included).
    const week = await cards('&period=7d');
    expect(week.period).toEqual({ from: new Date(NOW.getTime() - 7 * 86_400_000).toISOString(), to: NOW.toISOString() });
    expect(total(week, 'conversations')).toBeLessThan(total(all, 'conversations'));
    const range = await cards('&from=2026-11-01&to=2026-11-10');
    expect(range.period).toEqual({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-10T23:59:59.999Z' });
    expect(await cards('&since=2026-11-01&until=2026-11-10')).toEqual(range);
    // The fixtures lie in the six weeks before the clock: the quarter before has nothing.
    expect((await cards('&period=last_quarter')).scorecards).toEqual([]);
    expect((await cards('&team=Nobody')).scorecards).toEqual([]);
  });

  it('refuses a bad filter with the shared filter\'s 400 naming the parameter', async () => {
    const err = async (url: string) => (await (await get(url, 400)).json()).error as { message: string; details?: { parameter?: string } };
    const period = await err('/api/scorecards?period=fortnight');
    expect(period.message).toMatch(/"period" has unknown value "fortnight"\. Use one of: 7d, 30d, 90d, this_quarter, last_quarter/);
    expect(period.details?.parameter).toBe('period');
    expect((await err('/api/scorecards?channel=fax')).message).toMatch(/"channel" has unknown value "fax"/);
    expect((await err('/api/scorecards?language=French')).message).toMatch(/"language" must be a lowercase ISO 639 code/);
    expect((await err('/api/scorecards?period=7d&from=2026-11-01')).message).toMatch(/cannot be combined/);
    expect((await err('/api/scorecards?format=csv&to=2026-13-01')).message).toMatch(/"to" must be a date as YYYY-MM-DD/);
  });

  it('exports the filtered scorecards as CSV', async () => {
    const res = await get(`/api/scorecards?format=csv&lang=en&min=1&team=${encodeURIComponent(TEAMS[0].name)}`);
    const lines = (await res.text()).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[1].startsWith(TEAMS[0].name)).toBe(true);
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
