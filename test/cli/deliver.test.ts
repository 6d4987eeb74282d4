import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/cli/command.ts';
import { deliverCommand } from '../../src/cli/commands/deliver.ts';
import { parseConfig } from '../../src/core/config.ts';
import { ConfigError, InputError, ModelError, NotFoundError, UsageError } from '../../src/core/errors.ts';
import type { Database } from '../../src/store/db-types.ts';
import { openStore } from '../../src/store/open-store.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../setup/webhook-receiver.ts';
import { insertOutboxRow, openRawDb } from '../store/outbox-rows.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NOW = new Date('2026-03-02T09:00:00Z');
const WS = 'deliver-cli';
const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-deliver-'));
let n = 0;
let url = '';
let raw: Kysely<Database>;
let hook: WebhookReceiver;

beforeAll(async () => {
  hook = await startWebhookReceiver();
});
afterAll(async () => {
  await hook.stop();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  n += 1;
  url = `sqlite:${path.join(dir, `deliver-${n}.db`)}`;
  await (await openStore(url)).close(); // migrated
  raw = await openRawDb({ url });
  hook.requests.length = 0;
  hook.respond = (req) => (req.path.endsWith('/gone') ? { status: 404, body: 'no_service' } : { status: 200 });
});
afterEach(async () => {
  await raw.destroy();
});

function context(env: Record<string, string> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  stdout.on('data', (d) => (out += d));
  const ctx: CommandContext = {
    config: parseConfig({ DATABASE_URL: url, ECOUTE_WORKSPACE: WS, ...env }),
    stdin: new PassThrough(), stdout, stderr, isTTY: false, clock: () => NOW,
    openStore: () => openStore(url, { clock: () => NOW }),
    loadModel: () => Promise.reject(new ModelError('not needed')),
  };
  return { ctx, out: () => out };
}

describe('ecoute deliver', () => {
  it('sends once, printing what was delivered and what failed (exit 1), then has nothing left', async () => {
    await insertOutboxRow(raw, { id: 'ok-1', workspaceId: WS, destination: hook.url, createdAt: NOW });
    await insertOutboxRow(raw, { id: 'gone-1', workspaceId: WS, destination: `${hook.url}/gone`, createdAt: NOW });
    const c = context();
    expect(await deliverCommand.run([], c.ctx)).toBe(1);
    const lines = c.out().trim().split('\n');
    expect(lines[0]).toBe(`delivered ok-1  webhook http://127.0.0.1:${hook.port}/…  (try 1, HTTP 200)`);
    expect(lines[1]).toMatch(/^failed {4}gone-1 {2}webhook http:\/\/127\.0\.0\.1:\d+\/… {2}\(try 1, HTTP 404\): The receiver answered HTTP 404.*ecoute deliver retry gone-1/);
    expect(c.out()).not.toContain('SECRET');
    expect(hook.requests.map((r) => String(r.headers['idempotency-key'])).sort()).toEqual(['rule-1:1:gone-1:0', 'rule-1:1:ok-1:0']);

    const again = context();
    expect(await deliverCommand.run([], again.ctx)).toBe(0);
    expect(again.out()).toBe(`Nothing to deliver in workspace "${WS}".\n`);
  });

  it('lists deliveries with their attempts, filters by status, and retries a failed one', async () => {
    await insertOutboxRow(raw, { id: 'ok-1', workspaceId: WS, destination: hook.url, createdAt: new Date(NOW.getTime() - 1) });
    await insertOutboxRow(raw, { id: 'gone-1', workspaceId: WS, destination: `${hook.url}/gone`, createdAt: NOW });
    await deliverCommand.run([], context().ctx);

    const list = context();
    expect(await deliverCommand.run(['list'], list.ctx)).toBe(0);
    expect(list.out()).toMatch(/^gone-1 {2}failed {2}webhook http:\/\/127\.0\.0\.1:\d+\/… {2}1 try {2}failed {2}key rule-1:1:gone-1:0\n {4}2026-03-02 09:00:00 {2}failed HTTP 404 {2}\d+ ms {2}The receiver answered HTTP 404/);
    expect(list.out()).toMatch(/\nok-1 {2}delivered {2}webhook .* {2}1 try {2}delivered 2026-03-02 09:00:00 {2}key rule-1:1:ok-1:0\n {4}2026-03-02 09:00:00 {2}delivered HTTP 200/);

    const failed = context();
    await deliverCommand.run(['list', '--status', 'failed', '--format', 'json'], failed.ctx);
    const json = JSON.parse(failed.out()) as { id: string; attemptLog: unknown[] }[];
    expect(json.map((d) => d.id)).toEqual(['gone-1']);
    expect(json[0].attemptLog).toHaveLength(1);

    const retry = context();
    expect(await deliverCommand.run(['retry', 'gone-1'], retry.ctx)).toBe(0);
    expect(retry.out()).toMatch(/Delivery gone-1 \(webhook http:\/\/127\.0\.0\.1:\d+\/…\) is pending again/);
    await expect(deliverCommand.run(['retry', 'ok-1'], context().ctx)).rejects.toThrow(InputError);
    await expect(deliverCommand.run(['retry', 'nope'], context().ctx)).rejects.toThrow(NotFoundError);
    const none = context();
    await deliverCommand.run(['list', '--status', 'sending'], none.ctx);
    expect(none.out()).toBe(`No deliveries with status sending in workspace "${WS}".\n`);
  });

  it('takes DELIVERY_MAX_ATTEMPTS and DELIVERY_RATE_LIMIT from the environment, and rejects bad values', async () => {
    hook.respond = () => ({ status: 503 });
    await insertOutboxRow(raw, { id: 'a', workspaceId: WS, destination: hook.url, createdAt: new Date(NOW.getTime() - 1) });
    await insertOutboxRow(raw, { id: 'b', workspaceId: WS, destination: hook.url, createdAt: NOW });
    const c = context({ DELIVERY_MAX_ATTEMPTS: '1', DELIVERY_RATE_LIMIT: '1' });
    expect(await deliverCommand.run([], c.ctx)).toBe(1);
    expect(c.out()).toMatch(/^failed {4}a .*HTTP 503.*Gave up after 1 try;/m);
    expect(c.out()).toMatch(/^deferred {2}b .*Rate limit reached for this destination \(1 per 60 s\)/m);
    expect(hook.requests).toHaveLength(1);
    expect(() => parseConfig({ DELIVERY_RATE_LIMIT: 'lots' })).toThrow(ConfigError);
    expect(() => parseConfig({ DELIVERY_MAX_ATTEMPTS: '0' })).toThrow(/deliveryMaxAttempts/);
  });

  it.each([
    [['frobnicate'], /Unknown action "frobnicate"/],
    [['retry'], /deliver retry takes one delivery id/],
    [['list', 'x'], /deliver list takes no argument/],
    [['--status', 'failed'], /only apply to "deliver list"/],
    [['list', '--status', 'lost'], /--status must be one of pending, sending, delivered, failed, not "lost"/],
    [['list', '--limit', '0'], /--limit must be a number from 1 to 1000/],
    [['list', '--watch'], /--watch and --interval only apply to sending/],
    [['--interval', '3'], /--interval needs --watch/],
  ])('refuses %j with the fix', async (args, message) => {
    await expect(deliverCommand.run(args, context().ctx)).rejects.toThrow(UsageError);
    await expect(deliverCommand.run(args, context().ctx)).rejects.toThrow(message);
  });

  it('--watch keeps sending until interrupted, then exits 0', async () => {
    await insertOutboxRow(raw, { id: 'w-1', workspaceId: WS, destination: hook.url, createdAt: new Date() });
    const child = spawn(process.execPath, ['bin/ecoute.js', 'deliver', '--watch', '--interval', '0.2'], {
      cwd: ROOT, env: { ...process.env, DATABASE_URL: url, ECOUTE_WORKSPACE: WS }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 30_000;
    while (hook.requests.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // A delivery written while it runs is picked up by a later pass.
    await insertOutboxRow(raw, { id: 'w-2', workspaceId: WS, destination: hook.url, createdAt: new Date() });
    while (hook.requests.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGINT');
    expect(await exited, err).toBe(0);
    expect(hook.requests.map((r) => r.headers['idempotency-key'])).toEqual(['rule-1:1:w-1:0', 'rule-1:1:w-2:0']);
    expect(out).toContain(`Sending deliveries of workspace "${WS}" every 0.2 s.`);
    expect(out).toMatch(/^delivered w-1 /m);
    expect(out).toMatch(/^delivered w-2 /m);
  });

  it('`ecoute serve` sends the outbox in the background and stops cleanly', async () => {
    await insertOutboxRow(raw, { id: 's-1', workspaceId: WS, destination: hook.url, createdAt: new Date() });
    const child = spawn(process.execPath, ['bin/ecoute.js', 'serve', '--port', '0'], {
      cwd: ROOT, env: { ...process.env, DATABASE_URL: url, ECOUTE_WORKSPACE: WS, DIGEST_SCHEDULE: 'off' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 30_000;
    while (!/ecoute: delivered s-1 /.test(err) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGINT');
    expect(await exited, err).toBe(0);
    expect(hook.requests.map((r) => r.headers['idempotency-key'])).toEqual(['rule-1:1:s-1:0']);
    expect(err).toMatch(/^ecoute: delivered s-1 {2}webhook http:\/\/127\.0\.0\.1:\d+\/… {2}\(try 1, HTTP 200\)$/m);
  });
});
