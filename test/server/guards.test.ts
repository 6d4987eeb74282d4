import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/create-app.ts';
import type { Store } from '../../src/store/store.ts';
import { NOW, seedStore, WORKSPACE, type SeededStore } from './fixtures.ts';

const WEB_DIR = path.resolve(import.meta.dirname, '../../web');
let seeded: SeededStore;

beforeAll(async () => { seeded = await seedStore(); });
afterAll(async () => { await seeded?.cleanup(); });

const appWith = (limits?: { maxBodyBytes: number; requestsPerMinute: number }, store: Store = seeded.store) =>
  createApp({ store, workspaceId: WORKSPACE, clock: () => NOW, webDir: WEB_DIR, limits });

describe('HTTP guards', () => {
  it('sends security headers on every answer, and no-store on the API', async () => {
    const app = appWith();
    for (const url of ['/api/health', '/', '/app/main.js']) {
      const res = await app.request(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect((await app.request('/api/health')).headers.get('cache-control')).toBe('no-store');
    expect((await app.request('/')).headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('refuses a body over the limit with 413, by declared length or while reading', async () => {
    const app = appWith({ maxBodyBytes: 1000, requestsPerMinute: 0 });
    const big = JSON.stringify({ customer: 'x'.repeat(2000), reply: 'ok' });
    const declared = await app.request('/api/coach', { method: 'POST', body: big, headers: { 'content-type': 'application/json', 'content-length': String(big.length) } });
    expect(declared.status).toBe(413);
    const body = await declared.json();
    expect(body.error.code).toBe('payload_too_large');
    expect(body.error.message).toMatch(/over the limit of 1000 bytes.*smaller batches.*ECOUTE_MAX_BODY_MB/);
    const streamed = await app.request('/api/coach', {
      method: 'POST', headers: { 'content-type': 'application/json' }, duplex: 'half',
      body: new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(big)); c.close(); } }),
    } as RequestInit);
    expect(streamed.status).toBe(413);
    // Under the limit, the route answers as usual (the coach says what is wrong with this body).
    const small = await app.request('/api/coach', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(small.status).not.toBe(413);
  });

  it('limits requests per client per minute with 429 and Retry-After', async () => {
    const app = appWith({ maxBodyBytes: 1e6, requestsPerMinute: 5 });
    for (let i = 0; i < 5; i++) expect((await app.request('/api/health')).status).toBe(200);
    const refused = await app.request('/api/health');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).error.message).toMatch(/more than 5 a minute.*ECOUTE_RATE_LIMIT/);
    // The dashboard's files are not counted.
    expect((await app.request('/')).status).toBe(200);
  });

  it('answers an unexpected failure with a reference, never the SQL, stack or driver message', async () => {
    const failing = new Proxy(seeded.store, {
      get(target, prop, receiver) {
        if (prop === 'listMessages') return () => Promise.reject(new Error('SQLITE_ERROR: no such column: secret_col in "select secret_col from messages where text like \'%Dupont%\'"'));
        return Reflect.get(target, prop, receiver);
      },
    });
    const res = await appWith(undefined, failing).request('/api/messages');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/select|SQLITE|secret_col|Dupont|at .*\.ts/);
    expect(JSON.parse(text).error).toMatchObject({ code: 'internal', message: expect.stringMatching(/Unexpected server error \(reference [0-9a-f]{8}\)/) });
  });
});
