/**
 * The insight views with the dashboard's filters, through app.request() over a real SQLite file: a
 * filtered view equals the insights computed on the input filtered by hand, and bad filters are refused.
 */
import path from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeInsights } from '../../src/insights/compute-insights.ts';
import { filterInsightsInput } from '../../src/insights/filter-input.ts';
import type { Insights, InsightsInput } from '../../src/insights/types.ts';
import { computeInsightsInWorker } from '../../src/runtime/insights/compute-insights-in-worker.ts';
import { loadInsightsInput } from '../../src/runtime/insights/load-insights-input.ts';
import { createApp } from '../../src/server/create-app.ts';
import { overviewSlice, themesSlice } from '../../src/server/insights-slices.ts';
import { NOW, seedStore, TEAMS, WORKSPACE, type SeededStore } from './fixtures.ts';

const DAY = 86_400_000;
let seeded: SeededStore;
let app: Hono;
let input: InsightsInput;
let computations = 0;

beforeAll(async () => {
  seeded = await seedStore();
  input = await loadInsightsInput(seeded.store, WORKSPACE, NOW);
  app = createApp({
    store: seeded.store, workspaceId: WORKSPACE, clock: () => NOW, webDir: path.resolve(import.meta.dirname, '../../web'),
    // Counts computations, and computes exactly as the default does (through the same pure filter).
    computeInsights: async (workspaceId, filter) => {
      computations++;
      return computeInsights(filterInsightsInput(await loadInsightsInput(seeded.store, workspaceId, NOW), filter));
    },
  });
});
afterAll(async () => {
  await seeded?.cleanup();
});

async function getJson(url: string, status = 200): Promise<any> {
  const res = await app.request(url);
  expect(res.status, `${url} → ${res.status}`).toBe(status);
  return res.json();
}

/** JSON round trip, as the API serves it. */
const asJson = (x: unknown) => JSON.parse(JSON.stringify(x));

/** The insights of the input narrowed by hand (no call to the filter under test). */
function byHand(keepMessage: (m: InsightsInput['messages'][number]) => boolean, keepSurvey: (s: InsightsInput['surveys'][number]) => boolean, period?: { from: Date; to: Date }): Insights {
  return computeInsights({ ...input, messages: input.messages.filter(keepMessage), surveys: input.surveys.filter(keepSurvey), period: period ?? input.period });
}

describe('filtered insight views', () => {
  const team = TEAMS[1].name;

  it('a team filter narrows the overview and themes to exactly that team’s insights', async () => {
    const all = await getJson('/api/overview');
    const filtered = await getJson(`/api/overview?team=${encodeURIComponent(team)}`);
    const expected = byHand((m) => m.team === team, (s) => s.team === team);
    expect(filtered).toEqual(asJson(overviewSlice(expected)));
    expect(filtered.messages.customer).toBeLessThan(all.messages.customer);
    expect(filtered.messages.customer).toBeGreaterThan(0);
    expect(filtered.nps.responses).toBeLessThan(all.nps.responses);
    const themes = await getJson(`/api/themes?team=${encodeURIComponent(team)}`);
    expect(themes).toEqual(asJson(themesSlice(expected)));
    expect(themes).not.toEqual(await getJson('/api/themes'));
  });

  it('a period preset and a language combine, resolved against the server clock', async () => {
    const from = NOW.getTime() - 30 * DAY;
    const keepTime = (at: Date) => at.getTime() >= from && at.getTime() <= NOW.getTime();
    const frConversations = new Set(input.messages.filter((m) => m.language === 'fr').map((m) => m.conversationId));
    const expected = byHand(
      (m) => keepTime(m.at) && m.language === 'fr',
      (s) => keepTime(s.at) && frConversations.has(s.conversationId),
      { from: new Date(from), to: NOW },
    );
    const filtered = await getJson('/api/overview?period=30d&language=fr');
    expect(filtered).toEqual(asJson(overviewSlice(expected)));
    expect(filtered.period).toEqual({ from: new Date(from).toISOString(), to: NOW.toISOString() });
    expect(filtered.messages.byLanguage).toEqual({ fr: filtered.messages.customer });
  });

  it('a filter that matches nothing answers empty figures, not an error', async () => {
    const o = await getJson('/api/overview?team=Nobody');
    expect(o.messages.customer).toBe(0);
    expect(o.nps.responses).toBe(0);
    expect((await getJson('/api/themes?segment=Nobody')).themes.every((t: { messages: number }) => t.messages === 0)).toBe(true);
  });

  it('every insight view takes the filter, and refuses a bad one with a 400 naming the parameter', async () => {
    for (const view of ['overview', 'journey', 'themes', 'personas', 'risk', 'competitors', 'spikes']) {
      await getJson(`/api/${view}?period=7d&channel=email`);
      const bad = await getJson(`/api/${view}?period=fortnight`, 400);
      expect(bad.error.message).toMatch(/"period".*"fortnight".*7d, 30d, 90d/);
    }
    expect((await getJson('/api/overview?from=2026-13-01', 400)).error.message).toMatch(/"from" must be a date as YYYY-MM-DD/);
  });

  it('computes each filter once per data version, and the unfiltered insights once', async () => {
    await getJson('/api/overview');
    const before = computations;
    await getJson('/api/overview');
    await getJson('/api/themes');
    await getJson('/api/overview?segment=PME');
    await getJson('/api/risk?segment=PME');
    await getJson('/api/journey?segment=PME');
    expect(computations - before).toBe(1);
  });

  it('the listening station reads the same period and segment, resolved against the same clock', async () => {
    const from = NOW.getTime() - 7 * DAY;
    const expected = input.messages.filter((m) => m.role === 'customer' && m.at.getTime() >= from && m.segment === 'PME');
    const page = await getJson('/api/messages?period=7d&segment=PME&limit=100');
    expect(page.total).toBe(expected.length);
    expect(page.total).toBeGreaterThan(0);
    expect((await getJson('/api/messages?period=week', 400)).error.message).toMatch(/"period".*"week"/);
  });

  it('the worker thread computes a filtered view the same way (the filter crosses as plain data)', async () => {
    const filter = { period: '30d', team } as const;
    const inWorker = await computeInsightsInWorker(seeded.url, WORKSPACE, NOW, undefined, filter);
    expect(asJson(inWorker)).toEqual(asJson(computeInsights(filterInsightsInput(input, filter))));
    expect(inWorker.messages.customer).toBeLessThan(computeInsights(input).messages.customer);
  });

  it('GET /api/filter-options offers the teams, segments, channels, brands and languages of the data', async () => {
    const o = await getJson('/api/filter-options');
    expect([...o.teams].sort()).toEqual(TEAMS.map((t) => t.name).sort());
    expect([...o.segments].sort()).toEqual(['Grand compte', 'PME', 'Particulier']);
    // Channels of the own brand's data, then the review sites competitors are known from.
    expect(o.channels.slice(-1)).toEqual(['review']);
    expect([...o.channels].sort()).toEqual(['call', 'chat', 'email', 'review', 'survey', 'ticket']);
    expect(o.brands).toContain('RivalCo');
    expect([...o.languages].sort()).toEqual(['en', 'fr']);
  });
});
