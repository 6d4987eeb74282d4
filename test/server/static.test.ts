import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/create-app.ts';
import { NOW, seedStore, WORKSPACE, type SeededStore } from './fixtures.ts';

const WEB_DIR = path.resolve(import.meta.dirname, '../../web');
let seeded: SeededStore;
let app: Hono;
let outside: string;

beforeAll(async () => {
  seeded = await seedStore();
  // A secret next to (not inside) the served directory: traversal must not reach it.
  outside = mkdtempSync(path.join(tmpdir(), 'ecoute-static-'));
  mkdirSync(path.join(outside, 'web'));
  writeFileSync(path.join(outside, 'web', 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(path.join(outside, 'secret.txt'), 'TOP-SECRET');
  app = createApp({ store: seeded.store, workspaceId: WORKSPACE, clock: () => NOW, webDir: path.join(outside, 'web') });
});
afterAll(async () => {
  await seeded?.cleanup();
  rmSync(outside, { recursive: true, force: true });
});

describe('static dashboard files', () => {
  it('serves the real dashboard with correct content types and a strict CSP', async () => {
    const real = createApp({ store: seeded.store, workspaceId: WORKSPACE, clock: () => NOW, webDir: WEB_DIR });
    const index = await real.request('/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await index.text();
    expect(html).toContain('app/main.js');
    // No CDN, no external fonts.
    expect(html).not.toMatch(/https?:\/\//);

    const js = await real.request('/app/main.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const css = await real.request('/app/styles.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).not.toMatch(/@import|url\(https?:/);
    const missing = await real.request('/app/nope.js');
    expect(missing.status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/app/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%252e%252e/secret.txt',
    '/.%2e/secret.txt',
  ])('blocks traversal %s', async (url) => {
    const res = await app.request(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('TOP-SECRET');
  });

  it('never serves dotfiles', async () => {
    writeFileSync(path.join(outside, 'web', '.env'), 'PASSWORD=x');
    const res = await app.request('/.env');
    expect(res.status).toBe(404);
  });
});
