import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/create-app.ts';
import { exCxLagsFromFacts } from '../../src/learn/ex-cx/lags-from-facts.ts';
import { MAX_LAG_MONTHS } from '../../src/learn/ex-cx/ex-cx-lags.ts';
import { employeeAnswers, NOW, seedStore, WORKSPACE, type SeededStore } from './fixtures.ts';

let seeded: SeededStore;
let app: Hono;

beforeAll(async () => {
  seeded = await seedStore();
  app = createApp({ store: seeded.store, workspaceId: WORKSPACE, clock: () => NOW, webDir: path.resolve(import.meta.dirname, '../../web') });
});
afterAll(async () => {
  await seeded?.cleanup();
});

async function exCx(): Promise<any> {
  const res = await app.request('/api/ex-cx');
  expect(res.status).toBe(200);
  return res.json();
}

describe('GET /api/ex-cx', () => {
  it('keeps the same-period link and adds the lagged picture computed from the stored facts', async () => {
    const body = await exCx();
    expect(body.teams.length).toBeGreaterThan(0);
    expect(body.minTeams).toBe(3);
    const { store } = seeded;
    const expected = exCxLagsFromFacts({
      employees: await store.employeeFacts(WORKSPACE), surveys: await store.surveyFacts(WORKSPACE), messages: await store.messageFacts(WORKSPACE),
      brand: (await store.ensureWorkspace(WORKSPACE)).settings.brand,
    });
    expect(body.lags).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(body.lags.correlations).toHaveLength(2 * 5 * (MAX_LAG_MONTHS + 1));
    expect(body.lags.maxLag).toBe(6);
    // The fixtures' staff survey is one period: the page must say plainly that nothing can be concluded.
    expect(body.lags.exPeriods).toBe(1);
    expect(body.lags.warning.en).toMatch(/^Too few data to conclude anything/);
    expect(body.lags.warning.fr).toMatch(/^Trop peu de données pour conclure/);
    expect(body.lags.anchors.map((a: any) => a.kind)).toEqual(['meta-analysis', 'study', 'claim']);
  });

  it('recomputes the lags when the data changes', async () => {
    const before = await exCx();
    const { store } = seeded;
    // A second month of answers for every team: one more EX period.
    const next = employeeAnswers().map((a, i) => ({ ...a, naturalKey: `ex-next-${i}`, period: '2026-12', at: NOW }));
    await store.writeEmployeeAnswers(WORKSPACE, await store.ensureSource(WORKSPACE, 'engagement-2', 'csv'), next);
    const after = await exCx();
    expect(after.lags.exPeriods).toBe(before.lags.exPeriods + 1);
  });
});
