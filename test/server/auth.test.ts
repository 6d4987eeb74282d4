import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, ROLES, type Action, type Role } from '../../src/core/roles.ts';
import { hashPassword, newApiToken, secretHash } from '../../src/runtime/accounts/credentials.ts';
import { createApp } from '../../src/server/create-app.ts';
import { LOGIN_FAILURES, SESSION_HOURS } from '../../src/server/session-routes.ts';
import { NOW, seedStore, WORKSPACE, type SeededStore } from './fixtures.ts';

const WEB_DIR = path.resolve(import.meta.dirname, '../../web');
const PASSWORD = 'correct horse battery staple';
let seeded: SeededStore;
let app: ReturnType<typeof createApp>;
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  seeded = await seedStore();
  app = createApp({ store: seeded.store, workspaceId: WORKSPACE, clock: () => NOW, webDir: WEB_DIR, limits: { maxBodyBytes: 1e6, requestsPerMinute: 0 } });
});
afterAll(async () => { await seeded?.cleanup(); });

const json = (body: unknown) => ({ 'content-type': 'application/json', body: JSON.stringify(body) });
const bearer = (token: string, init: RequestInit = {}) => ({ ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } });

async function login(email: string, url = 'http://localhost/api/session') {
  const { body, ...headers } = json({ email, password: PASSWORD });
  return app.request(url, { method: 'POST', headers, body });
}
const cookieOf = (res: Response) => /ecoute_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')![1];

describe('accounts and roles on the API', () => {
  it('is open while no user exists, and says so', async () => {
    expect((await app.request('/api/overview')).status).toBe(200);
    expect(await (await app.request('/api/session')).json()).toEqual({ open: true, workspace: WORKSPACE, role: 'admin' });
  });

  it('answers 401 on every /api route but health and log-in once a user exists', async () => {
    const hash = await hashPassword(PASSWORD);
    for (const role of ROLES) {
      await seeded.store.addUser(WORKSPACE, { email: `${role}@example.com`, name: role, passwordHash: hash, role });
      tokens[role] = newApiToken();
      await seeded.store.createApiToken(WORKSPACE, { name: `${role}-script`, role, tokenHash: secretHash(tokens[role]) });
    }
    for (const url of ['/api/overview', '/api/messages', '/api/openapi.json', '/api/audit']) {
      const res = await app.request(url);
      expect(res.status, url).toBe(401);
      expect((await res.json()).error.message).toMatch(/Log in on the dashboard.*Bearer ec_/);
    }
    expect((await app.request('/api/health')).status).toBe(200);
    expect((await app.request('/api/session')).status).toBe(401);
    // The dashboard's files stay reachable, so its log-in page can load.
    expect((await app.request('/')).status).toBe(200);
  });

  it('logs in with a session cookie: HttpOnly, SameSite=Strict, Secure unless plain HTTP here', async () => {
    const wrong = await app.request('/api/session', { method: 'POST', ...{ headers: { 'content-type': 'application/json' } }, body: JSON.stringify({ email: 'admin@example.com', password: 'not the password' }) });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.message).toMatch(/Wrong e-mail or password/);
    const unknown = await login('nobody@example.com');
    expect(unknown.status).toBe(401);
    const form = await app.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=admin%40example.com' });
    expect(form.status).toBe(400);

    const res = await login('Admin@Example.com');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ open: false, role: 'admin', user: { email: 'admin@example.com' }, workspace: WORKSPACE });
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    expect((await login('admin@example.com', 'https://ecoute.example.com/api/session')).headers.get('set-cookie')).toMatch(/; Secure/);

    const session = await app.request('/api/session', { headers: { cookie: `ecoute_session=${cookieOf(res)}` } });
    expect(await session.json()).toMatchObject({ open: false, role: 'admin', via: 'session', user: { email: 'admin@example.com' }, csrfToken: body.csrfToken });
    expect((await app.request('/api/overview', { headers: { cookie: `ecoute_session=${cookieOf(res)}` } })).status).toBe(200);
    expect((await app.request('/api/overview', { headers: { cookie: 'ecoute_session=forged' } })).status).toBe(401);
  });

  it('refuses a cookie-authenticated change without the CSRF token, and logs out', async () => {
    const res = await login('agent@example.com');
    const { csrfToken } = await res.json();
    const cookie = `ecoute_session=${cookieOf(res)}`;
    const { body, ...jsonHeader } = json({ messageId: '1' });
    const without = await app.request('/api/cases', { method: 'POST', headers: { ...jsonHeader, cookie }, body });
    expect(without.status).toBe(403);
    expect((await without.json()).error.message).toMatch(/CSRF token.*x-csrf-token/);
    const wrong = await app.request('/api/cases', { method: 'POST', headers: { ...jsonHeader, cookie, 'x-csrf-token': 'x'.repeat(43) }, body });
    expect(wrong.status).toBe(403);
    const withToken = await app.request('/api/cases', { method: 'POST', headers: { ...jsonHeader, cookie, 'x-csrf-token': csrfToken }, body });
    expect([401, 403]).not.toContain(withToken.status);

    expect((await app.request('/api/session', { method: 'DELETE', headers: { cookie } })).status).toBe(403);
    const out = await app.request('/api/session', { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/ecoute_session=;.*Max-Age=0/);
    expect((await app.request('/api/overview', { headers: { cookie } })).status).toBe(401);
  });

  // One request per action; each role must be refused (403) exactly where the permission table says.
  const REQUESTS: [Action, string, RequestInit][] = [
    ['read', '/api/overview', {}],
    ['read', '/api/customers/nobody/history', {}],
    ['export', '/api/scorecards?format=csv', {}],
    ['correct', '/api/messages/999999/corrections', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"field":"emotions","value":[]}' }],
    ['write-cases', '/api/cases', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }],
    ['write-rules', '/api/rules', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }],
    ['assess', '/api/assessments', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }],
    ['ingest', '/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }],
    ['configure', '/api/overview', { method: 'POST' }],
    ['read-audit', '/api/audit', {}],
  ];
  it.each(ROLES)('lets a %s do what the permission table allows, and names the role needed otherwise', async (role) => {
    for (const [action, url, init] of REQUESTS) {
      const res = await app.request(url, bearer(tokens[role], init));
      if (can(role, action)) {
        expect([401, 403], `${role} ${action} ${url}`).not.toContain(res.status);
      } else {
        expect(res.status, `${role} ${action} ${url}`).toBe(403);
        expect((await res.json()).error.message).toMatch(new RegExp(`is ${role}, which may not ${action}: this needs admin.*ecoute token create NAME --role`));
      }
    }
  });

  it('holds the table the README states', () => {
    expect(can('viewer', 'export')).toBe(false);
    expect(can('agent', 'correct') && can('agent', 'write-cases') && !can('agent', 'write-rules')).toBe(true);
    expect(can('analyst', 'export') && !can('analyst', 'read-audit') && !can('analyst', 'manage-users')).toBe(true);
    expect(ROLES.filter((r) => can(r, 'read-audit'))).toEqual(['admin']);
  });

  it('scopes a token to its workspace and refuses revoked or unknown ones', async () => {
    const elsewhere = newApiToken();
    await seeded.store.createApiToken('other-ws', { name: 'elsewhere', role: 'admin', tokenHash: secretHash(elsewhere) });
    // A token acts in its own workspace (workspace-isolation.test.ts shows what it sees there), never in another.
    const res = await app.request('/api/overview', { headers: { ...bearer(elsewhere).headers, 'x-ecoute-workspace': WORKSPACE } });
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toMatch(/is for workspace "other-ws", not "test-ws"/);

    const temp = newApiToken();
    await seeded.store.createApiToken(WORKSPACE, { name: 'temporary', role: 'viewer', tokenHash: secretHash(temp) });
    expect((await app.request('/api/overview', bearer(temp))).status).toBe(200);
    await seeded.store.revokeApiToken(WORKSPACE, 'temporary');
    const revoked = await app.request('/api/overview', bearer(temp));
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).error.message).toMatch(/"temporary" was revoked/);
    expect((await app.request('/api/overview', bearer('ec_nope'))).status).toBe(401);
    expect((await app.request('/api/overview', { headers: { authorization: 'Basic YTpi' } })).status).toBe(401);
    // Tokens need no CSRF token: they are not sent by browsers on their own.
    const change = await app.request('/api/cases', bearer(tokens.agent, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));
    expect([401, 403]).not.toContain(change.status);
  });

  it('ends a session after 12 hours, and slows password guessing to 10 tries per quarter of an hour', async () => {
    let now = NOW;
    const timed = createApp({ store: seeded.store, workspaceId: WORKSPACE, clock: () => now, webDir: WEB_DIR, limits: { maxBodyBytes: 1e6, requestsPerMinute: 0 } });
    const post = (password: string) => timed.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'viewer@example.com', password }) });
    const res = await post(PASSWORD);
    const cookie = `ecoute_session=${cookieOf(res)}`;
    now = new Date(NOW.getTime() + SESSION_HOURS * 3600_000 - 1);
    expect((await timed.request('/api/overview', { headers: { cookie } })).status).toBe(200);
    now = new Date(NOW.getTime() + SESSION_HOURS * 3600_000);
    const expired = await timed.request('/api/overview', { headers: { cookie } });
    expect(expired.status).toBe(401);
    expect((await expired.json()).error.message).toMatch(/session has expired/);

    for (let i = 0; i < LOGIN_FAILURES.max; i++) expect((await post(`wrong guess number ${i}`)).status).toBe(401);
    const blocked = await post(PASSWORD);
    expect(blocked.status).toBe(429);
    expect((await blocked.json()).error.message).toMatch(/Too many failed log-ins for viewer@example\.com: try again in 15 min/);
    now = new Date(now.getTime() + LOGIN_FAILURES.windowMs);
    expect((await post(PASSWORD)).status).toBe(200);
  });

  it('writes who exported, changed or read a customer to the audit log, which admins read and export', async () => {
    await app.request('/api/scorecards?format=csv', bearer(tokens.analyst));
    const res = await login('analyst@example.com');
    const { csrfToken } = await res.json();
    await app.request('/api/rules', { method: 'POST', headers: { 'content-type': 'application/json', cookie: `ecoute_session=${cookieOf(res)}`, 'x-csrf-token': csrfToken }, body: '{}' });

    const log = await app.request('/api/audit', bearer(tokens.admin));
    expect(log.status).toBe(200);
    const lines = (await log.json()).items as { actor: string; action: string; target: string; detail: { status: number } }[];
    expect(lines).toContainEqual(expect.objectContaining({ actor: 'token:analyst-script', action: 'api.export', target: 'GET /api/scorecards?format=csv' }));
    expect(lines).toContainEqual(expect.objectContaining({ actor: 'analyst@example.com', action: 'api.write-rules', target: 'POST /api/rules' }));
    expect(lines).toContainEqual(expect.objectContaining({ actor: 'token:viewer-script', action: 'api.read-customer', target: 'GET /api/customers/nobody/history' }));
    expect(lines).toContainEqual(expect.objectContaining({ actor: 'analyst@example.com', action: 'session.login' }));
    // A refused request is not a change: the viewer's refused export left no line.
    expect(lines.filter((l) => l.actor === 'token:viewer-script' && l.action === 'api.export')).toEqual([]);

    const csv = await app.request('/api/audit?format=csv', bearer(tokens.admin));
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toBe('at,actor,action,target,detail');
    expect(text).toContain('token:analyst-script,api.export,GET /api/scorecards?format=csv');
    expect((await app.request('/api/audit', bearer(tokens.analyst))).status).toBe(403);
  });
});
