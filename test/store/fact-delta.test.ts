import { expect, it } from 'vitest';
import { dialectSuite } from './dialects.ts';
import { analysis, conversation, conversations } from './fixtures.ts';

dialectSuite('fact delta', ({ open }) => {
  it('reads new rows by id and rewritten analyses and customers by the data version that stamped them', async () => {
    const store = await open();
    const source = await store.ensureSource('w', 'csv', 'csv');
    const first = await store.writeConversations('w', source, conversations(0, 6));
    const v1 = (await store.changeMarkers('w')).dataVersion;
    const all = await store.factDelta('w', { version: v1, messageId: 0, surveyId: 0 });
    expect(all.messages.map((m) => m.messageId)).toEqual((await store.messageFacts('w')).map((m) => m.messageId).sort((a, b) => Number(a) - Number(b)));
    expect(all.surveys.map((s) => s.fact)).toEqual(await store.surveyFacts('w'));
    expect(all.counts).toEqual({ messages: 18, surveys: 3 });
    expect(all.customers).toEqual([]);
    const since = { version: v1, messageId: all.upTo.messages, surveyId: all.upTo.surveys };

    await store.saveAnalyses('w', 'v1', first.newMessageIds.slice(0, 2).map((messageId) => ({ messageId, analysis: analysis({ theme: 'billing' }) })));
    const v2 = (await store.changeMarkers('w')).dataVersion;
    expect(v2).toBeGreaterThan(v1);
    const analysed = await store.factDelta('w', since);
    expect(analysed.messages.map((m) => [m.messageId, m.analysis?.themes[0].label])).toEqual(first.newMessageIds.slice(0, 2).map((id) => [id, 'billing']));
    expect(analysed.surveys).toEqual([]);
    expect(analysed.upTo).toEqual(all.upTo);
    expect(await store.factDelta('w', { ...since, version: v2 })).toMatchObject({ messages: [], surveys: [], customers: [] });

    // cust-0 had a segment and value; a new customer gets them only from a later conversation.
    await store.writeConversations('w', source, [conversation(10, { naturalKey: 'bare', customer: { externalId: 'cust-x' } })]);
    const bare = await store.factDelta('w', { ...since, version: v2 });
    expect(bare.messages).toHaveLength(3);
    expect(bare.surveys).toHaveLength(1);
    expect(bare.customers).toEqual([expect.objectContaining({ customerRef: 'cust-x', segment: null, customerValue: null })]);
    const v3 = (await store.changeMarkers('w')).dataVersion;
    await store.writeConversations('w', source, [conversation(11, { naturalKey: 'filled', customer: { externalId: 'cust-x', name: 'X', segment: 'VIP', value: 12 } })]);
    const filled = await store.factDelta('w', { version: v3, messageId: bare.upTo.messages, surveyId: bare.upTo.surveys });
    expect(filled.customers).toEqual([{ customerId: bare.customers[0].customerId, customerRef: 'cust-x', customerName: 'X', segment: 'VIP', customerValue: 12 }]);
    expect(filled.counts).toEqual({ messages: 24, surveys: 4 });
    expect((await store.changeMarkers('w')).removedVersion).toBe(0);
  });

  it('makes a first load\'s facts in time order, whatever order the ids follow', async () => {
    const store = await open();
    const source = await store.ensureSource('w', 'csv', 'csv');
    // The later conversations first: their messages get the lower ids.
    await store.writeConversations('w', source, conversations(3, 6));
    await store.writeConversations('w', source, conversations(0, 3));
    const v = (await store.changeMarkers('w')).dataVersion;
    const all = await store.factDelta('w', { version: v, messageId: 0, surveyId: 0 });
    const order = (m: { at: Date; messageId: string }) => [m.at.getTime(), Number(m.messageId)];
    const sorted = all.messages.slice().sort((a, b) => a.at.getTime() - b.at.getTime() || Number(a.messageId) - Number(b.messageId));
    expect(all.messages.map(order)).toEqual(sorted.map(order));
    expect(all.messages.map(order)).not.toEqual(all.messages.slice().sort((a, b) => Number(a.messageId) - Number(b.messageId)).map(order));
    expect(all.upTo.messages).toBe(Math.max(...all.messages.map((m) => Number(m.messageId))));
  });

  it('marks the data version of a deletion, and only of a deletion', async () => {
    const store = await open();
    const source = await store.ensureSource('w', 'csv', 'csv');
    await store.writeConversations('w', source, conversations(0, 4));
    const ws = await store.ensureWorkspace('w');
    await store.updateWorkspaceSettings('w', { ...ws.settings, language: 'en' });
    expect((await store.changeMarkers('w')).removedVersion).toBe(0);
    await store.eraseCustomer('w', 'cust-1');
    const erased = await store.changeMarkers('w');
    expect(erased.removedVersion).toBe(erased.dataVersion);
    await store.writeConversations('w', source, conversations(4, 5));
    const after = await store.changeMarkers('w');
    expect(after).toEqual({ dataVersion: erased.dataVersion + 1, removedVersion: erased.dataVersion });
    expect(await store.changeMarkers('nobody')).toEqual({ dataVersion: 0, removedVersion: 0 });
  });
});
