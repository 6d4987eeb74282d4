import { expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.ts';
import type { FactFilter, MessageFact } from '../../src/core/facts.ts';
import type { Store } from '../../src/store/store.ts';
import { dialectSuite } from './dialects.ts';
import { analysis, conversation, conversations } from './fixtures.ts';

/** Walks every page of a filter and returns all items, checking page sizes on the way. */
async function walk(store: Store, filter: FactFilter, limit: number): Promise<MessageFact[]> {
  const all: MessageFact[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await store.listMessages('w', filter, limit, cursor);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    all.push(...page.items);
    if (!page.next) break;
    expect(page.items.length).toBe(limit);
    cursor = page.next;
  }
  return all;
}

function newestFirst(facts: MessageFact[]): MessageFact[] {
  return [...facts].sort((a, b) => b.at.getTime() - a.at.getTime() || Number(b.messageId) - Number(a.messageId));
}

dialectSuite('listening station', ({ open }) => {
  async function seeded() {
    const store = await open();
    const source = await store.ensureSource('w', 'csv', 'csv');
    const batch = conversations(0, 30);
    // Two messages at the very same instant exercise the id tie-break of the cursor.
    batch.push(conversation(100, { startedAt: batch[5].startedAt, messages: [{ ...batch[5].messages[0], text: 'Même instant, autre client' }], brand: 'Concurrent' }));
    const { newMessageIds } = await store.writeConversations('w', source, batch);
    const themes = ['delay', 'billing', 'technical'];
    await store.saveAnalyses('w', 'm1', newMessageIds.map((id, k) => ({
      messageId: id,
      analysis: analysis({ theme: themes[k % 3], emotion: k % 2 ? 'anger' : 'joy', extraEmotion: k % 5 === 0 ? 'anxiety' : undefined, stage: k % 4 === 0 ? 'billing' : 'delivery', need: k % 3 === 1 ? 'fairness' : 'speed' }),
    })));
    return store;
  }

  it('pages the whole stream newest first without gaps or repeats', async () => {
    const store = await seeded();
    const all = await store.messageFacts('w');
    const paged = await walk(store, {}, 7);
    expect(paged.map((f) => f.messageId)).toEqual(newestFirst(all).map((f) => f.messageId));
    const first = await store.listMessages('w', {}, 7);
    expect(first.total).toBe(all.length);
    expect(first.totalCapped).toBe(false);
  });

  it('applies every filter the same way as messageFacts does', async () => {
    const store = await seeded();
    const customerId = (await store.messageFacts('w'))[0].customerId!;
    const filters: FactFilter[] = [
      { channel: 'chat' }, { customerOnly: true }, { team: 'Paris' }, { brand: 'Concurrent' }, { segment: 'grand compte' },
      { language: 'fr' }, { stage: 'billing' }, { theme: 'billing' }, { emotion: 'anxiety' }, { need: 'fairness' },
      { q: 'INADMISSIBLE' }, { q: 'n°1' }, { q: '100%' }, { q: 'REPONSE 2' }, { q: 'é' }, { q: 'n°' }, { customerId },
      { from: new Date(Date.UTC(2026, 0, 5, 11)), to: new Date(Date.UTC(2026, 0, 5, 13)) },
      { channel: 'email', theme: 'delay', customerOnly: true, team: 'Lyon' },
      { stage: 'billing', theme: 'billing', emotion: 'anger' }, { brand: 'Concurrent', emotion: 'joy', customerOnly: true },
      { channel: 'chat', customerOnly: true, q: 'retard' }, { theme: 'technical', q: 'colis n°2' },
    ];
    for (const filter of filters) {
      const expected = newestFirst(await store.messageFacts('w', filter));
      const paged = await walk(store, filter, 4);
      expect(paged.map((f) => f.messageId), JSON.stringify(filter)).toEqual(expected.map((f) => f.messageId));
      expect((await store.listMessages('w', filter, 4)).total, JSON.stringify(filter)).toBe(expected.length);
    }
  });

  it('filters select what they name', async () => {
    const store = await seeded();
    const anxious = await store.messageFacts('w', { emotion: 'anxiety' });
    expect(anxious.length).toBeGreaterThan(0);
    for (const f of anxious) expect(f.analysis!.emotions.map((e) => e.label)).toContain('anxiety');
    const chats = await store.messageFacts('w', { channel: 'chat', customerOnly: true });
    expect(chats.length).toBeGreaterThan(0);
    for (const f of chats) expect([f.channel, f.role]).toEqual(['chat', 'customer']);
    const q = await store.messageFacts('w', { q: 'inadmissible' });
    expect(q.length).toBe(30);
    // Case- and accent-insensitive, through the text index (3+ characters) or a scan (shorter).
    const accents = await store.messageFacts('w', { q: 'REPONSE 2' });
    expect(accents.map((f) => f.text).sort()).toEqual(['Merci pour la réponse 2', 'Merci pour la réponse 20', 'Merci pour la réponse 21', 'Merci pour la réponse 22', 'Merci pour la réponse 23', 'Merci pour la réponse 24', 'Merci pour la réponse 25', 'Merci pour la réponse 26', 'Merci pour la réponse 27', 'Merci pour la réponse 28', 'Merci pour la réponse 29']);
    expect((await store.messageFacts('w', { q: 'meme' })).map((f) => f.text)).toEqual(['Même instant, autre client']);
    expect((await store.messageFacts('w', { q: 'MÊME' })).map((f) => f.text)).toEqual(['Même instant, autre client']);
    expect((await store.messageFacts('w', { q: 'N°' })).length).toBe(30);
    expect(await store.messageFacts('w', { q: '100%' })).toEqual([]);
    const rival = await store.messageFacts('w', { brand: 'Concurrent' });
    expect(rival.map((f) => f.text)).toEqual(['Même instant, autre client']);
  });

  it('rejects a forged cursor with a UsageError', async () => {
    const store = await seeded();
    await expect(store.listMessages('w', {}, 5, 'bm90LWEtY3Vyc29y')).rejects.toBeInstanceOf(UsageError);
  });

  it('returns a customer history across conversations, oldest first, all roles', async () => {
    const store = await seeded();
    const facts = await store.messageFacts('w');
    const customerId = facts.find((f) => f.customerRef === 'cust-1')!.customerId!;
    const history = await store.customerHistory('w', customerId);
    const expected = facts.filter((f) => f.customerId === customerId);
    expect(history.map((f) => f.messageId)).toEqual(expected.map((f) => f.messageId));
    expect(new Set(history.map((f) => f.conversationId)).size).toBeGreaterThan(1);
    expect(history.some((f) => f.role === 'agent')).toBe(true);
    for (let i = 1; i < history.length; i++) expect(history[i].at.getTime()).toBeGreaterThanOrEqual(history[i - 1].at.getTime());
    expect(await store.customerHistory('w', '999999')).toEqual([]);
    expect(await store.customerHistory('other', customerId)).toEqual([]);
  });
});
