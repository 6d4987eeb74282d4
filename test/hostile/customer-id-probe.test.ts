/**
 * Found by a probe of the build: customer ids were the table's sequential key, so GET
 * /api/customers/1..500/history returned 500 full histories. Now the API names customers by a random
 * public id: walking numbers over real HTTP on loopback finds nothing (history and erasure), another
 * workspace's id finds nothing, and the ids the API hands out open the history.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/create-app.ts';
import { DEFAULT_LIMITS } from '../../src/server/guards.ts';
import { startServer, type RunningServer } from '../../src/server/http-server.ts';
import type { Store } from '../../src/store/store.ts';
import { analysis, conversations } from '../store/fixtures.ts';
import { hostileDir, sqliteStore } from './helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The public id's shape, written here so this test also runs against builds without it. */
const PUBLIC_ID = /^c_[a-z2-7]{16}$/;
/** Customers per workspace, and how far the probe walks (past every key both workspaces used). */
const CUSTOMERS = 60;
const PROBE_TO = 300;

const dir = hostileDir('customer-ids');
let store: Store;
let server: RunningServer;

async function seed(workspaceId: string): Promise<void> {
  const source = await store.ensureSource(workspaceId, 'crm', 'csv');
  // conversation(i) names customer cust-(i % 4): give each conversation its own customer instead.
  const batch = conversations(0, CUSTOMERS).map((c, i) => ({ ...c, customer: { externalId: `${workspaceId}-cust-${i}`, name: `Client ${i}` } }));
  const written = await store.writeConversations(workspaceId, source, batch);
  await store.saveAnalyses(workspaceId, 'v1', written.newMessageIds.map((messageId) => ({ messageId, analysis: analysis() })));
}

async function customerIdsOf(workspaceId: string): Promise<string[]> {
  return [...new Set((await store.messageFacts(workspaceId)).map((f) => f.customerId!))];
}

beforeAll(async () => {
  store = await sqliteStore(dir);
  await seed('w');
  await seed('other');
  // The probe sends more requests a minute than the per-client rate limit allows: raised so it sees the answers.
  const limits = { ...DEFAULT_LIMITS, requestsPerMinute: 100_000 };
  const app = createApp({ store, workspaceId: 'w', clock: () => new Date(), webDir: path.join(ROOT, 'web'), limits });
  server = await startServer(app, { port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await server?.close();
  await dir.cleanup();
});

describe('customer ids cannot be enumerated', () => {
  it(`GET /api/customers/1..${PROBE_TO}/history returns no history: 404 naming the "c_…" ids`, async () => {
    const found: number[] = [];
    const answers = new Set<string>();
    for (let n = 1; n <= PROBE_TO; n++) {
      const res = await fetch(`${server.url}/api/customers/${n}/history`);
      const body = await res.json() as { error?: { code: string; message: string } };
      if (res.status !== 404) found.push(n);
      else answers.add(`${body.error?.code}: ${body.error?.message.replace(`"${n}"`, '"N"')}`);
    }
    expect(found, `histories served for sequential ids ${found.slice(0, 10).join(', ')}…`).toEqual([]);
    expect([...answers]).toHaveLength(1);
    expect([...answers][0]).toMatch(/^not_found: Customer "N" was not found\. A customer is named by its "c_…" id/);
  });

  it(`DELETE /api/customers/1..${PROBE_TO} erases nothing`, async () => {
    const before = await store.counts('w');
    for (let n = 1; n <= PROBE_TO; n++) {
      const res = await fetch(`${server.url}/api/customers/${n}`, { method: 'DELETE' });
      expect(res.status, `DELETE /api/customers/${n}`).toBe(404);
      expect((await res.json() as { error: { message: string } }).error.message).toMatch(/internal numbers are not accepted/);
    }
    expect(await store.counts('w')).toEqual(before);
  });

  it('the ids the API hands out are public ids that open the history; another workspace\'s do not', async () => {
    const seen = new Set<string | null>();
    for (let cursor = ''; ;) {
      const page = await (await fetch(`${server.url}/api/messages?limit=100${cursor}`)).json() as { items: { customerId: string | null }[]; next: string | null };
      for (const m of page.items) seen.add(m.customerId);
      if (!page.next) break;
      cursor = `&cursor=${encodeURIComponent(page.next)}`;
    }
    const ids = [...seen];
    expect(ids.length).toBe(CUSTOMERS);
    for (const id of ids) expect(id).toMatch(PUBLIC_ID);
    const res = await fetch(`${server.url}/api/customers/${ids[0]}/history`);
    expect(res.status).toBe(200);
    const history = await res.json() as { customer: { id: string }; messages: { customerId: string }[] };
    expect(history.customer.id).toBe(ids[0]);
    expect(history.messages.length).toBeGreaterThan(0);
    expect(history.messages.every((m) => m.customerId === ids[0])).toBe(true);

    for (const other of (await customerIdsOf('other')).slice(0, 10)) {
      expect((await fetch(`${server.url}/api/customers/${other}/history`)).status).toBe(404);
      expect((await fetch(`${server.url}/api/customers/${other}`, { method: 'DELETE' })).status).toBe(404);
    }
    expect((await store.counts('other')).customers).toBe(CUSTOMERS);
  });

  it('cases name customers by public id: the case filter finds them by it, and by no number', async () => {
    const firsts = new Map((await store.messageFacts('w')).filter((f) => f.role === 'customer').reverse().map((f) => [f.customerId, f]));
    const facts = [...firsts.values()].slice(0, 5);
    for (const f of facts) await store.openCase('w', { messageId: f.messageId, title: `Rappeler ${f.customerRef}`, priority: 'high', actor: 'test' });
    const all = await (await fetch(`${server.url}/api/cases`)).json() as { cases: { customerId: string }[] };
    expect(all.cases).toHaveLength(5);
    for (const c of all.cases) expect(c.customerId).toMatch(PUBLIC_ID);
    const one = await (await fetch(`${server.url}/api/cases?customer=${facts[0].customerId}`)).json() as { cases: { customerId: string }[] };
    expect(one.cases.map((c) => c.customerId)).toEqual([facts[0].customerId]);
    for (let n = 1; n <= 60; n++) {
      expect((await (await fetch(`${server.url}/api/cases?customer=${n}`)).json() as { cases: unknown[] }).cases, `?customer=${n}`).toEqual([]);
    }
  });

  it('DELETE /api/customers/<public id> erases that customer', async () => {
    const [id] = await customerIdsOf('w');
    const res = await fetch(`${server.url}/api/customers/${id}`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect((await res.json() as { removed: { customers: number } }).removed.customers).toBe(1);
    expect((await fetch(`${server.url}/api/customers/${id}/history`)).status).toBe(404);
  });
});
