import { expect, it } from 'vitest';
import { dialectSuite } from './dialects.ts';
import { T0, analysis, conversations } from './fixtures.ts';

dialectSuite('facts', ({ open }) => {
  it('returns denormalized message facts oldest first, with analyses when present', async () => {
    const store = await open();
    const source = await store.ensureSource('w', 'csv', 'csv');
    const { newMessageIds } = await store.writeConversations('w', source, conversations(0, 4));
    await store.saveAnalyses('w', 'v1', [{ messageId: newMessageIds[0], analysis: analysis({ theme: 'delay' }) }]);
    const facts = await store.messageFacts('w');
    expect(facts).toHaveLength(12);
    expect(facts[0]).toEqual({
      messageId: newMessageIds[0],
      conversationId: expect.any(String),
      customerId: expect.any(String),
      customerRef: 'cust-0',
      customerName: 'Client 0',
      segment: 'grand compte',
      customerValue: 0,
      channel: 'chat',
      brand: null,
      team: 'Paris',
      agent: 'Alice',
      role: 'customer',
      at: new Date(T0),
      language: 'fr',
      text: "Mon colis n°0 est en retard, c'est inadmissible",
      analysis: analysis({ theme: 'delay' }),
    });
    expect(facts[1]).toMatchObject({ role: 'agent', analysis: null, text: 'Nous regardons tout de suite.' });
    for (let i = 1; i < facts.length; i++) expect(facts[i].at.getTime()).toBeGreaterThanOrEqual(facts[i - 1].at.getTime());
  });

  it('iterates facts in keyset pages that add up to messageFacts', async () => {
    const store = await open();
    const source = await store.ensureSource('w', 'csv', 'csv');
    await store.writeConversations('w', source, conversations(0, 25));
    const pages: number[] = [];
    const ids: string[] = [];
    for await (const page of store.iterateMessageFacts('w', { customerOnly: true }, 7)) {
      pages.push(page.length);
      ids.push(...page.map((f) => f.messageId));
    }
    expect(pages).toEqual([7, 7, 7, 7, 7, 7, 7, 1]);
    expect(ids).toEqual((await store.messageFacts('w', { customerOnly: true })).map((f) => f.messageId));
  });

  it('returns survey facts with their conversation context, filtered', async () => {
    const store = await open();
    const source = await store.ensureSource('w', 'csv', 'csv');
    await store.writeConversations('w', source, conversations(0, 8));
    const all = await store.surveyFacts('w');
    expect(all.map((s) => s.score)).toEqual([0, 2, 4, 6]);
    expect(all[0]).toEqual({
      conversationId: expect.any(String),
      customerId: expect.any(String),
      customerRef: 'cust-0',
      kind: 'nps',
      score: 0,
      at: new Date(T0 + 3 * 60_000),
      channel: 'chat',
      brand: null,
      team: 'Paris',
      agent: 'Alice',
      segment: 'grand compte',
    });
    expect((await store.surveyFacts('w', { segment: 'PME' })).map((s) => s.score)).toEqual([2, 6]);
    expect((await store.surveyFacts('w', { channel: 'chat' })).map((s) => s.score)).toEqual([0, 6]);
    expect((await store.surveyFacts('w', { from: new Date(T0 + 30 * 60_000) })).map((s) => s.score)).toEqual([4, 6]);
    expect(await store.surveyFacts('other')).toEqual([]);
  });
});
