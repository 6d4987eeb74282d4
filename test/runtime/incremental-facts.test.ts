import { expect, it } from 'vitest';
import { EMOTIONS, NEEDS, STAGES, THEMES } from '../../src/core/labels.ts';
import { computeInsights, newInsightsMemo, type InsightsMemo } from '../../src/insights/compute-insights.ts';
import { IncrementalFacts } from '../../src/runtime/insights/incremental-facts.ts';
import { loadInsightsInput } from '../../src/runtime/insights/load-insights-input.ts';
import type { Store } from '../../src/store/store.ts';
import { dialectSuite } from '../store/dialects.ts';
import { adapterFor } from '../store/target-access.ts';
import { T0, analysis, conversation, conversations } from '../store/fixtures.ts';

const DAY = 86_400_000;
const NOW = new Date(T0 + 60 * DAY);

/** A varied analysis for message number `k`, so sections differ when an analysis is rewritten. */
function varied(k: number, model: string) {
  const shift = model === 'v2' ? 5 : 0;
  return analysis({
    theme: THEMES[(k + shift) % THEMES.length],
    emotion: EMOTIONS[(k * 3 + shift) % EMOTIONS.length],
    need: NEEDS[(k + shift) % NEEDS.length],
    stage: STAGES[(k * 2 + shift) % STAGES.length],
  });
}

async function analyse(store: Store, ids: string[], model = 'v1'): Promise<void> {
  await store.saveAnalyses('w', model, ids.map((messageId) => ({ messageId, analysis: varied(Number(messageId), model) })));
}

/** The memo each held set of facts computes with, kept across its refreshes as IncrementalInsights keeps it. */
const memos = new WeakMap<IncrementalFacts, InsightsMemo>();

/**
 * The held facts give exactly the insights (and facts) of a full load, and the refresh was of `kind`;
 * so do they computed with what earlier computations kept (the phrases of texts seen before, the
 * tallies of days whose facts did not change). Returns that memo.
 */
async function expectSame(store: Store, facts: IncrementalFacts, kind: 'full' | 'delta' | 'none'): Promise<InsightsMemo> {
  const held = await facts.input(NOW);
  expect(facts.lastRefresh).toBe(kind);
  const full = await loadInsightsInput(store, 'w', NOW);
  expect(held.messages).toEqual(full.messages);
  expect(held.surveys).toEqual(full.surveys);
  const expected = computeInsights(full);
  expect(computeInsights(held)).toEqual(expected);
  if (!memos.has(facts)) memos.set(facts, newInsightsMemo());
  const memo = memos.get(facts)!;
  expect(computeInsights(held, memo)).toEqual(expected);
  return memo;
}

dialectSuite('incremental facts', ({ open, target }) => {
  it('imports, analyses, re-analyses, customer fill-ins and appends follow as deltas equal to a full load', async () => {
    const store = await open();
    const source = await store.ensureSource('w', 'zendesk', 'csv');
    const facts = new IncrementalFacts(store, 'w');
    const first = await store.writeConversations('w', source, conversations(0, 30));
    await analyse(store, first.newMessageIds.slice(0, 40));
    await expectSame(store, facts, 'full');
    await expectSame(store, facts, 'none');

    // An analysis batch of messages already held, then the rest.
    await analyse(store, first.newMessageIds.slice(40));
    await expectSame(store, facts, 'delta');

    // A new import batch, analysed in two transactions; one of them older than everything held.
    const second = await store.writeConversations('w', source, [
      ...conversations(30, 45),
      conversation(-20, { naturalKey: 'old-1', customer: { externalId: 'cust-old' } }),
    ]);
    await expectSame(store, facts, 'delta');
    await analyse(store, second.newMessageIds.slice(0, 10));
    await analyse(store, second.newMessageIds.slice(10));
    await expectSame(store, facts, 'delta');

    // Re-analysis by a new model rewrites analyses of messages held long ago.
    await analyse(store, [...first.newMessageIds.slice(5, 25), ...second.newMessageIds.slice(0, 5)], 'v2');
    await expectSame(store, facts, 'delta');

    // A customer first seen without segment or value gets them from a later conversation: every fact of theirs changes.
    await store.writeConversations('w', source, [conversation(50, { naturalKey: 'bare', customer: { externalId: 'cust-new' } })]);
    await expectSame(store, facts, 'delta');
    const later = await store.writeConversations('w', source, [
      conversation(51, { naturalKey: 'filled', customer: { externalId: 'cust-new', name: 'Nouveau', segment: 'VIP', value: 9000 } }),
    ]);
    await analyse(store, later.newMessageIds);
    await expectSame(store, facts, 'delta');
    expect((await facts.input(NOW)).messages.filter((m) => m.customerRef === 'cust-new').every((m) => m.segment === 'VIP')).toBe(true);

    // A thread exported again with a new reply gains it (and its survey answer).
    const grown = conversation(3);
    grown.messages = [...grown.messages, { role: 'customer', at: new Date(T0 + 40 * DAY), text: 'Toujours rien reçu.', language: 'fr' }];
    grown.surveys = [{ kind: 'csat', score: 2, at: new Date(T0 + 40 * DAY) }];
    const appended = await store.writeConversations('w', source, [grown]);
    await analyse(store, appended.newMessageIds);
    const memo = await expectSame(store, facts, 'delta');
    // Only the new reply's day is counted; the first day's tallies are reused. Only its customer's
    // profile is folded again (cust-3; cust-0, 1, 2, cust-old and cust-new are reused).
    expect(memo.days!.messages.last).toEqual({ reused: 1, counted: 1 });
    expect(memo.customers!.last).toEqual({ reused: 5, counted: 1 });

    // Settings are read each time: a change of brand or language shows at once.
    const ws = await store.ensureWorkspace('w');
    await store.updateWorkspaceSettings('w', { ...ws.settings, language: 'en' });
    await expectSame(store, facts, 'delta');
    expect((await facts.input(NOW)).settings.language).toBe('en');
  });

  it('deletions (erasure, retention, undone import) reload everything, then deltas resume', async () => {
    const store = await open();
    const source = await store.ensureSource('w', 'zendesk', 'csv');
    const facts = new IncrementalFacts(store, 'w');
    const imported = await store.beginImport('w', source, { sha256: 'aaa', fileName: 'a.csv', bytes: 1 });
    const a = await store.writeConversations('w', source, conversations(0, 20), imported);
    await store.finishImport('w', imported, 20, true);
    await analyse(store, a.newMessageIds);
    await expectSame(store, facts, 'full');

    await store.eraseCustomer('w', 'cust-1');
    await expectSame(store, facts, 'full');
    const b = await store.writeConversations('w', source, conversations(20, 30));
    await analyse(store, b.newMessageIds);
    await expectSame(store, facts, 'delta');

    await store.undoImport('w', imported);
    await expectSame(store, facts, 'full');
    await store.writeConversations('w', source, conversations(100, 110).map((c) => ({ ...c, startedAt: new Date(NOW.getTime() - DAY) })));
    await expectSame(store, facts, 'delta');

    const retained = await store.applyRetention('w', 1, { actor: 'test' });
    expect(retained.removed.messages).toBeGreaterThan(0);
    await expectSame(store, facts, 'full');
  });

  it('a row removed unannounced, or committed behind the ids already read, is noticed by its count: everything is reloaded', async () => {
    const t = target();
    const store = await open(t);
    const source = await store.ensureSource('w', 'zendesk', 'csv');
    const facts = new IncrementalFacts(store, 'w');
    await store.writeConversations('w', source, conversations(0, 10));
    await expectSame(store, facts, 'full');
    const reply = (await store.messageFacts('w')).find((m) => m.role === 'agent')!;
    // Under the store, as a deletion path that forgets removed_version, or a slower transaction's row, would.
    const adapter = adapterFor(t);
    const db = await adapter.createKysely();
    try {
      const row = await db.selectFrom('messages').selectAll().where('id', '=', Number(reply.messageId)).executeTakeFirstOrThrow();
      await db.deleteFrom('messages').where('id', '=', row.id).execute();
      await store.writeConversations('w', source, conversations(10, 11));
      await expectSame(store, facts, 'full');
      await db.insertInto('messages').values(row).execute();
      await store.writeConversations('w', source, conversations(11, 12));
      await expectSame(store, facts, 'full');
    } finally {
      await adapter.close(db);
    }
  });
});
