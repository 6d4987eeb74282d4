import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../src/cli/commands/serve.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-accounts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { ...process.env, DATABASE_URL: `sqlite:${path.join(dir, 'accounts.db')}`, ECOUTE_WORKSPACE: 'acc', DIGEST_SCHEDULE: 'off' };
const cli = (args: string[], input?: string, extra: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['bin/ecoute.js', ...args], { cwd: ROOT, encoding: 'utf8', input, env: { ...env, ...extra } });

/** `ecoute serve` as a real process: its exit, or its URL once it listens. */
function serve(host: string) {
  const child = spawn(process.execPath, ['bin/ecoute.js', 'serve', '--port', '0', '--host', host], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const port = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      stdout += d;
      const m = /listening on http:\/\/\S+:(\d+) /.exec(stdout);
      if (m) resolve(m[1]);
    });
    exited.then((code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  port.catch(() => undefined);
  return { child, port, exited, output: () => ({ stdout, stderr }) };
}

describe('ecoute user, ecoute token and serve with accounts', () => {
  it('tells loopback addresses from the others', () => {
    for (const h of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.1.2.3']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.10', 'ecoute.example.com']) expect(isLoopbackHost(h), h).toBe(false);
  });

  it('refuses to serve beyond this machine with no user, and says how to add one; on loopback says it is open', async () => {
    const open = serve('0.0.0.0');
    expect(await open.exited).toBe(1);
    expect(open.output().stderr).toMatch(/Refusing to serve on 0\.0\.0\.0: no user is defined.*ecoute user add you@example\.com --role admin/);
    const local = serve('127.0.0.1');
    await local.port;
    expect(local.output().stdout).toMatch(/open to anyone on this machine/);
    local.child.kill('SIGINT');
    expect(await local.exited).toBe(0);
  });

  it('adds, lists and removes users; refuses a short password or a missing role with the fix', () => {
    const short = cli(['user', 'add', 'ada@example.com', '--role', 'admin', '--password-stdin'], 'too short\n');
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/9 characters: it needs at least 12/);
    expect(cli(['user', 'add', 'ada@example.com', '--password-stdin'], 'x').stderr).toMatch(/needs --role, one of admin, analyst, agent, viewer/);
    expect(cli(['user', 'add', 'ada@example.com', '--role', 'boss']).status).toBe(2);
    const noTty = cli(['user', 'add', 'ada@example.com', '--role', 'admin'], '');
    expect(noTty.stderr).toMatch(/--password-stdin/);

    const add = cli(['user', 'add', 'Ada@Example.com', '--role', 'admin', '--name', 'Ada', '--password-stdin'], 'correct horse battery staple\n');
    expect(add.status, add.stderr).toBe(0);
    expect(add.stdout).toMatch(/Added ada@example\.com as admin in workspace "acc"/);
    expect(cli(['user', 'add', 'bob@example.com', '--role', 'viewer', '--password-stdin'], 'another long passphrase').status).toBe(0);
    expect(cli(['user', 'add', 'bob@example.com', '--role', 'agent']).stdout).toMatch(/bob@example\.com is now agent .*password unchanged/);
    const list = cli(['user', 'list', '--format', 'json']);
    expect((JSON.parse(list.stdout) as { email: string; role: string }[]).map((u) => [u.email, u.role])).toEqual([['ada@example.com', 'admin'], ['bob@example.com', 'agent']]);
    expect(list.stdout).not.toMatch(/scrypt|password/i);
    expect(cli(['user', 'remove', 'bob@example.com']).stdout).toMatch(/Removed bob@example\.com/);
    expect(cli(['user', 'remove', 'bob@example.com']).stderr).toMatch(/not found.*ecoute user list/);
  });

  it('creates a token shown once, lists it without the secret, and revokes it', () => {
    const created = cli(['token', 'create', 'nightly', '--role', 'analyst']);
    expect(created.status, created.stderr).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^ec_[\w-]{43}$/);
    expect(created.stderr).toMatch(/not shown again/);
    const list = cli(['token', 'list']);
    expect(list.stdout).toMatch(/nightly\s+analyst .*active/);
    expect(list.stdout).not.toContain(token.slice(3));
    expect(cli(['token', 'revoke', 'nightly']).stdout).toMatch(/Revoked token \d+ "nightly"/);
    expect(cli(['token', 'list']).stdout).toMatch(/revoked/);
    expect(cli(['token', 'revoke', 'nightly']).stderr).toMatch(/ecoute token list/);
  });

  it('serves beyond loopback once a user exists: 401 without a log-in, in with a token or a session', async () => {
    const token = cli(['token', 'create', 'reader', '--role', 'viewer']).stdout.trim();
    const run = serve('0.0.0.0');
    const base = `http://127.0.0.1:${await run.port}`;
    try {
      expect((await fetch(`${base}/api/health`)).status).toBe(200);
      expect((await fetch(`${base}/api/overview`)).status).toBe(401);
      expect((await fetch(`${base}/api/overview`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      const login = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ada@example.com', password: 'correct horse battery staple' }) });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!;
      // Plain HTTP from this machine: no Secure flag, or the browser would drop the cookie.
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).not.toMatch(/Secure/);
      const session = await fetch(`${base}/api/session`, { headers: { cookie: cookie.split(';')[0] } });
      expect(await session.json()).toMatchObject({ role: 'admin', user: { email: 'ada@example.com' } });
    } finally {
      run.child.kill('SIGINT');
      await run.exited;
    }
  });
});
