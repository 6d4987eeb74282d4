import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/create-app.ts';
import { openApiDocument } from '../../src/server/openapi.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { T0, conversation } from '../store/fixtures.ts';

/**
 * GET /api/messages?q=… as the listening station asks it: customer messages only, through the customer
 * indexes of migration 015 (a real SQLite file; test/store/customer-search.test.ts runs both stores).
 */
const WEB_DIR = path.resolve(import.meta.dirname, '../../web');
const CUSTOMER = ['Le colis est arrivé abîmé', "J'attends l'abonnement promis", 'Un tabac de contrebande', 'Ab* "ab" a"b'];
const AGENT = 'Bonjour, nous regardons votre demande.';

let dir: string;
let store: Store;
let app: Hono;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ecoute-search-'));
  store = await openStore(`sqlite:${path.join(dir, 'search.db')}`);
  await store.ensureWorkspace('w', 'W');
  const source = await store.ensureSource('w', 'csv', 'csv');
  await store.writeConversations('w', source, CUSTOMER.map((text, i) => conversation(i, {
    messages: [
      { role: 'customer', at: new Date(T0 + i * 600_000), text, language: 'fr' },
      { role: 'agent', author: 'Alice', at: new Date(T0 + i * 600_000 + 1000), text: AGENT, language: 'fr' },
    ],
  })));
  app = createApp({ store, workspaceId: 'w', clock: () => new Date(T0 + 86_400_000), webDir: WEB_DIR });
});
afterAll(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function texts(q: string): Promise<string[]> {
  const res = await app.request(`/api/messages?limit=100&q=${encodeURIComponent(q)}`);
  expect(res.status, q).toBe(200);
  const body = (await res.json()) as { items: { text: string }[]; total: number };
  expect(body.total).toBe(body.items.length);
  return body.items.map((m) => m.text).sort();
}

describe('GET /api/messages?q=', () => {
  it('matches the start of a word for a 2-letter term, any substring for longer ones', async () => {
    expect(await texts('ab')).toEqual([CUSTOMER[0], CUSTOMER[1], CUSTOMER[3]].sort());
    expect(await texts('AB')).toEqual([CUSTOMER[0], CUSTOMER[1], CUSTOMER[3]].sort());
    expect(await texts('ta')).toEqual([CUSTOMER[2]]);
    expect(await texts('bac')).toEqual([CUSTOMER[2]]);
    expect(await texts('abo')).toEqual([CUSTOMER[1]]);
  });

  it('searches customer messages: a phrase only agents write finds nothing', async () => {
    expect(await texts('votre demande')).toEqual([]);
  });

  it('takes search syntax characters as text, never as a query language', async () => {
    expect(await texts('ab*')).toEqual([CUSTOMER[3]]);
    expect(await texts('"ab"')).toEqual([CUSTOMER[3]]);
    expect(await texts('a"')).toEqual([CUSTOMER[3]]); // not two letters: a substring
    expect(await texts('*')).toEqual([CUSTOMER[3]]);
  });

  it('says what a 2-letter term matches in the OpenAPI description', () => {
    const doc = openApiDocument as unknown as { paths: Record<string, { get: { parameters: { name: string; description?: string }[] } }> };
    const q = doc.paths['/api/messages'].get.parameters.find((p) => p.name === 'q');
    expect(q?.description).toMatch(/2-letter term .* start of a word/);
  });
});
