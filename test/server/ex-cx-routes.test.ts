import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/create-app.ts';
import { exCxLagsFromFacts } from '../../src/learn/ex-cx/lags-from-facts.ts';
import { MAX_LAG_MONTHS } from '../../src/learn/ex-cx/ex-cx-lags.ts';
import { loadCoachModel } from '../../src/runtime/analysis/load-coach-model.ts';
import { coachReplyVerdicts } from '../../src/runtime/act/reply-empathy-verdicts.ts';
import { filterInsightsInput, type InsightFilter } from '../../src/insights/filter-input.ts';
import { employeeAnswers, NOW, seedStore, TEAMS, WORKSPACE, type SeededStore } from './fixtures.ts';

let seeded: SeededStore;
let app: Hono;

beforeAll(async () => {
  seeded = await seedStore();
  app = createApp({ store: seeded.store, workspaceId: WORKSPACE, clock: () => NOW, webDir: path.resolve(import.meta.dirname, '../../web') });
});
afterAll(async () => {
  await seeded?.cleanup();
});

async function exCx(qs = '', status = 200): Promise<any> {
  const res = await app.request(`/api/ex-cx${qs}`);
  expect(res.status, `/api/ex-cx${qs} → ${res.status}`).toBe(status);
  return res.json();
}

/** The lagged report the route must give for `filter`: the stored facts narrowed as every insight view narrows them. */
async function expectedLags(filter: InsightFilter) {
  const { store } = seeded;
  const all = await store.messageFacts(WORKSPACE);
  const input = filterInsightsInput({
    employees: await store.employeeFacts(WORKSPACE), surveys: await store.surveyFacts(WORKSPACE), messages: all,
    settings: (await store.ensureWorkspace(WORKSPACE)).settings, now: NOW,
  }, filter);
  const lags = exCxLagsFromFacts({ ...input, brand: input.settings.brand, replyVerdicts: coachReplyVerdicts(all, await loadCoachModel()) });
  return { lags: JSON.parse(JSON.stringify(lags)), matched: { employees: input.employees.length, messages: input.messages.length, surveys: input.surveys.length } };
}

describe('GET /api/ex-cx', () => {
  it('keeps the same-period link and adds the lagged picture computed from the stored facts', async () => {
    const body = await exCx();
    expect(body.teams.length).toBeGreaterThan(0);
    expect(body.minTeams).toBe(3);
    const { store } = seeded;
    const messages = await store.messageFacts(WORKSPACE);
    // Reply empathy is the coach's verdict per reply (models/coach.json is there): the same figures
    // as before on these fixtures, whose replies neither reader finds empathic; only the source is new.
    const expected = exCxLagsFromFacts({
      employees: await store.employeeFacts(WORKSPACE), surveys: await store.surveyFacts(WORKSPACE), messages,
      brand: (await store.ensureWorkspace(WORKSPACE)).settings.brand, replyVerdicts: coachReplyVerdicts(messages, await loadCoachModel()),
    });
    expect(body.lags).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(body.replyEmpathySource).toBe('coach');
    expect(body.lags.replyEmpathySource).toBe('coach');
    expect(body.lags.correlations).toHaveLength(2 * 5 * (MAX_LAG_MONTHS + 1));
    expect(body.lags.maxLag).toBe(6);
    // The fixtures' staff survey is one period: the page must say plainly that nothing can be concluded.
    expect(body.lags.exPeriods).toBe(1);
    expect(body.lags.warning.en).toMatch(/^Too few data to conclude anything/);
    expect(body.lags.warning.fr).toMatch(/^Trop peu de données pour conclure/);
    expect(body.lags.anchors.map((a: any) => a.kind)).toEqual(['meta-analysis', 'study', 'claim']);
  });

  it('takes the shared filter: the team narrows both sides, a channel or period the customer side', async () => {
    const team = TEAMS[0].name;
    const byTeam = await exCx(`?team=${encodeURIComponent(team)}`);
    expect(byTeam.filter).toEqual({ team });
    expect(byTeam.teams.map((t: any) => t.team)).toEqual([team]);
    const want = await expectedLags({ team });
    expect(byTeam.lags).toEqual(want.lags);
    expect(byTeam.matched).toEqual(want.matched);
    expect(byTeam.matched.employees).toBe(6);

    const all = await exCx();
    const email = await exCx('?channel=email&period=90d');
    expect(email.lags).toEqual((await expectedLags({ channel: 'email', period: '90d' })).lags);
    // Every team keeps its employee answers; only the customer answers are cut to e-mail.
    expect(email.teams.map((t: any) => t.team)).toEqual(all.teams.map((t: any) => t.team));
    const surveys = (b: any) => b.teams.reduce((s: number, t: any) => s + t.surveys, 0);
    expect(surveys(email)).toBeGreaterThan(0);
    expect(surveys(email)).toBeLessThan(surveys(all));
    expect(email.matched.messages).toBeLessThan(all.matched.messages);
  });

  it('answers an empty picture when nothing matches, and a 400 naming the parameter on a bad value', async () => {
    const none = await exCx('?team=Nobody');
    expect(none.teams).toEqual([]);
    expect(none.matched).toEqual({ employees: 0, messages: 0, surveys: 0 });
    expect(none.lags.cells).toBe(0);
    expect((await exCx('?period=fortnight', 400)).error.message).toMatch(/"period".*"fortnight".*7d, 30d, 90d/);
    expect((await exCx('?from=2026-02-31', 400)).error.message).toMatch(/"from" must be a date as YYYY-MM-DD/);
    expect((await exCx('?channel=pigeon', 400)).error.message).toMatch(/"channel" has unknown value "pigeon"/);
    expect((await exCx('?teams=Billing', 400)).error.message).toMatch(/Unknown query parameter "teams"/);
    expect((await exCx('?period=30d&from=2026-11-01', 400)).error.message).toMatch(/cannot be combined/);
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
