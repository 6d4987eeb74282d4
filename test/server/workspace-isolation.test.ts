/**
 * Several workspaces in one deployment: two workspaces with data of every kind in one database (a real
 * SQLite file, and PostgreSQL), and every route of the API tried from workspace A against B: B's ids in
 * paths, ?workspace=B and the X-Ecoute-Workspace header without a role there, the remembered-workspace
 * cookie, exports, search, the listening station and the insights views. Each fails (403/404) or shows
 * A's data only, B's data is unchanged afterwards, and a refusal reads the same whether B exists or not.
 */
import path from 'node:path';
import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { hashPassword, newApiToken, secretHash } from '../../src/runtime/accounts/credentials.ts';
import { createApp } from '../../src/server/create-app.ts';
import type { Store } from '../../src/store/store.ts';
import { dialectSuite } from '../store/dialects.ts';
import { footprint, seedWorkspace, type SeededWorkspace } from './two-workspaces.ts';

const NOW = new Date('2026-11-20T12:00:00Z');
const WEB_DIR = path.resolve(import.meta.dirname, '../../web');
const PASSWORD = 'correct horse battery staple';
const A = 'acme';
const B = 'bravo';

/** Who calls: a session (cookie and CSRF token) or an API token. */
interface Caller {
  headers: Record<string, string>;
  csrf?: string;
}

/** GET routes without a path parameter, with the query variants that export or search. */
function getTargets(app: Hono): string[] {
  const plain = [...new Set(app.routes.filter((r) => r.method === 'GET' && r.path.startsWith('/api/') && !r.path.includes(':') && !r.path.includes('*')).map((r) => r.path))];
  return [...plain, '/api/messages?q=ZEBRA', '/api/messages?team=ZEBRA%20team', '/api/scorecards?format=csv', '/api/audit?format=csv', '/api/rules?all=true', '/api/drills/attempts?mode=drill'];
}

/** Routes that hold a workspace's own data: their answer in B shows B's MARK (the test can fail). */
const DATA_ROUTES = ['/api/messages', '/api/cases', '/api/root-causes', '/api/rules', '/api/alerts', '/api/audit', '/api/drills/progress', '/api/scorecards', '/api/imports', '/api/filter-options', '/api/themes'];

dialectSuite('one deployment, two workspaces', ({ open }) => {
  let store: Store;
  let app: Hono;
  let a: SeededWorkspace;
  let b: SeededWorkspace;
  let alice: Caller;
  let carol: Caller;
  let tokenA: Caller;
  let tokenB: Caller;

  async function call(who: Caller, method: string, url: string, opts: { body?: unknown; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...who.headers, ...opts.headers };
    if (who.csrf && method !== 'GET') headers['x-csrf-token'] = who.csrf;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await app.request(url, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
    return { status: res.status, text: await res.text(), cookie: res.headers.get('set-cookie') ?? '' };
  }

  async function login(email: string, workspace?: string): Promise<Caller> {
    const res = await app.request('/api/session', {
      method: 'POST', body: JSON.stringify({ email, password: PASSWORD }),
      headers: { 'content-type': 'application/json', ...(workspace ? { 'x-ecoute-workspace': workspace } : {}) },
    });
    expect(res.status, `log-in of ${email}`).toBe(200);
    const session = /ecoute_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1];
    return { headers: { cookie: `ecoute_session=${session}` }, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  }

  async function token(ws: string, name: string): Promise<Caller> {
    const secret = newApiToken();
    await store.createApiToken(ws, { name, role: 'admin', tokenHash: secretHash(secret) });
    return { headers: { authorization: `Bearer ${secret}` } };
  }

  beforeAll(async () => {
    store = await open(undefined, () => NOW);
    a = await seedWorkspace(store, A, 'ALPACA', NOW);
    b = await seedWorkspace(store, B, 'ZEBRA', NOW);
    const passwordHash = await hashPassword(PASSWORD);
    await store.addUser(A, { email: 'alice@acme.example', passwordHash, role: 'admin' });
    await store.addUser(B, { email: 'bob@bravo.example', passwordHash, role: 'admin' });
    await store.addUser(A, { email: 'carol@both.example', passwordHash, role: 'analyst' });
    await store.setRole(B, 'carol@both.example', 'viewer');
    app = createApp({ store, workspaceId: A, clock: () => NOW, webDir: WEB_DIR, limits: { maxBodyBytes: 1e6, requestsPerMinute: 0 } });
    alice = await login('alice@acme.example');
    carol = await login('carol@both.example');
    tokenA = await token(A, 'acme-admin');
    tokenB = await token(B, 'bravo-admin');
  });

  it('shows A only A\'s data on every GET route, exports and search included; B\'s own answers do show B\'s', async () => {
    for (const who of [alice, tokenA]) {
      for (const url of getTargets(app)) {
        const res = await call(who, 'GET', url);
        expect(res.status, `${url} → ${res.status} ${res.text.slice(0, 300)}`).toBeLessThan(400);
        expect(res.text, `${url} leaks workspace B`).not.toContain('ZEBRA');
        for (const id of [b.customerRef, b.caseId, b.ruleId, b.alertId, b.deliveryId]) expect(res.text, `${url} leaks workspace B`).not.toContain(id);
      }
    }
    // The same routes in B (its own token) show B's data: the absence above is isolation, not emptiness.
    for (const url of DATA_ROUTES) {
      expect((await call(tokenB, 'GET', url)).text, `${url} in B`).toContain('ZEBRA');
      expect((await call(tokenA, 'GET', url)).text, `${url} in A`).toContain('ALPACA');
    }
    expect((await call(tokenB, 'GET', '/api/deliveries')).text).toContain(b.deliveryId);
    // One insights cache per workspace: the same view differs by workspace, each from its own data.
    const overview = async (who: Caller) => JSON.parse((await call(who, 'GET', '/api/filter-options')).text) as { teams: string[] };
    expect(JSON.stringify(await overview(tokenA))).toContain('ALPACA team');
    expect(JSON.stringify(await overview(tokenB))).toContain('ZEBRA team');
  });

  it('answers 404 to B\'s ids in A\'s paths and bodies, and B is unchanged afterwards', async () => {
    const before = await footprint(store, B);
    // [route as registered, request]: every route with a path parameter is tried with B's id.
    const attempts: [string, string, string, unknown?][] = [
      ['/api/cases/:id', 'GET', `/api/cases/${b.caseId}`],
      ['/api/cases/:id', 'PATCH', `/api/cases/${b.caseId}`, { status: 'closed', owner: 'intruder' }],
      ['/api/cases/:id/notes', 'POST', `/api/cases/${b.caseId}/notes`, { text: 'intrusion' }],
      ['/api/cases', 'POST', '/api/cases', { messageId: b.messageIds[0] }],
      ['/api/root-causes/:id', 'PATCH', `/api/root-causes/${b.rootCauseId}`, { status: 'fixed', owner: 'intruder' }],
      ['/api/customers/:id/history', 'GET', `/api/customers/${encodeURIComponent(b.customerId)}/history`],
      ['/api/customers/:id', 'DELETE', `/api/customers/${encodeURIComponent(b.customerRef)}`],
      ['/api/messages/:id/corrections', 'GET', `/api/messages/${b.messageIds[0]}/corrections`],
      ['/api/messages/:id/corrections', 'PUT', `/api/messages/${b.messageIds[0]}/corrections`, { field: 'stage', value: 'usage' }],
      ['/api/rules/:id', 'GET', `/api/rules/${b.ruleId}`],
      ['/api/rules/:id', 'PUT', `/api/rules/${b.ruleId}`, { name: 'hijack', conditions: { churn: true }, actions: [{ type: 'case' }] }],
      ['/api/rules/:id', 'DELETE', `/api/rules/${b.ruleId}`],
      ['/api/rules/test', 'POST', '/api/rules/test', { id: b.ruleId }],
      ['/api/alerts/:id/ack', 'POST', `/api/alerts/${b.alertId}/ack`],
      ['/api/deliveries/:id/retry', 'POST', `/api/deliveries/${b.deliveryId}/retry`],
      ['/api/imports/:id', 'DELETE', `/api/imports/${b.importId}`],
      ['/api/drills/attempts', 'POST', '/api/drills/attempts', { messageId: b.messageIds[0], participant: 'intruder', emotions: ['anger'], needs: ['speed'], reply: 'Je comprends votre colère.' }],
    ];
    const tried = new Set(attempts.map(([route, method]) => `${method} ${route}`));
    for (const r of app.routes.filter((x) => x.path.startsWith('/api/') && x.path.includes(':'))) {
      expect(tried.has(`${r.method} ${r.path}`), `${r.method} ${r.path} is not tried against B's ids: add it here`).toBe(true);
    }
    for (const who of [alice, tokenA]) {
      for (const [, method, url, body] of attempts) {
        const res = await call(who, method, url, { body });
        expect(res.status, `${method} ${url} → ${res.text.slice(0, 300)}`).toBe(404);
        expect(res.text).not.toContain('ZEBRA');
      }
    }
    expect(await footprint(store, B)).toEqual(before);
  });

  it('refuses ?workspace=B and the header without a role there, in the same words whether B exists or not', async () => {
    for (const url of getTargets(app)) {
      const sep = url.includes('?') ? '&' : '?';
      for (const res of [await call(alice, 'GET', `${url}${sep}workspace=${B}`), await call(alice, 'GET', url, { headers: { 'x-ecoute-workspace': B } })]) {
        if (url === '/api/health' || url === '/api/session') continue; // public: the caller's own workspace, no data
        expect(res.status, `${url} as alice in B → ${res.text.slice(0, 200)}`).toBe(403);
        expect(res.text).not.toContain('ZEBRA');
      }
    }
    const real = JSON.parse((await call(alice, 'GET', '/api/messages', { headers: { 'x-ecoute-workspace': B } })).text);
    const none = JSON.parse((await call(alice, 'GET', '/api/messages', { headers: { 'x-ecoute-workspace': 'nowhere' } })).text);
    expect(real.error.message).toMatch(/alice@acme\.example has no role in workspace "bravo" \(or there is no such workspace\)\. .*GET \/api\/workspaces.*ECOUTE_WORKSPACE=bravo ecoute user add alice@acme\.example --role viewer/);
    expect(none.error.message.replaceAll('nowhere', B)).toBe(real.error.message);
    // Changes too: a write aimed at B by name is refused before it reaches the route.
    const before = await footprint(store, B);
    expect((await call(alice, 'POST', '/api/rules', { body: { name: 'x', conditions: { churn: true }, actions: [{ type: 'case' }] }, headers: { 'x-ecoute-workspace': B } })).status).toBe(403);
    expect((await call(alice, 'PATCH', `/api/cases/${b.caseId}?workspace=${B}`, { body: { status: 'closed' } })).status).toBe(403);
    expect(await footprint(store, B)).toEqual(before);
    // A cookie naming B (not a request, a memory) is passed over: alice stays in A.
    const remembered = await call({ headers: { cookie: `${alice.headers.cookie}; ecoute_workspace=${B}` } }, 'GET', '/api/messages');
    expect(remembered.status).toBe(200);
    expect(remembered.text).toContain('ALPACA');
    expect(remembered.text).not.toContain('ZEBRA');
    // A log-in naming B is refused too.
    const res = await app.request('/api/session', { method: 'POST', body: JSON.stringify({ email: 'alice@acme.example', password: PASSWORD }), headers: { 'content-type': 'application/json', 'x-ecoute-workspace': B } });
    expect(res.status).toBe(403);
  });

  it('keeps a token in its own workspace: naming another is a 403, and it lists only its own', async () => {
    for (const opts of [{ headers: { 'x-ecoute-workspace': B } }, {}]) {
      const url = 'headers' in opts ? '/api/cases' : `/api/cases?workspace=${B}`;
      const res = await call(tokenA, 'GET', url, opts);
      expect(res.status).toBe(403);
      expect(JSON.parse(res.text).error.message).toMatch(/The API token "acme-admin" is for workspace "acme", not "bravo": a token acts in its own workspace only\..*ECOUTE_WORKSPACE=bravo ecoute token create/);
    }
    expect((await call(tokenA, 'POST', `/api/alerts/${b.alertId}/ack`, { headers: { 'x-ecoute-workspace': B } })).status).toBe(403);
    const listed = JSON.parse((await call(tokenA, 'GET', '/api/workspaces')).text);
    expect(listed).toMatchObject({ current: A, default: A, open: false, workspaces: [{ id: A, name: 'ALPACA Corp', role: 'admin', current: true }] });
    expect(listed.workspaces).toHaveLength(1);
    // B's token, with no header, acts in B although the server's default is A.
    expect((await call(tokenB, 'GET', '/api/cases')).text).toContain('ZEBRA');
    expect(JSON.parse((await call(tokenB, 'GET', '/api/health')).text).workspace).toBe(B);
  });

  it('lets a user with roles in both switch by header or query, with the role of each, and remembers the choice', async () => {
    const mine = JSON.parse((await call(carol, 'GET', '/api/workspaces')).text);
    expect(mine).toEqual({
      current: A, default: A, open: false,
      workspaces: [{ id: A, name: 'ALPACA Corp', role: 'analyst', current: true }, { id: B, name: 'ZEBRA Corp', role: 'viewer', current: false }],
    });
    const inB = await call(carol, 'GET', `/api/messages?workspace=${B}`);
    expect(inB.text).toContain('ZEBRA');
    expect(inB.text).not.toContain('ALPACA');
    expect(inB.cookie).toMatch(/ecoute_workspace=bravo;.*HttpOnly/);
    // Her role follows the workspace: analyst in A may add a rule, viewer in B may not.
    const rule = { name: 'carol', conditions: { churn: true }, actions: [{ type: 'case' }] };
    const refused = await call(carol, 'POST', '/api/rules', { body: rule, headers: { 'x-ecoute-workspace': B } });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text).error.message).toMatch(/Your role in workspace "bravo" is viewer, which may not write-rules/);
    // (?workspace= on a change: the body still reaches the route once the parameter is taken off.)
    const added = await call(carol, 'POST', `/api/rules?workspace=${A}`, { body: rule });
    expect(added.status, added.text).toBe(201);
    expect((await store.listRules(A)).map((r) => r.name)).toContain('carol');
    expect((await store.listRules(B)).map((r) => r.name)).not.toContain('carol');
    // The remembered choice is used without a header (links and CSV downloads send none).
    const remembered = { headers: { cookie: `${carol.headers.cookie}; ecoute_workspace=${B}` } };
    expect(JSON.parse((await call(remembered, 'GET', '/api/workspaces')).text).current).toBe(B);
    expect((await call(remembered, 'GET', '/api/scorecards')).text).toContain('ZEBRA');
    // The audit lines go to the workspace acted in.
    expect((await store.auditLog(A)).some((l) => l.actor === 'carol@both.example' && l.action === 'api.write-rules')).toBe(true);
    expect((await store.auditLog(B)).some((l) => l.actor === 'carol@both.example' && l.action === 'api.write-rules')).toBe(false);
  });

  it('writes pushed to A stay in A, and an idempotency key of A is not one of B', async () => {
    const beforeB = await footprint(store, B);
    const record = { conversation_id: 'pushed-1', text: 'Livraison en retard, ALPACA', date: '2026-11-19', customer_id: 'pushed-cust' };
    const first = await call(tokenA, 'POST', '/api/messages?source=hook', { body: record, headers: { 'idempotency-key': 'same-key' } });
    expect(first.status, first.text).toBe(201);
    const inB = await call(tokenB, 'POST', '/api/messages?source=hook', { body: { ...record, text: 'Livraison en retard, ZEBRA' }, headers: { 'idempotency-key': 'same-key' } });
    expect(inB.status, inB.text).toBe(201);
    expect((await call(tokenA, 'GET', '/api/messages?q=retard')).text).not.toContain('ZEBRA');
    expect((await footprint(store, B)).counts.conversations).toBe(beforeB.counts.conversations + 1);
  });

  it('says what is wrong with a malformed or doubly named workspace (400)', async () => {
    const both = await call(alice, 'GET', `/api/cases?workspace=${A}`, { headers: { 'x-ecoute-workspace': B } });
    expect(both.status).toBe(400);
    expect(JSON.parse(both.text).error.message).toMatch(/header names "bravo" but \?workspace= names "acme"\. Name the workspace once\./);
    const bad = await call(alice, 'GET', '/api/cases', { headers: { 'x-ecoute-workspace': 'two words' } });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error.message).toMatch(/is not a workspace id: use 1–100 visible characters without spaces/);
  });
});

dialectSuite('the open demo (no user) with two workspaces', ({ open }) => {
  let app: Hono;
  beforeAll(async () => {
    const store = await open(undefined, () => NOW);
    await seedWorkspace(store, A, 'ALPACA', NOW);
    await seedWorkspace(store, B, 'ZEBRA', NOW);
    app = createApp({ store, workspaceId: A, clock: () => NOW, webDir: WEB_DIR });
  });

  it('opens the default, any workspace of the database by name, and names the existing ones for an unknown one', async () => {
    const text = async (url: string, init?: RequestInit) => (await app.request(url, init)).text();
    expect(await text('/api/messages')).toContain('ALPACA');
    expect(await text(`/api/messages?workspace=${B}`)).toContain('ZEBRA');
    expect(await text('/api/messages', { headers: { 'x-ecoute-workspace': B } })).not.toContain('ALPACA');
    const listed = JSON.parse(await text('/api/workspaces'));
    expect(listed).toMatchObject({ current: A, open: true, workspaces: [{ id: A, role: 'admin' }, { id: B, role: 'admin' }] });
    const unknown = await app.request('/api/messages?workspace=nowhere');
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toMatch(/Workspace "nowhere" was not found\. This server has: acme, bravo\. Name one of them, or import data into "nowhere" first \(`ECOUTE_WORKSPACE=nowhere ecoute ingest FILE`\)\./);
  });
});

