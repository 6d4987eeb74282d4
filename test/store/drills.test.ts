import { expect, it } from 'vitest';
import { InputError, NotFoundError } from '../../src/core/errors.ts';
import type { NewDrillAttempt } from '../../src/store/drill-store.ts';
import type { Store } from '../../src/store/store.ts';
import { dialectSuite } from './dialects.ts';
import { analysis, conversation, conversations, T0 } from './fixtures.ts';

const DAY = 24 * 3_600_000;

function attempt(messageId: string, over: Partial<NewDrillAttempt> = {}): NewDrillAttempt {
  return {
    week: '2026-W02', messageId, participant: 'Ana', team: 'Paris', mode: 'drill',
    emotions: ['frustration'], needs: ['speed'], reply: 'Je comprends votre agacement, je relance le transporteur.',
    readingScore: 80, replyScore: 55, ...over,
  };
}

async function importBatch(store: Store, source: string, sha: string, batch: ReturnType<typeof conversations>): Promise<string> {
  const id = await store.beginImport('w', source, { sha256: sha, fileName: `${sha}.csv`, bytes: 100 });
  const written = await store.writeConversations('w', source, batch, id);
  await store.saveAnalyses('w', 'v1', written.newMessageIds.map((messageId) => ({ messageId, analysis: analysis({ emotion: 'anger', need: 'resolution' }) })));
  await store.finishImport('w', id, batch.length, true);
  return id;
}

dialectSuite('drill attempts', ({ open }) => {
  it('stores attempts, lists them by time and mode, and reads the analysed message a drill is built from', async () => {
    const store = await open(undefined, () => new Date(T0 + DAY));
    const source = await store.ensureSource('w', 'zendesk', 'csv');
    await importBatch(store, source, 'aaa', conversations(0, 2));
    const facts = await store.messageFacts('w');
    const customer = facts.find((f) => f.role === 'customer')!;
    const agent = facts.find((f) => f.role === 'agent')!;

    const src = await store.drillSource('w', customer.messageId);
    expect(src).toMatchObject({ messageId: customer.messageId, text: customer.text, language: 'fr', channel: customer.channel });
    expect(src.analysis.emotions[0]).toMatchObject({ label: 'anger', evidence: 'inadmissible' });
    await expect(store.drillSource('w', agent.messageId)).rejects.toThrow(InputError);
    await expect(store.drillSource('w', '987654')).rejects.toThrow(NotFoundError);
    await expect(store.drillSource('w', 'abc')).rejects.toThrow(/GET \/api\/drills\/current/);
    await expect(store.drillSource('other', customer.messageId)).rejects.toThrow(NotFoundError);

    const saved = await store.saveDrillAttempt('w', attempt(customer.messageId));
    expect(saved).toMatchObject({ messageId: customer.messageId, participant: 'Ana', team: 'Paris', mode: 'drill', emotions: ['frustration'], needs: ['speed'], readingScore: 80, replyScore: 55 });
    expect(saved.createdAt.getTime()).toBe(T0 + DAY);
    await store.saveDrillAttempt('w', attempt(customer.messageId, { participant: 'Candidate A', team: null, mode: 'hiring', emotions: [], readingScore: 33.4 }));
    await expect(store.saveDrillAttempt('w', attempt('424242'))).rejects.toThrow(NotFoundError);

    const all = await store.listDrillAttempts('w');
    expect(all.map((a) => [a.participant, a.mode, a.readingScore, a.team])).toEqual([['Ana', 'drill', 80, 'Paris'], ['Candidate A', 'hiring', 33, null]]);
    expect((await store.listDrillAttempts('w', { mode: 'hiring' })).map((a) => a.participant)).toEqual(['Candidate A']);
    expect(await store.listDrillAttempts('w', { since: new Date(T0 + 2 * DAY) })).toEqual([]);
    expect(await store.listDrillAttempts('other')).toEqual([]);
  });

  it('erasing a customer or undoing an import deletes the attempts on their messages', async () => {
    const store = await open();
    const source = await store.ensureSource('w', 'zendesk', 'csv');
    await importBatch(store, source, 'aaa', conversations(0, 4));
    const grown = conversation(1);
    grown.messages = [...grown.messages, { role: 'customer', at: new Date(T0 + DAY), text: 'Toujours rien reçu, je suis inquiète.', language: 'fr' }];
    await importBatch(store, source, 'bbb', [grown]);
    const [, second] = await store.listImports('w');
    const facts = await store.messageFacts('w');
    const appended = facts.find((f) => f.text.startsWith('Toujours'))!;
    const ofCust2 = facts.find((f) => f.customerRef === 'cust-2' && f.role === 'customer')!;
    const ofCust3 = facts.find((f) => f.customerRef === 'cust-3' && f.role === 'customer')!;
    for (const m of [appended, ofCust2, ofCust3]) await store.saveDrillAttempt('w', attempt(m.messageId));

    await store.undoImport('w', second.id); // the appended message goes (deleteMessages)
    expect((await store.listDrillAttempts('w')).map((a) => a.messageId).sort()).toEqual([ofCust2.messageId, ofCust3.messageId].sort());
    await store.eraseCustomer('w', 'cust-2'); // whole conversations go (deleteConversations)
    expect((await store.listDrillAttempts('w')).map((a) => a.messageId)).toEqual([ofCust3.messageId]);
  });
});
