/**
 * GET /api/cases and GET /api/cases/figures under the dashboard's shared filter, through app.request():
 * the same parameter names and the same 400s as the insight views (one parser), the period on the
 * opened date against the server clock, the other criteria from the case's team and its message.
 */
import path from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageFact } from '../../src/core/facts.ts';
import { createApp } from '../../src/server/create-app.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { NOW, seedStore, WORKSPACE, type SeededStore } from './fixtures.ts';

const DAY = 86_400_000;
/** Sixty days before the fixtures' clock: outside "last 30 days", inside "last 90 days". */
const EARLY = new Date(NOW.getTime() - 60 * DAY);

let seeded: SeededStore;
let app: Hono;
let now = NOW;
let early: { id: string; fact: MessageFact };
let english: { id: string; fact: MessageFact };
let byHand: string;
let store: Store;

async function call(url: string, status = 200, init?: RequestInit): Promise<any> {
  const res = await app.request(url, init);
  const json = await res.json();
  expect(res.status, `${url} → ${res.status} ${JSON.stringify(json)}`).toBe(status);
  return json;
}

const open = (body: unknown) => call('/api/cases', 201, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const listed = async (qs: string): Promise<string[]> => (await call(`/api/cases${qs}`)).cases.map((c: { id: string }) => c.id).sort();

beforeAll(async () => {
  seeded = await seedStore();
  // Cases take their opened date from the store's clock: a second store on the same file reads ours.
  store = await openStore(seeded.url, { clock: () => now });
  app = createApp({ store, workspaceId: WORKSPACE, clock: () => now, webDir: path.resolve(import.meta.dirname, '../../web') });
  const facts = await seeded.store.messageFacts(WORKSPACE, { customerOnly: true });
  const fr = facts.find((f) => f.language === 'fr' && f.brand === null && f.segment === 'PME')!;
  const en = facts.find((f) => f.language === 'en' && f.brand === null && f.team !== fr.team && f.channel !== fr.channel)!;
  now = EARLY;
  early = { id: (await open({ messageId: fr.messageId })).id, fact: fr };
  now = NOW;
  english = { id: (await open({ messageId: en.messageId, owner: 'Sam' })).id, fact: en };
  byHand = (await open({ title: 'Rappeler M. Martin', team: fr.team })).id;
});
afterAll(async () => {
  await store?.close();
  await seeded?.cleanup();
});

describe('cases under the dashboard filter', () => {
  it('filters the list by period (opened date), team, segment, channel, brand and language', async () => {
    expect(await listed('')).toEqual([early.id, english.id, byHand].sort());
    expect(await listed('?period=30d')).toEqual([english.id, byHand].sort());
    expect(await listed('?period=90d')).toEqual([early.id, english.id, byHand].sort());
    const day = EARLY.toISOString().slice(0, 10);
    expect(await listed(`?from=${day}&to=${day}`)).toEqual([early.id]);
    expect(await listed(`?to=${day}`)).toEqual([early.id]);
    expect(await listed(`?team=${encodeURIComponent(early.fact.team!)}`)).toEqual([early.id, byHand].sort());
    expect(await listed('?segment=PME')).toContain(early.id);
    expect(await listed('?segment=PME')).not.toContain(byHand);
    expect(await listed(`?channel=${english.fact.channel}&language=en`)).toEqual([english.id]);
    expect(await listed('?language=fr')).toEqual([early.id]);
    expect(await listed('?brand=RivalCo')).toEqual([]);
    // With the list's own filters, and empty values meaning "no filter" (as the filter bar sends them).
    expect(await listed('?language=en&owner=Sam&status=open')).toEqual([english.id]);
    expect(await listed('?language=en&owner=Julie')).toEqual([]);
    expect(await listed('?period=&team=&language=en')).toEqual([english.id]);
  });

  it('the figures follow the same filter', async () => {
    expect((await call('/api/cases/figures')).overall.cases).toBe(3);
    expect((await call('/api/cases/figures?period=30d')).overall.cases).toBe(2);
    const en = await call('/api/cases/figures?language=en');
    expect(en.overall.cases).toBe(1);
    expect(en.byTeam.map((t: { team: string }) => t.team)).toEqual([english.fact.team]);
    expect((await call('/api/cases/figures?language=de')).overall.cases).toBe(0);
    // The list's own filters are not the figures'.
    expect((await call('/api/cases/figures?status=open', 400)).error.message).toContain('Allowed parameters: period, from, to');
  });

  it('answers the insight views’ 400s, naming the parameter, for a bad filter value', async () => {
    const bad = ['period=yesterday', 'from=2026-02-31', 'to=01/02/2026', 'channel=fax', 'language=French',
      `team=${'x'.repeat(201)}`, 'period=30d&from=2026-01-01', 'from=2026-03-01&to=2026-02-01'];
    for (const qs of bad) {
      const insight = await call(`/api/overview?${qs}`, 400);
      const list = await call(`/api/cases?${qs}`, 400);
      const figures = await call(`/api/cases/figures?${qs}`, 400);
      expect(list.error.message, qs).toBe(insight.error.message);
      expect(figures.error.message, qs).toBe(insight.error.message);
      expect(list.error.details.parameter, qs).toBe(insight.error.details.parameter);
    }
    expect((await call('/api/cases?period=yesterday', 400)).error.details.parameter).toBe('period');
    expect((await call('/api/cases?channel=fax', 400)).error.message).toContain('ticket, email, chat');
    const unknown = await call('/api/cases?lang=fr', 400);
    expect(unknown.error.message).toContain('Unknown query parameter "lang"');
    expect(unknown.error.message).toContain('status, owner, overdue, rootCause, customer, limit, period, from, to, team, segment, channel, brand, language');
  });

  it('never touches the insights data version', async () => {
    const version = await store.dataVersion(WORKSPACE);
    await listed('?period=7d&language=en');
    await call('/api/cases/figures?team=x');
    expect(await store.dataVersion(WORKSPACE)).toBe(version);
  });
});
