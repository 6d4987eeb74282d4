import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryTransport } from '../../src/runtime/act/delivery-transport.ts';
import { deliverOutbox } from '../../src/runtime/act/deliver-outbox.ts';
import { createApp } from '../../src/server/create-app.ts';
import type { Database } from '../../src/store/db-types.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../setup/webhook-receiver.ts';
import { insertOutboxRow, openRawDb } from '../store/outbox-rows.ts';

const WS = 'deliveries-api';
const NOW = new Date('2026-03-02T09:00:00Z');
const WEB_DIR = path.resolve(import.meta.dirname, '../../web');
const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-deliveries-api-'));
const url = `sqlite:${path.join(dir, 'api.db')}`;

let store: Store;
let raw: Kysely<Database>;
let hook: WebhookReceiver;
let app: Hono;

beforeAll(async () => {
  store = await openStore(url, { clock: () => NOW });
  raw = await openRawDb({ url });
  hook = await startWebhookReceiver();
  hook.respond = (req) => (req.path.endsWith('/gone') ? { status: 410 } : { status: 200 });
  await insertOutboxRow(raw, { id: 'ok', workspaceId: WS, destination: hook.url, createdAt: new Date(NOW.getTime() - 2) });
  await insertOutboxRow(raw, { id: 'gone', workspaceId: WS, destination: `${hook.url}/gone`, createdAt: new Date(NOW.getTime() - 1) });
  await insertOutboxRow(raw, { id: 'other-ws', workspaceId: 'elsewhere', destination: hook.url, createdAt: NOW });
  const transport = createDeliveryTransport({ mailFrom: 'ecoute@example.test' });
  await deliverOutbox(store, transport, () => NOW, { workspaceId: WS });
  transport.close();
  app = createApp({ store, workspaceId: WS, clock: () => NOW, webDir: WEB_DIR });
});
afterAll(async () => {
  await hook.stop();
  await raw.destroy();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(method: string, target: string): Promise<{ status: number; body: any }> {
  const res = await app.request(target, { method });
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  return { status: res.status, body: await res.json() };
}

describe('delivery routes', () => {
  it('GET /api/deliveries lists the workspace deliveries newest first, with attempts, without webhook secrets', async () => {
    const { status, body } = await call('GET', '/api/deliveries');
    expect(status).toBe(200);
    expect(body.deliveries.map((d: { id: string; status: string }) => [d.id, d.status])).toEqual([['gone', 'failed'], ['ok', 'delivered']]);
    expect(body.deliveries[0]).toMatchObject({
      channel: 'webhook', destination: `http://127.0.0.1:${hook.port}/…`, idempotencyKey: 'rule-1:1:gone:0', attempts: 1,
      lastError: expect.stringMatching(/HTTP 410.*no webhook at this URL/),
      attemptLog: [{ outcome: 'failed', httpStatus: 410, at: NOW.toISOString() }],
    });
    expect(body.deliveries[1].attemptLog).toMatchObject([{ outcome: 'delivered', httpStatus: 200 }]);
    expect(JSON.stringify(body)).not.toContain('SECRET');
  });

  it('filters by status and limits the count', async () => {
    expect((await call('GET', '/api/deliveries?status=failed')).body.deliveries.map((d: { id: string }) => d.id)).toEqual(['gone']);
    expect((await call('GET', '/api/deliveries?limit=1')).body.deliveries).toHaveLength(1);
  });

  it.each([
    ['/api/deliveries?status=lost', /"status" has unknown value "lost".*pending, sending, delivered, failed/],
    ['/api/deliveries?limit=0', /"limit" must be a whole number from 1 to 1000/],
    ['/api/deliveries?state=failed', /Unknown query parameter "state".*status, limit/],
  ])('GET %s is a 400 naming the fix', async (target, message) => {
    const { status, body } = await call('GET', target);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'usage', message: expect.stringMatching(message) });
  });

  it('POST /api/deliveries/:id/retry puts a failed delivery back to pending, and refuses the rest', async () => {
    const retried = await call('POST', '/api/deliveries/gone/retry');
    expect(retried.status).toBe(200);
    expect(retried.body.delivery).toMatchObject({ id: 'gone', status: 'pending', attempts: 0, nextAttemptAt: NOW.toISOString() });
    const again = await call('POST', '/api/deliveries/gone/retry');
    expect(again.status).toBe(422);
    expect(again.body.error.message).toMatch(/is pending, not failed: only a failed delivery can be sent again/);
    const missing = await call('POST', '/api/deliveries/other-ws/retry');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/Delivery "other-ws" was not found.*GET \/api\/deliveries/);
  });
});
