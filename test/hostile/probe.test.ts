/**
 * Found by a probe of the build: DNS rebinding (any Host header served), no warning on
 * `--host 0.0.0.0`, unsalted e-mail pseudonyms, phone numbers stored as customer and ticket ids,
 * and `ingest --help` promising that the server analyses `--no-analyze` imports. Real HTTP on
 * loopback, real `ecoute serve` process, real SQLite files and PostgreSQL.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/config.ts';
import { ConfigError } from '../../src/core/errors.ts';
import { main } from '../../src/main.ts';
import { runImport } from '../../src/runtime/import/run-import.ts';
import { createApp } from '../../src/server/create-app.ts';
import { allowedHostsFor, DEFAULT_LIMITS } from '../../src/server/guards.ts';
import { startServer, type RunningServer } from '../../src/server/http-server.ts';
import { openStore } from '../../src/store/open-store.ts';
import { dialectSuite } from '../store/dialects.ts';
import { captureOutput } from '../ingest/helpers.ts';
import { hostileDir, sqliteStore, writeFile } from './helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = hostileDir('probe');
afterAll(() => dir.cleanup());

/** GET with an explicit Host header (fetch may not set one), over real HTTP. */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/health`, { headers: { host } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => { body += d.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('DNS rebinding: the Host header is checked', () => {
  let server: RunningServer;
  beforeAll(async () => {
    const store = await sqliteStore(dir);
    const allowedHosts = allowedHostsFor('127.0.0.1', 'https://ecoute.example.com', ['ecoute.intra']);
    const app = createApp({ store, workspaceId: 'w', clock: () => new Date(), webDir: path.join(ROOT, 'web'), limits: { ...DEFAULT_LIMITS, allowedHosts } });
    server = await startServer(app, { port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => { await server?.close(); });

  it('refuses a foreign host name with 421 naming ECOUTE_ALLOWED_HOSTS', async () => {
    for (const host of ['evil.example', 'evil.example:4870', 'rebind.127.0.0.1.nip.io']) {
      const r = await getWithHost(server.url, host);
      expect(r.status, host).toBe(421);
      expect(JSON.parse(r.body).error).toMatchObject({ code: 'host_not_allowed', message: expect.stringMatching(/ECOUTE_ALLOWED_HOSTS.*ECOUTE_PUBLIC_URL/) });
    }
  });

  it('answers loopback names, IP addresses, the public URL\'s host and ECOUTE_ALLOWED_HOSTS', async () => {
    const port = new URL(server.url).port;
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, '192.168.1.20:4870', 'ecoute.example.com', 'ECOUTE.intra:4870', 'app.localhost']) {
      expect((await getWithHost(server.url, host)).status, host).toBe(200);
    }
  });

  it('ECOUTE_ALLOWED_HOSTS is read with zod; a bad value is a ConfigError naming it', () => {
    expect(parseConfig({ ECOUTE_ALLOWED_HOSTS: 'a.example, b.example:8080' }).allowedHosts).toEqual(['a.example', 'b.example:8080']);
    expect(parseConfig({}).allowedHosts).toEqual([]);
    expect(() => parseConfig({ ECOUTE_ALLOWED_HOSTS: 'https://a.example/path' })).toThrow(ConfigError);
    expect(() => parseConfig({ ECOUTE_ALLOWED_HOSTS: 'https://a.example/path' })).toThrow(/allowedHosts.*ECOUTE_ALLOWED_HOSTS/);
  });
});

describe('ecoute serve --host 0.0.0.0 with users', () => {
  it('prints a warning naming the risk and what to put in front', async () => {
    const db = path.join(dir.path, 'serve.db');
    const store = await openStore(`sqlite:${db}`);
    await store.addUser('serve-test', { email: 'admin@example.com', passwordHash: 'scrypt$x', role: 'admin' });
    await store.close();
    const child = spawn(process.execPath, ['bin/ecoute.js', 'serve', '--port', '0', '--host', '0.0.0.0'], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DATABASE_URL: `sqlite:${db}`, ECOUTE_WORKSPACE: 'serve-test', DIGEST_SCHEDULE: 'off', ECOUTE_SPIKE_CHECK: 'off' },
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); if (/listening on/.test(stdout)) resolve(); });
      exited.then((code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
    });
    child.kill('SIGINT');
    await exited;
    expect(stderr).toMatch(/Warning: serving on 0\.0\.0\.0, reachable from other machines.*plain HTTP.*TLS proxy.*firewall.*ECOUTE_ALLOWED_HOSTS/s);
  }, 60_000);
});

dialectSuite('customer pseudonyms', ({ open, dialect }) => {
  const address = 'jean.dupont@mail.example';
  const unsalted = `cust-${createHash('sha256').update(address).digest('hex').slice(0, 12)}`;
  const file = (name: string, id: string, customer: string) => writeFile(dir, `${dialect}-${name}.jsonl`, `${JSON.stringify({ id, text: 'Mon colis est perdu', customer_id: customer })}\n`);

  it('are keyed per installation: not the plain SHA-256 of the address, different in another database, stable across imports', async () => {
    const a = await open();
    const b = await open();
    await runImport({ store: a, workspaceId: 'w', files: [file('a1', 't1', address)] });
    await runImport({ store: a, workspaceId: 'w', files: [file('a2', 't2', address.toUpperCase())] });
    await runImport({ store: b, workspaceId: 'w', files: [file('b1', 't1', address)] });
    const refsA = [...new Set((await a.messageFacts('w')).map((f) => f.customerRef))];
    const refsB = [...new Set((await b.messageFacts('w')).map((f) => f.customerRef))];
    expect(refsA).toHaveLength(1);
    expect(refsA[0]).toMatch(/^cust-[0-9a-f]{12}$/);
    expect(refsA[0]).not.toBe(unsalted);
    expect(refsB[0]).not.toBe(refsA[0]);
    expect(await a.pseudonymSecret()).toBe(await a.pseudonymSecret());
  });

  it('a database pseudonymised before keys existed keeps its unsalted pseudonyms (one customer, one id)', async () => {
    const store = await open();
    // As an older version stored it: the customer's id is the unsalted hash.
    const source = await store.ensureSource('w', 'old', 'jsonl');
    await store.writeConversations('w', source, [{
      naturalKey: 'old:t0', externalId: 't0', channel: 'ticket', startedAt: new Date('2026-01-01'), surveys: [],
      customer: { externalId: unsalted }, messages: [{ role: 'customer', at: new Date('2026-01-01'), text: 'avant' }],
    }]);
    expect(await store.pseudonymSecret()).toBe('');
    await runImport({ store, workspaceId: 'w', files: [file('legacy', 't9', address)] });
    expect(new Set((await store.messageFacts('w')).map((f) => f.customerRef))).toEqual(new Set([unsalted]));
  });
});

describe('phone numbers used as ids', () => {
  it('a customer id or ticket id that is a phone number is pseudonymised; the number is nowhere in the database file', async () => {
    const db = path.join(dir.path, 'phones.db');
    const env = { DATABASE_URL: `sqlite:${db}` };
    const f = writeFile(dir, 'phones.jsonl', [
      JSON.stringify({ id: '06 12 34 56 78', text: 'Toujours pas de réseau', customer_id: '+33 6 98 76 54 32' }),
      JSON.stringify({ id: 'T-1001', text: 'Facture fausse', customer_id: '07.11.22.33.44' }),
    ].join('\n') + '\n');
    const { result, output } = await captureOutput(() => main(['ingest', f, '--no-analyze'], env));
    expect(result, output).toBe(0);
    const store = await openStore(`sqlite:${db}`);
    try {
      const facts = await store.messageFacts('default');
      expect(facts).toHaveLength(2);
      for (const fact of facts) expect(fact.customerRef).toMatch(/^cust-[0-9a-f]{12}$/);
      expect(new Set(facts.map((fact) => fact.customerRef)).size).toBe(2);
    } finally {
      await store.close();
    }
    // Erasure by the phone number (written another way) finds the keyed pseudonym.
    const erased = await captureOutput(() => main(['customer', 'erase', '+33 698 765 432'], env));
    expect(erased.result, erased.output).toBe(0);
    expect(erased.output).toMatch(/Erased customer .*1 conversation/);
    const bytes = [db, `${db}-wal`].filter(existsSync).map((p) => readFileSync(p).toString('latin1')).join('');
    for (const phone of ['0612345678', '06 12 34 56 78', '98 76 54 32', '6 98 76', '07.11.22.33.44', '0711223344']) expect(bytes).not.toContain(phone);
  });
});

describe('ingest --help', () => {
  it('does not promise that the server analyses --no-analyze imports', async () => {
    const { output } = await captureOutput(() => main(['ingest', '--help'], {}));
    expect(output).toContain('--no-analyze');
    expect(output).not.toMatch(/analyse later with the next ingest or the server/);
    expect(output).toMatch(/`ecoute serve`\s+does not analyse them/);
  });
});
