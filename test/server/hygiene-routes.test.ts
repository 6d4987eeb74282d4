/**
 * Data hygiene over HTTP (hygiene-routes.ts) on both dialects: real CSV files imported by runImport,
 * analyses, a case and a correction written through the store, then the API undoes, erases, applies
 * retention, and refuses those who may not.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { hashPassword, newApiToken, secretHash } from '../../src/runtime/accounts/credentials.ts';
import { runImport } from '../../src/runtime/import/run-import.ts';
import { createApp } from '../../src/server/create-app.ts';
import { openApiDocument } from '../../src/server/openapi.ts';
import type { Store } from '../../src/store/store.ts';
import { dialectSuite } from '../store/dialects.ts';
import { analysis } from '../store/fixtures.ts';

const WS = 'hygiene-api';
const NOW = new Date('2026-06-01T12:00:00Z');
const WEB_DIR = path.resolve(import.meta.dirname, '../../web');
const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-hygiene-api-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'ticket_id,date,customer_id,message,nps\n';
const JAN = path.join(dir, 'jan.csv');
const FEB = path.join(dir, 'feb.csv');
writeFileSync(JAN, `${HEADER}T1,2026-01-05,C1,"Mon colis est en retard, inadmissible",3\nT2,2026-01-06,C2,"Merci beaucoup, parfait",10\nT3,2026-01-07,C1,"Toujours rien reçu",2\n`);
writeFileSync(FEB, `${HEADER}T4,2026-02-05,C3,"Facture fausse",4\nT5,2026-02-06,C1,"Je vais résilier",0\n`);

/** Imports one file as `ecoute ingest` does, then analyses what it added (hand-written analyses). */
async function ingest(store: Store, file: string) {
  const summary = await runImport({ store, workspaceId: WS, files: [file], clock: () => NOW });
  const pending = await store.pendingAnalysis(WS, 'v1', 1000);
  await store.saveAnalyses(WS, 'v1', pending.map((p) => ({ messageId: p.messageId, analysis: analysis() })));
  return summary.totals;
}

dialectSuite('data hygiene routes', ({ open }) => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  const call = async (method: string, target: string, init: { body?: unknown; token?: string } = {}) => {
    const headers: Record<string, string> = {};
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    const res = await app.request(target, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    return { status: res.status, body: await res.json() };
  };

  it('lists imports; DELETE /api/imports/:id removes exactly what that import added, and the file can be imported again', async () => {
    store = await open(undefined, () => NOW);
    app = createApp({ store, workspaceId: WS, clock: () => NOW, webDir: WEB_DIR });
    expect((await ingest(store, JAN)).inserted).toBe(3);
    const before = await store.counts(WS);
    expect((await ingest(store, FEB)).inserted).toBe(2);

    const list = await call('GET', '/api/imports');
    expect(list.status).toBe(200);
    expect(list.body.imports).toMatchObject([
      { fileName: 'jan.csv', records: 3, recordsAdded: 3, messagesAdded: 3, finished: true },
      { fileName: 'feb.csv', records: 2, recordsAdded: 2, messagesAdded: 2, finished: true, importedAt: NOW.toISOString() },
    ]);
    const feb = list.body.imports[1].id as string;

    const undo = await call('DELETE', `/api/imports/${feb}`);
    expect(undo.status).toBe(200);
    expect(undo.body).toMatchObject({ import: { id: feb, fileName: 'feb.csv' }, removed: { conversations: 2, messages: 2, analyses: 2, surveyAnswers: 2, customers: 1 } });
    expect(await store.counts(WS)).toEqual(before);
    expect((await call('GET', '/api/imports')).body.imports.map((i: { fileName: string }) => i.fileName)).toEqual(['jan.csv']);
    expect((await store.auditLog(WS))[0]).toMatchObject({ action: 'import.undo', actor: 'api', target: `import:${feb}` });

    const again = await call('DELETE', `/api/imports/${feb}`);
    expect(again.status).toBe(404);
    expect(again.body.error.message).toMatch(new RegExp(`Import "${feb}" was not found.*GET /api/imports`));
    expect((await call('DELETE', '/api/imports/not-an-id')).status).toBe(404);
    // Undone, the same bytes import again.
    expect((await ingest(store, FEB)).inserted).toBe(2);
    expect((await store.counts(WS)).conversations).toBe(before.conversations + 2);
  });

  it('DELETE /api/customers/:id erases messages, analyses, scores, cases and corrections, with an audit line; unknown ids are a 404', async () => {
    const facts = await store.messageFacts(WS);
    const mine = facts.filter((f) => f.customerRef === 'C1');
    expect(mine).toHaveLength(3);
    const kase = await store.openCase(WS, { customerId: mine[0].customerId, conversationId: mine[0].conversationId, title: 'Rappeler C1', priority: 'high', actor: 'test' });
    await store.openCase(WS, { customerId: mine[1].customerId, title: 'Geste commercial C1', priority: 'low', actor: 'test' });
    await store.addCorrection(WS, mine[2].messageId, { field: 'emotions', value: ['anger'], actor: 'lea@example.com' });
    const others = facts.filter((f) => f.customerRef !== 'C1');
    const otherCase = await store.openCase(WS, { customerId: others[0].customerId, conversationId: others[0].conversationId, title: 'Autre client', priority: 'low', actor: 'test' });
    const version = await store.dataVersion(WS);

    const erased = await call('DELETE', '/api/customers/C1');
    expect(erased.status).toBe(200);
    expect(erased.body.removed).toEqual({ conversations: 3, messages: 3, analyses: 3, surveyAnswers: 3, employeeAnswers: 0, customers: 1, cases: 2, alerts: 0 });
    expect((await store.messageFacts(WS)).map((f) => f.customerRef).sort()).toEqual(others.map((f) => f.customerRef).sort());
    expect((await store.surveyFacts(WS)).length).toBe(others.length);
    expect((await store.listCases(WS)).map((c) => c.id)).toEqual([otherCase.id]);
    expect(await store.listCorrections(WS, mine.map((m) => m.messageId))).toEqual([]);
    expect((await store.listCases(WS)).some((c) => c.id === kase.id)).toBe(false);
    expect(await store.dataVersion(WS)).toBeGreaterThan(version);
    const [audit] = await store.auditLog(WS);
    expect(audit).toMatchObject({ action: 'customer.erase', actor: 'api', target: expect.stringMatching(/^customer:sha256:[0-9a-f]{16}$/), detail: { removed: { conversations: 3 } } });

    const gone = await call('DELETE', '/api/customers/C1');
    expect(gone.status).toBe(404);
    expect(gone.body.error).toMatchObject({ code: 'not_found', message: expect.stringMatching(/Customer "C1" was not found.*check the id of your source system.*erased already/) });
    expect((await store.auditLog(WS))[0].action).toBe('customer.erase');
    expect((await call('DELETE', `/api/customers/${encodeURIComponent('nobody@example.com')}`)).body.error.message).toMatch(/"nobody@example.com" was not found/);
    expect((await call('DELETE', `/api/customers/${encodeURIComponent('50%off')}`)).body.error.message).toMatch(/"50%off" was not found/);
  });

  it('GET/PUT /api/retention sets the period; POST /api/retention/apply runs it (dry run first); bad bodies name the fix', async () => {
    expect((await call('GET', '/api/retention')).body).toEqual({ months: 0 });
    const none = await call('POST', '/api/retention/apply');
    expect(none.status).toBe(422);
    expect(none.body.error.message).toMatch(/no retention period.*PUT \/api\/retention \{"months": N\}/);
    for (const bad of [{ months: -1 }, { months: 2.5 }, { months: '3' }, { month: 3 }]) {
      const res = await call('PUT', '/api/retention', { body: bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.message).toMatch(/\{"months": N\} with N a whole number of months from 0/);
    }
    expect((await call('PUT', '/api/retention', { body: { months: 4 } })).body).toEqual({ months: 4 });
    expect((await call('GET', '/api/retention')).body).toEqual({ months: 4 });
    // Four months before 2026-06-01: January's conversations go, February's stay.
    const dry = await call('POST', '/api/retention/apply?dryRun=true');
    expect(dry.body).toMatchObject({ months: 4, dryRun: true, cutoff: '2026-02-01T12:00:00.000Z', removed: { conversations: 1 } });
    expect((await store.counts(WS)).conversations).toBe(2);
    expect((await call('POST', '/api/retention/apply?dryRun=maybe')).status).toBe(400);
    const applied = await call('POST', '/api/retention/apply');
    expect(applied.body).toMatchObject({ dryRun: false, removed: { conversations: 1, messages: 1 } });
    expect((await store.counts(WS)).conversations).toBe(1);
    expect((await store.auditLog(WS))[0]).toMatchObject({ action: 'retention.apply', actor: 'api', detail: { months: 4 } });
  });

  it('is admin-only: viewers, agents and analysts get 403; an admin token is the audited actor', async () => {
    const passwordHash = await hashPassword('correct horse battery staple');
    const tokens: Record<string, string> = {};
    for (const role of ['admin', 'analyst', 'agent', 'viewer'] as const) {
      await store.addUser(WS, { email: `${role}@example.com`, passwordHash, role });
      tokens[role] = newApiToken();
      await store.createApiToken(WS, { name: role, role, tokenHash: secretHash(tokens[role]) });
    }
    for (const role of ['viewer', 'agent', 'analyst']) {
      for (const [method, target, body] of [['DELETE', '/api/imports/1'], ['DELETE', '/api/customers/C3'], ['PUT', '/api/retention', { months: 1 }], ['POST', '/api/retention/apply']] as const) {
        const res = await call(method, target, { token: tokens[role], body });
        expect(res.status, `${role} ${method} ${target}`).toBe(403);
        expect(res.body.error.message).toMatch(new RegExp(`is ${role}, which may not erase-data: this needs admin`));
      }
    }
    expect((await call('GET', '/api/imports', { token: tokens.viewer })).status).toBe(403);
    expect((await call('GET', '/api/imports', { token: tokens.analyst })).status).toBe(200);
    expect((await call('GET', '/api/retention', { token: tokens.viewer })).body).toEqual({ months: 4 });
    expect(await store.counts(WS)).toMatchObject({ conversations: 1 });

    const erased = await call('DELETE', '/api/customers/C3', { token: tokens.admin });
    expect(erased.status).toBe(200);
    expect((await store.auditLog(WS)).find((a) => a.action === 'customer.erase')).toMatchObject({ actor: 'token:admin' });
    // The request's own audit line names the erased customer only by the erasure's hash, never in clear.
    const lines = await store.auditLog(WS);
    expect(lines.find((a) => a.action.startsWith('api.') && a.target.startsWith('DELETE /api/customers/'))?.target)
      .toMatch(/^DELETE \/api\/customers\/customer:sha256:[0-9a-f]{16}$/);
    expect(JSON.stringify(lines)).not.toContain('C3');
  });

  it('is described in the OpenAPI document', () => {
    const paths = openApiDocument.paths as Record<string, Record<string, unknown>>;
    for (const [p, m] of [['/api/imports', 'get'], ['/api/imports/{id}', 'delete'], ['/api/customers/{id}', 'delete'], ['/api/retention', 'get'], ['/api/retention', 'put'], ['/api/retention/apply', 'post']]) {
      expect(paths[p]?.[m], `${m} ${p}`).toBeDefined();
    }
  });
});
