import { expect, it } from 'vitest';
import { NotFoundError } from '../../src/core/errors.ts';
import type { Store } from '../../src/store/store.ts';
import { dialectSuite } from './dialects.ts';
import { analysis, conversation, conversations, T0 } from './fixtures.ts';

const DAY = 24 * 3_600_000;

/** Imports `batch` as one tracked import (as runImport does) and analyses the new customer messages. */
async function importBatch(store: Store, source: string, sha: string, batch: ReturnType<typeof conversations>): Promise<string> {
  const id = await store.beginImport('w', source, { sha256: sha, fileName: `${sha}.csv`, bytes: 100 });
  const written = await store.writeConversations('w', source, batch, id);
  await store.saveAnalyses('w', 'v1', written.newMessageIds.map((messageId) => ({ messageId, analysis: analysis() })));
  await store.finishImport('w', id, batch.length, true);
  return id;
}

dialectSuite('data hygiene', ({ open }) => {
  it('import undo removes exactly what an import added, and keeps what existed before it', async () => {
    const store = await open();
    const source = await store.ensureSource('w', 'zendesk', 'csv');
    const first = await importBatch(store, source, 'aaa', conversations(0, 4));
    const before = await store.counts('w');
    const grown = conversation(2);
    grown.messages = [...grown.messages, { role: 'customer', at: new Date(T0 + DAY), text: 'Toujours rien reçu.', language: 'fr' }];
    const second = await importBatch(store, source, 'bbb', [
      grown, conversation(4), conversation(5, { customer: { externalId: 'new-customer' } }),
    ]);
    const [, listed] = await store.listImports('w');
    expect(listed).toMatchObject({ id: second, fileName: 'bbb.csv', records: 3, recordsAdded: 2, messagesAdded: 7, finished: true });
    const facts = await store.messageFacts('w');
    const c4 = facts.find((f) => f.text.includes('n°4'))!;
    await store.openCase('w', { conversationId: c4.conversationId, customerId: c4.customerId, title: 'Rappeler', priority: 'high', actor: 'test' });
    const version = await store.dataVersion('w');

    const undone = await store.undoImport('w', second);
    expect(undone.removed).toMatchObject({ conversations: 2, messages: 7, analyses: 5, surveyAnswers: 1, customers: 1, cases: 1 });
    expect(await store.counts('w')).toEqual({ ...before, analysed: before.analysed });
    expect((await store.messageFacts('w')).filter((f) => f.conversationId === facts.find((x) => x.text.includes('n°2'))!.conversationId)).toHaveLength(3);
    expect((await store.listImports('w')).map((i) => i.id)).toEqual([first]);
    expect(await store.dataVersion('w')).toBeGreaterThan(version);
    const [audit] = await store.auditLog('w');
    expect(audit).toMatchObject({ action: 'import.undo', actor: 'cli', target: `import:${second}`, detail: { file: 'bbb.csv' } });
    await expect(store.undoImport('w', second)).rejects.toThrow(NotFoundError);
    await expect(store.undoImport('w', '999')).rejects.toThrow(/ecoute import list/);
  });

  it('an import that added nothing is forgotten, a killed one is resumed under the same id', async () => {
    const store = await open();
    const source = await store.ensureSource('w', 'zendesk', 'csv');
    await importBatch(store, source, 'aaa', conversations(0, 2));
    const again = await store.beginImport('w', source, { sha256: 'aaa', fileName: 'aaa.csv', bytes: 100 });
    await store.writeConversations('w', source, conversations(0, 2), again);
    await store.finishImport('w', again, 2, false);
    expect(await store.listImports('w')).toHaveLength(1);
    const killed = await store.beginImport('w', source, { sha256: 'ccc', fileName: 'ccc.csv', bytes: 100 });
    await store.writeConversations('w', source, conversations(2, 3), killed);
    expect(await store.findImport('w', 'ccc')).toBeNull();
    expect(await store.beginImport('w', source, { sha256: 'ccc', fileName: 'ccc.csv', bytes: 100 })).toBe(killed);
  });

  it('customer erase removes the customer everywhere, bumps the data version, audits, and is idempotent', async () => {
    const store = await open();
    const source = await store.ensureSource('w', 'zendesk', 'csv');
    await importBatch(store, source, 'aaa', conversations(0, 8)); // cust-1: conversations 1 and 5
    const target = (await store.messageFacts('w')).find((f) => f.customerRef === 'cust-1')!;
    await store.openCase('w', { customerId: target.customerId, title: 'Rappeler', priority: 'high', actor: 'test' });
    const alert = (id: string, kind: string, customerId: string | null) => ({
      alert: { id, workspaceId: 'w', kind, message: kind, payload: customerId ? { customerId } : {}, createdAt: new Date(T0), ruleId: null, ruleVersion: null, messageId: null, customerId, dedupeKey: null },
      dedupeWindowMs: 0, deliveries: [], cases: [],
    });
    await store.writeAlerts('w', [alert('a-vip', 'vip', target.customerId), alert('a-spike', 'spike', null)]);
    const version = await store.dataVersion('w');

    const removed = await store.eraseCustomer('w', 'cust-1');
    expect(removed).toMatchObject({ conversations: 2, messages: 6, analyses: 4, surveyAnswers: 0, customers: 1, cases: 1, alerts: 1 });
    expect((await store.messageFacts('w')).some((f) => f.customerRef === 'cust-1')).toBe(false);
    expect(await store.customerHistory('w', target.customerId!)).toEqual([]);
    expect(await store.counts('w')).toMatchObject({ conversations: 6, customers: 3 });
    expect(await store.listAlerts('w')).toHaveLength(1);
    expect(await store.dataVersion('w')).toBeGreaterThan(version);

    const again = await store.eraseCustomer('w', 'cust-1');
    expect(Object.values(again).every((n) => n === 0)).toBe(true);
    const audit = await store.auditLog('w');
    expect(audit.map((a) => a.action)).toEqual(['customer.erase', 'customer.erase']);
    expect(audit[1].detail).toMatchObject({ removed: { conversations: 2 } });
    expect(JSON.stringify(audit)).not.toContain('cust-1');
  });

  it('retention deletes conversations whose last message is older than N months; a dry run changes nothing', async () => {
    let now = new Date(T0);
    const store = await open(undefined, () => now);
    const source = await store.ensureSource('w', 'zendesk', 'csv');
    const recent = conversation(9, { naturalKey: 'recent', customer: { externalId: 'cust-1' } });
    recent.messages = [...recent.messages, { role: 'customer', at: new Date(T0 + 200 * DAY), text: 'Des nouvelles ?', language: 'fr' }];
    await importBatch(store, source, 'aaa', [...conversations(0, 4), recent]);
    now = new Date(T0 + 365 * DAY); // 12 months on: a 6-month period keeps only the thread active at day 200
    const dry = await store.applyRetention('w', 6, { dryRun: true });
    expect(dry.removed).toMatchObject({ conversations: 4, messages: 12, surveyAnswers: 2, customers: 3 });
    expect((await store.counts('w')).conversations).toBe(5);
    expect(await store.auditLog('w')).toEqual([]);
    expect((await store.applyRetention('w', 0)).removed.conversations).toBe(0);

    const applied = await store.applyRetention('w', 6, { actor: 'dpo' });
    expect(applied.removed).toEqual(dry.removed);
    expect(await store.counts('w')).toMatchObject({ conversations: 1, messages: 4, customers: 1 });
    expect((await store.auditLog('w'))[0]).toMatchObject({ action: 'retention.apply', actor: 'dpo', detail: { months: 6 } });
    expect((await store.applyRetention('w', 6)).removed.conversations).toBe(0);
  });
});
