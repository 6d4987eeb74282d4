import path from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRulesOnMessages } from '../../src/runtime/act/evaluate-rules.ts';
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

/** Sends a request and checks its status; returns the JSON body. */
async function call(method: string, url: string, body?: unknown, status = 200): Promise<any> {
  const res = await app.request(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const json = await res.json();
  expect(res.status, `${method} ${url} → ${res.status} ${JSON.stringify(json)}`).toBe(status);
  return json;
}

const CHURN = {
  name: 'Client qui part',
  conditions: { churn: true, npsBand: 'detractor' },
  actions: [{ type: 'case', owner: 'Léa' }, { type: 'webhook', url: 'https://hooks.example/ecoute', format: 'teams' }],
  dedupeWindow: '30d',
};

describe('alert rule routes', () => {
  it('adds, reads, versions and removes rules; invalid rules are a 422 naming the field', async () => {
    const { rule } = await call('POST', '/api/rules', CHURN, 201);
    expect(rule).toMatchObject({ version: 1, name: CHURN.name, active: true, createdBy: 'api', definition: { conditions: { churn: true, npsBand: ['detractor'] } } });

    const bad = await call('POST', '/api/rules', { ...CHURN, conditions: { emotion: 'angry', npsBand: 'detractors' } }, 422);
    expect(bad.error.code).toBe('bad_input');
    expect(bad.error.message).toMatch(/^The rule is invalid: conditions\.emotion: unknown emotion "angry": known emotions are anger, .*; conditions\.npsBand: unknown NPS band "detractors": known NPS bands are detractor, passive, promoter\. Fix it and try again\.$/);
    expect(bad.error.details.issues).toEqual([
      { field: 'conditions.emotion', message: expect.stringMatching(/^unknown emotion "angry"/) },
      { field: 'conditions.npsBand', message: expect.stringMatching(/^unknown NPS band/) },
    ]);
    expect((await call('POST', '/api/rules', '{"name": ', 400)).error.message).toMatch(/not valid JSON/);

    const v2 = await call('PUT', `/api/rules/${rule.id}`, { ...CHURN, name: 'Client qui part (v2)' });
    expect(v2.rule).toMatchObject({ id: rule.id, version: 2 });
    const one = await call('GET', `/api/rules/${rule.id}`);
    expect(one.rule).toMatchObject({ version: 2, name: 'Client qui part (v2)' });
    expect(one.versions.map((v: { version: number; active: boolean }) => [v.version, v.active])).toEqual([[2, true], [1, false]]);
    expect((await call('GET', '/api/rules')).rules.map((r: { id: string }) => r.id)).toContain(rule.id);
    await call('PUT', `/api/rules/${rule.id}`, { name: 'x', conditions: {} }, 422);

    const removed = await call('DELETE', `/api/rules/${rule.id}`);
    expect(removed.rule).toMatchObject({ id: rule.id, active: false });
    expect((await call('GET', '/api/rules')).rules.map((r: { id: string }) => r.id)).not.toContain(rule.id);
    expect((await call('GET', '/api/rules?all=true')).rules.map((r: { id: string }) => r.id)).toContain(rule.id);
    expect((await call('PUT', `/api/rules/${rule.id}`, CHURN, 422)).error.message).toMatch(/was removed, so it cannot be changed/);
    expect((await call('GET', '/api/rules/rule-nope', undefined, 404)).error.message).toMatch(/Rule "rule-nope" was not found/);
    await call('DELETE', '/api/rules/rule-nope', undefined, 404);
    expect((await call('GET', '/api/rules?all=yes', undefined, 400)).error.message).toBe('Query parameter "all": must be true or false.');
  });

  it('tests a rule on past messages without writing anything', async () => {
    const { rule } = await call('POST', '/api/rules', CHURN, 201);
    const byId = await call('POST', '/api/rules/test', { id: rule.id, limit: 2 });
    expect(byId).toMatchObject({ name: CHURN.name, kind: 'message', matched: expect.any(Number), alerts: expect.any(Number) });
    expect(byId.matched).toBeGreaterThan(2);
    expect(byId.matches).toHaveLength(2);
    expect(byId.matches[0].reasons).toEqual(['intention de départ', expect.stringMatching(/^NPS détracteur \(\d\)$/)]);
    const byDefinition = await call('POST', '/api/rules/test', { rule: { ...CHURN, dedupeWindow: '0' }, lang: 'en', since: '2026-11-01' });
    expect(byDefinition.matches[0].reasons[0]).toBe('churn intent');
    expect(byDefinition.alerts).toBe(byDefinition.matched);
    expect(byDefinition.since).toBe('2026-11-01T00:00:00.000Z');
    expect((await call('POST', '/api/rules/test', { rule: CHURN, id: rule.id }, 400)).error.message).toBe('Body: send exactly one of "rule" (a definition) and "id" (a stored rule).');
    expect((await call('POST', '/api/rules/test', { id: rule.id, limit: 0 }, 400)).error.message).toMatch(/^Body field "limit": /);
    expect((await call('POST', '/api/rules/test', { id: rule.id, since: 'last week' }, 400)).error.message).toMatch(/^Body field "since": /);
    expect((await call('POST', '/api/rules/test', { rule: { name: 'x', conditions: { stage: 'checkout' } } }, 422)).error.message).toMatch(/conditions\.stage: unknown stage "checkout"/);
    await call('POST', '/api/rules/test', { id: 'rule-nope' }, 404);
    expect((await call('GET', '/api/alerts')).alerts).toEqual([]);
  });

  it('lists the alerts the rules raised, and acknowledges them; the insights cache is kept', async () => {
    const { store } = seeded;
    const ids = (await store.messageFacts(WORKSPACE, { customerOnly: true })).map((f) => f.messageId);
    const version = await store.dataVersion(WORKSPACE);
    const evaluation = await evaluateRulesOnMessages(store, WORKSPACE, ids, { clock: () => NOW, publicUrl: 'https://ecoute.example' });
    expect(evaluation.alerts).toBeGreaterThan(1);
    expect(await store.dataVersion(WORKSPACE)).toBe(version);

    const { alerts } = await call('GET', '/api/alerts');
    expect(alerts).toHaveLength(evaluation.alerts);
    expect(alerts[0]).toMatchObject({ kind: 'rule', acknowledged: false, ruleVersion: 1, message: expect.stringMatching(/^Alerte : Client qui part — Client \d+\nPourquoi : intention de départ, NPS détracteur/) });
    expect(alerts[0].payload.link).toMatch(/^https:\/\/ecoute\.example\/#\/customer\/c_[a-z2-7]{16}$/);
    const ack = await call('POST', `/api/alerts/${alerts[0].id}/ack`);
    expect(ack.alert).toMatchObject({ id: alerts[0].id, acknowledged: true });
    expect((await call('GET', '/api/alerts?unacknowledged=true')).alerts).toHaveLength(alerts.length - 1);
    expect((await call('GET', `/api/alerts?rule=${alerts[0].ruleId}&limit=1`)).alerts).toHaveLength(1);
    expect((await call('GET', '/api/alerts?limit=0', undefined, 400)).error.message).toBe('Query parameter "limit": must be at least 1.');
    await call('POST', '/api/alerts/nope/ack', undefined, 404);
    // Cases were opened with the alerts, in the same transaction.
    const cases = await store.listCases(WORKSPACE);
    expect(cases.filter((c) => c.alertId !== null)).toHaveLength(evaluation.alerts);
  });
});
