/**
 * Customers are named outside the store by a random public id, never by the sequential key: facts,
 * survey facts, cases, alerts and the history lookup use it; a number or another workspace's id finds
 * nothing; erasure accepts it; migration 013 gives existing customers one and rewrites the cases, alerts
 * and deliveries that stored the old key. Both dialects, real databases.
 */
import { expect, it } from 'vitest';
import { CUSTOMER_PUBLIC_ID, newCustomerPublicId } from '../../src/store/customer-public-ids.ts';
import { KyselyStore } from '../../src/store/kysely-store.ts';
import type { Store } from '../../src/store/store.ts';
import { dialectSuite } from './dialects.ts';
import { analysis, conversations, T0 } from './fixtures.ts';
import { adapterFor, migratedBefore } from './target-access.ts';


async function seed(store: Store, workspaceId: string): Promise<void> {
  const source = await store.ensureSource(workspaceId, 'zendesk', 'csv');
  const written = await store.writeConversations(workspaceId, source, conversations(0, 8));
  await store.saveAnalyses(workspaceId, 'v1', written.newMessageIds.map((messageId) => ({ messageId, analysis: analysis() })));
}

const alertDraft = (id: string, customerId: string | null, extra: Record<string, unknown> = {}) => ({
  alert: {
    id, workspaceId: 'w', kind: 'rule', message: id, payload: { customerId, ...extra }, createdAt: new Date(T0),
    ruleId: null, ruleVersion: null, messageId: null, customerId, dedupeKey: customerId ? `r:customer:${customerId}` : null,
  },
  dedupeWindowMs: 0, deliveries: [], cases: [],
});

it('generates 80-bit base32 ids, all distinct', () => {
  const ids = Array.from({ length: 10_000 }, newCustomerPublicId);
  for (const id of ids.slice(0, 50)) expect(id).toMatch(CUSTOMER_PUBLIC_ID);
  expect(new Set(ids).size).toBe(ids.length);
});

dialectSuite('public customer ids', ({ open, target }) => {
  it('facts, survey facts, cases and alerts name customers by public id; a number or another workspace finds nothing', async () => {
    const store = await open();
    await seed(store, 'w');
    await seed(store, 'other');
    const facts = await store.messageFacts('w');
    const ids = [...new Set(facts.map((f) => f.customerId))];
    expect(ids).toHaveLength(4);
    for (const id of ids) expect(id).toMatch(CUSTOMER_PUBLIC_ID);
    for (const s of await store.surveyFacts('w')) expect(ids).toContain(s.customerId);
    const other = (await store.messageFacts('other')).map((f) => f.customerId!);
    expect(other.some((id) => ids.includes(id))).toBe(false);

    const id = facts.find((f) => f.customerRef === 'cust-1')!.customerId!;
    const history = await store.customerHistory('w', id);
    expect(history.length).toBe(6);
    expect(history.every((f) => f.customerRef === 'cust-1')).toBe(true);
    expect((await store.surveyFacts('w', { customerId: id })).every((s) => s.customerRef === 'cust-1')).toBe(true);
    // The sequential keys 1..20 and another workspace's public id are not customers here.
    for (let n = 1; n <= 20; n++) expect(await store.customerHistory('w', String(n))).toEqual([]);
    expect(await store.customerHistory('w', other[0])).toEqual([]);
    expect(await store.messageFacts('w', { customerId: '1' })).toEqual([]);

    const message = facts.find((f) => f.customerId === id && f.role === 'customer')!;
    const opened = await store.openCase('w', { messageId: message.messageId, title: 'Rappeler', priority: 'high', actor: 'test' });
    expect(opened.customerId).toBe(id);
    expect((await store.getCase('w', opened.id)).history).toHaveLength(6);
    expect((await store.listCases('w', { customerId: id })).map((c) => c.id)).toEqual([opened.id]);
    expect(await store.listCases('w', { customerId: '2' })).toEqual([]);
  });

  it('erases by public id or by the source system\'s id, never by the sequential key; cases and alerts go with it', async () => {
    const store = await open();
    await seed(store, 'w');
    const facts = await store.messageFacts('w');
    const id = facts.find((f) => f.customerRef === 'cust-2')!.customerId!;
    await store.openCase('w', { customerId: id, title: 'Rappeler', priority: 'high', actor: 'test' });
    await store.writeAlerts('w', [alertDraft('a1', id), alertDraft('a2', null)]);

    for (let n = 1; n <= 10; n++) expect(Object.values(await store.eraseCustomer('w', String(n))).every((x) => x === 0)).toBe(true);
    const removed = await store.eraseCustomer('w', id);
    expect(removed).toMatchObject({ conversations: 2, customers: 1, cases: 1, alerts: 1 });
    expect(await store.customerHistory('w', id)).toEqual([]);
    expect((await store.messageFacts('w')).some((f) => f.customerRef === 'cust-2')).toBe(false);
    // The audit names the source system's id (hashed), as when erased by it.
    expect(JSON.stringify(await store.auditLog('w'))).not.toContain(id);

    const byRef = await store.eraseCustomer('w', 'cust-3');
    expect(byRef).toMatchObject({ customers: 1 });
  });

  it('migration 013 gives existing customers a public id and rewrites the cases, alerts and deliveries that held the old key', async () => {
    const t = target();
    const { adapter, db } = await migratedBefore(t, '013');
    // Rows as version 012 wrote them (raw: today's code writes public ids).
    const raw = db as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>;
    for (const ws of ['w', 'other']) {
      await raw.insertInto('workspaces').values({ id: ws, name: ws, settings: '{"language":"fr","desiredEmotions":{}}', data_version: 1, created_at: T0 }).execute();
    }
    const source = await raw.insertInto('sources').values({ workspace_id: 'w', name: 'zendesk', kind: 'csv', created_at: T0 }).returning('id').executeTakeFirstOrThrow();
    const keys: number[] = [];
    for (const [ws, ext] of [['w', 'cust-a'], ['w', 'cust-b'], ['other', 'cust-z']]) {
      const row = await raw.insertInto('customers').values({ workspace_id: ws, external_id: ext, name: ext, created_at: T0 }).returning('id').executeTakeFirstOrThrow();
      keys.push(Number(row.id));
    }
    const conv = await raw.insertInto('conversations').values({
      workspace_id: 'w', source_id: source.id, natural_key: 'k1', channel: 'email', customer_id: keys[0], started_at: T0, created_at: T0,
    }).returning('id').executeTakeFirstOrThrow();
    await raw.insertInto('messages').values({
      workspace_id: 'w', conversation_id: conv.id, seq: 0, role: 'customer', sent_at: T0, text: 'Colis perdu', search_text: 'colis perdu', channel: 'email', customer_id: keys[0],
    }).execute();
    const [a, b, z] = keys.map(String);
    const caseRow = (id: string, ws: string, customer: string | null) => ({
      id, workspace_id: ws, customer_id: customer, title: id, status: 'open', priority: 'high', created_at: T0, updated_at: T0,
    });
    await raw.insertInto('cases').values([caseRow('k-a', 'w', a), caseRow('k-typed', 'w', 'CRM-77'), caseRow('k-z-in-w', 'w', z), caseRow('k-z', 'other', z)]).execute();
    const link = (k: string) => `https://ecoute.example/#/customer/${k}`;
    const alertRow = (id: string, ws: string, customer: string) => ({
      id, workspace_id: ws, kind: 'rule', message: `Churn\n${link(customer)}`, created_at: T0, acknowledged: 0, rule_id: 'r', customer_id: customer,
      dedupe_key: `r:customer:${customer}`, payload: JSON.stringify({ customerId: customer, customer: { id: customer, ref: 'x' }, link: link(customer), other: link(`${customer}0`) }),
    });
    await raw.insertInto('alerts').values([alertRow('al-b', 'w', b), alertRow('al-z', 'other', z)]).execute();
    await raw.insertInto('outbox').values({
      id: 'o1', workspace_id: 'w', alert_id: 'al-b', channel: 'webhook', destination: 'https://hooks.example/x', format: 'json',
      payload: JSON.stringify({ customer: { id: b }, link: link(b) }), idempotency_key: 'i1', status: 'pending', attempts: 0, next_attempt_at: T0, created_at: T0,
    }).execute();
    await adapter.close(db);

    const store = await open(t);
    const check = adapterFor(t);
    const after = await check.createKysely();
    try {
      const customers = await after.selectFrom('customers').select(['id', 'workspace_id', 'public_id']).orderBy('id').execute();
      for (const c of customers) expect(c.public_id).toMatch(CUSTOMER_PUBLIC_ID);
      expect(new Set(customers.map((c) => c.public_id)).size).toBe(3);
      const pid = (key: number) => customers.find((c) => Number(c.id) === key)!.public_id;

      const cases = Object.fromEntries((await after.selectFrom('cases').select(['id', 'customer_id']).execute()).map((r) => [r.id, r.customer_id]));
      // Rewritten within its own workspace only; text that was no customer key of the workspace is kept.
      expect(cases).toEqual({ 'k-a': pid(keys[0]), 'k-typed': 'CRM-77', 'k-z-in-w': z, 'k-z': pid(keys[2]) });

      const [alert] = await store.listAlerts('w');
      expect(alert).toMatchObject({ customerId: pid(keys[1]), dedupeKey: `r:customer:${pid(keys[1])}` });
      expect(alert.payload).toEqual({ customerId: pid(keys[1]), customer: { id: pid(keys[1]), ref: 'x' }, link: link(pid(keys[1])), other: link(`${b}0`) });
      expect(alert.message).toBe(`Churn\n${link(pid(keys[1]))}`);
      const [other] = await store.listAlerts('other');
      expect(other.customerId).toBe(pid(keys[2]));
      const outbox = await after.selectFrom('outbox').select('payload').executeTakeFirstOrThrow();
      expect(JSON.parse(outbox.payload)).toEqual({ customer: { id: pid(keys[1]) }, link: link(pid(keys[1])) });

      // The upgraded store answers by public id, and new customers get one too.
      const history = await store.customerHistory('w', pid(keys[0]));
      expect(history.map((f) => [f.customerId, f.text])).toEqual([[pid(keys[0]), 'Colis perdu']]);
      expect(await store.customerHistory('w', a)).toEqual([]);
      await seed(store, 'w');
      for (const f of await store.messageFacts('w')) expect(f.customerId).toMatch(CUSTOMER_PUBLIC_ID);
    } finally {
      await check.close(after);
    }
  });
});
