import { expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.ts';
import { dialectSuite } from './dialects.ts';
import { analysis, conversations } from './fixtures.ts';

dialectSuite('analyses', ({ open }) => {
  it('lists pending customer messages oldest first, then those of other model versions', async () => {
    const store = await open();
    const source = await store.ensureSource('w', 'csv', 'csv');
    const { newMessageIds } = await store.writeConversations('w', source, conversations(0, 5));
    const pending = await store.pendingAnalysis('w', 'v1', 100);
    expect(pending.map((p) => p.messageId)).toEqual(newMessageIds);
    expect(pending[0]).toMatchObject({ language: 'fr', text: "Mon colis n°0 est en retard, c'est inadmissible" });
    expect(await store.pendingAnalysis('w', 'v1', 3)).toHaveLength(3);

    await store.saveAnalyses('w', 'v1', newMessageIds.slice(0, 6).map((messageId) => ({ messageId, analysis: analysis() })));
    expect((await store.pendingAnalysis('w', 'v1', 100)).map((p) => p.messageId)).toEqual(newMessageIds.slice(6));
    // A new model version makes everything pending again: never-analysed first.
    const v2 = await store.pendingAnalysis('w', 'v2', 100);
    expect(v2.map((p) => p.messageId)).toEqual([...newMessageIds.slice(6), ...newMessageIds.slice(0, 6)]);
    expect(await store.pendingAnalysis('w', 'v1', 100)).toHaveLength(4);
  });

  it('re-analysis replaces the analysis and its labels', async () => {
    const store = await open();
    const source = await store.ensureSource('w', 'csv', 'csv');
    const { newMessageIds } = await store.writeConversations('w', source, conversations(0, 2));
    const id = newMessageIds[0];
    await store.saveAnalyses('w', 'v1', [{ messageId: id, analysis: analysis({ theme: 'delay', emotion: 'anger', stage: 'delivery' }) }]);
    expect((await store.messageFacts('w', { theme: 'delay' })).map((f) => f.messageId)).toEqual([id]);

    const v2 = analysis({ theme: 'billing', emotion: 'joy', stage: null });
    await store.saveAnalyses('w', 'v2', [{ messageId: id, analysis: v2 }]);
    expect(await store.messageFacts('w', { theme: 'delay' })).toEqual([]);
    expect(await store.messageFacts('w', { emotion: 'anger' })).toEqual([]);
    expect(await store.messageFacts('w', { stage: 'delivery' })).toEqual([]);
    const [fact] = await store.messageFacts('w', { theme: 'billing', emotion: 'joy' });
    expect(fact.messageId).toBe(id);
    expect(fact.analysis).toEqual(v2);
    expect((await store.counts('w')).analysed).toBe(1);
    expect((await store.pendingAnalysis('w', 'v2', 10)).map((p) => p.messageId)).not.toContain(id);
  });

  it('filters on any of several labels of one kind (multi-label)', async () => {
    const store = await open();
    const source = await store.ensureSource('w', 'csv', 'csv');
    const { newMessageIds } = await store.writeConversations('w', source, conversations(0, 3));
    await store.saveAnalyses('w', 'v1', [
      { messageId: newMessageIds[0], analysis: analysis({ emotion: 'anger', extraEmotion: 'anxiety' }) },
      { messageId: newMessageIds[1], analysis: analysis({ emotion: 'anxiety' }) },
      { messageId: newMessageIds[2], analysis: analysis({ emotion: 'joy' }) },
    ]);
    const anxious = await store.messageFacts('w', { emotion: 'anxiety' });
    expect(anxious.map((f) => f.messageId)).toEqual(newMessageIds.slice(0, 2));
    expect((await store.listMessages('w', { emotion: 'anger' }, 10)).items.map((f) => f.messageId)).toEqual([newMessageIds[0]]);
  });

  it('rejects unknown message ids without writing anything', async () => {
    const store = await open();
    const source = await store.ensureSource('w', 'csv', 'csv');
    const { newMessageIds } = await store.writeConversations('w', source, conversations(0, 1));
    await expect(
      store.saveAnalyses('w', 'v1', [{ messageId: newMessageIds[0], analysis: analysis() }, { messageId: '987654', analysis: analysis() }]),
    ).rejects.toBeInstanceOf(InputError);
    await expect(store.saveAnalyses('other', 'v1', [{ messageId: newMessageIds[0], analysis: analysis() }])).rejects.toBeInstanceOf(InputError);
    expect((await store.counts('w')).analysed).toBe(0);
  });
});
