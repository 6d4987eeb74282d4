/**
 * The rules-pending mark (migration 014): saveAnalyses() sets it with the analyses, rulesPendingMessages()
 * finds what a killed run left, markRulesChecked() clears it without touching the insights data version;
 * analyses stored before the migration are not pending; analyzePending() raises the alerts a killed run
 * left pending, and the analyze job clears what it evaluated. Both dialects, real databases.
 */
import type { Kysely } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { AnalyzerModel } from '../../src/analyze/model.ts';
import { InputError } from '../../src/core/errors.ts';
import type { RuleEvaluation } from '../../src/runtime/act/evaluate-rules.ts';
import { analyzePending } from '../../src/runtime/analysis/analyze-pending.ts';
import { loadModel } from '../../src/runtime/analysis/load-model.ts';
import { runAnalyzeJob } from '../../src/runtime/jobs/analyze-job.ts';
import type { Store } from '../../src/store/store.ts';
import { dialectSuite } from './dialects.ts';
import { analysis, conversations, T0 } from './fixtures.ts';
import { migratedBefore } from './target-access.ts';


/** Stores conversations from…to-1 (two customer messages each); returns the customer messages not analysed by `version`. */
async function customerMessages(store: Store, workspaceId: string, from: number, to: number, version = 'v1'): Promise<string[]> {
  const source = await store.ensureSource(workspaceId, 'zendesk', 'csv');
  await store.writeConversations(workspaceId, source, conversations(from, to));
  return (await store.pendingAnalysis(workspaceId, version, 1000)).map((p) => p.messageId);
}

const sorted = (ids: string[]) => [...ids].sort((a, b) => Number(a) - Number(b));

dialectSuite('rules-pending analyses', ({ open, target }) => {
  it('saveAnalyses marks its analyses; the mark is found per workspace, in id order, and cleared only where asked', async () => {
    const store = await open();
    const ids = await customerMessages(store, 'w', 0, 5);
    const otherIds = await customerMessages(store, 'other', 10, 12);
    expect(ids).toHaveLength(10);
    expect(await store.rulesPendingMessages('w', 100)).toEqual([]);

    await store.saveAnalyses('w', 'v1', ids.map((messageId) => ({ messageId, analysis: analysis() })));
    await store.saveAnalyses('other', 'v1', otherIds.map((messageId) => ({ messageId, analysis: analysis() })));
    expect(await store.rulesPendingMessages('w', 100)).toEqual(sorted(ids));
    expect(await store.rulesPendingMessages('w', 3)).toEqual(sorted(ids).slice(0, 3));

    const version = await store.dataVersion('w');
    await store.markRulesChecked('w', sorted(ids).slice(0, 4));
    expect(await store.rulesPendingMessages('w', 100)).toEqual(sorted(ids).slice(4));
    // Another workspace's ids clear nothing here, and nothing there either.
    await store.markRulesChecked('w', otherIds);
    expect(await store.rulesPendingMessages('other', 100)).toEqual(sorted(otherIds));
    await store.markRulesChecked('w', [...ids, ...ids]);
    expect(await store.rulesPendingMessages('w', 100)).toEqual([]);
    expect(await store.dataVersion('w'), 'clearing the mark changes nothing the insights read').toBe(version);
    await store.markRulesChecked('w', []);

    // A new analysis of the same message (new model version) meets the rules again.
    await store.saveAnalyses('w', 'v2', ids.slice(0, 2).map((messageId) => ({ messageId, analysis: analysis({ theme: 'billing' }) })));
    expect(await store.rulesPendingMessages('w', 100)).toEqual(sorted(ids.slice(0, 2)));
    // Stored without rules (re-analysis that must page no one): not marked, but a mark left by a killed
    // run is kept, so its alert is still raised by the next run with rules.
    await store.saveAnalyses('w', 'v3', [ids[0], ids[5]].map((messageId) => ({ messageId, analysis: analysis() })), { rulesPending: false });
    expect(await store.rulesPendingMessages('w', 100)).toEqual(sorted(ids.slice(0, 2)));
  });

  it('rejects an id that is no message id, naming the fix', async () => {
    const store = await open();
    await expect(store.markRulesChecked('w', ['12', 'abc'])).rejects.toThrow(InputError);
    await expect(store.markRulesChecked('w', ['abc'])).rejects.toThrow(/Message id "abc" is invalid\. Pass ids returned by rulesPendingMessages\(\)/);
  });

  it('migration 014 on a database with analyses: they are not pending, new ones are', async () => {
    const t = target();
    const { adapter, db } = await migratedBefore(t, '014');
    // Rows as version 013 wrote them (raw: today's code writes the new column).
    const raw = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await raw.insertInto('workspaces').values({ id: 'w', name: 'w', settings: '{"language":"fr","desiredEmotions":{}}', data_version: 1, created_at: T0 }).execute();
    const source = await raw.insertInto('sources').values({ workspace_id: 'w', name: 'zendesk', kind: 'csv', created_at: T0 }).returning('id').executeTakeFirstOrThrow();
    const conv = await raw.insertInto('conversations').values({
      workspace_id: 'w', source_id: source.id, natural_key: 'k1', channel: 'email', started_at: T0, created_at: T0,
    }).returning('id').executeTakeFirstOrThrow();
    const msgs: string[] = [];
    for (const seq of [0, 1]) {
      const m = await raw.insertInto('messages').values({
        workspace_id: 'w', conversation_id: conv.id, seq, role: 'customer', sent_at: T0 + seq, text: `Colis perdu ${seq}`, search_text: `colis perdu ${seq}`, channel: 'email',
      }).returning('id').executeTakeFirstOrThrow();
      msgs.push(String(m.id));
    }
    await raw.insertInto('analyses').values({
      message_id: Number(msgs[0]), workspace_id: 'w', model_version: 'v1', result: JSON.stringify(analysis()), sentiment_label: 'negative',
      sentiment_score: -0.6, churn_intent: 0, urgency: 'medium', vulnerable: 0, sent_at: T0, analyzed_at: T0,
    }).execute();
    await raw.updateTable('messages').set({ analysis_version: 'v1' }).where('id', '=', Number(msgs[0])).execute();
    await adapter.close(db);

    const store = await open(t);
    expect(await store.rulesPendingMessages('w', 100), 'analyses from before the upgrade raise no old alerts').toEqual([]);
    await store.saveAnalyses('w', 'v1', [{ messageId: msgs[1], analysis: analysis() }]);
    expect(await store.rulesPendingMessages('w', 100)).toEqual([msgs[1]]);
    await store.markRulesChecked('w', [msgs[1]]);
    expect(await store.rulesPendingMessages('w', 100)).toEqual([]);
  });
});

const NOW = new Date(T0 + 86_400_000);
const clock = () => NOW;
/** Fires once per customer message of the fixtures (email and chat), never held back. */
const EVERY_MESSAGE = { name: 'Every message', conditions: { channel: ['email', 'chat'] }, dedupeWindow: '0' };
let model: AnalyzerModel;
beforeAll(async () => { model = await loadModel(); });

dialectSuite('rules-pending: who sets and clears the mark', ({ open }) => {
  it('analyzePending raises the alerts a killed run left pending, once; a run without rules leaves them', async () => {
    const store = await open(undefined, clock);
    await store.addRule('w', EVERY_MESSAGE);
    const ids = await customerMessages(store, 'w', 0, 3);
    // What a run killed between its analyses and its rules left: analysed, no alert.
    await store.saveAnalyses('w', model.version, ids.map((messageId) => ({ messageId, analysis: analysis() })));
    expect(await store.listAlerts('w')).toEqual([]);

    expect(await analyzePending(store, 'w', model, { workers: 1, rules: false })).toBe(0);
    expect(await store.rulesPendingMessages('w', 100), 'left for a run with rules').toEqual(sorted(ids));

    const evaluations: RuleEvaluation[] = [];
    const more = await customerMessages(store, 'w', 3, 4, model.version);
    const analysed = await analyzePending(store, 'w', model, { workers: 1, batchSize: 4, rules: { clock }, onAlerts: (e) => evaluations.push(e) });
    expect(analysed, 'the drained messages are not counted as analysed').toBe(more.length);
    expect(evaluations.map((e) => e.alerts)).toEqual([4, 2, 2]);
    const alerts = await store.listAlerts('w');
    expect(sorted(alerts.map((a) => a.messageId!))).toEqual(sorted([...ids, ...more]));
    expect(await store.rulesPendingMessages('w', 100)).toEqual([]);

    // Nothing left: a new run raises nothing, and a message that did raise its alert never raises two.
    await store.saveAnalyses('w', model.version, [{ messageId: ids[0], analysis: analysis() }]);
    await analyzePending(store, 'w', model, { workers: 1, rules: { clock } });
    expect(await store.listAlerts('w')).toHaveLength(alerts.length);
    expect(await store.rulesPendingMessages('w', 100)).toEqual([]);
  });

  it('the analyze job clears the mark of what its rules ran on; a job without rules never sets it', async () => {
    const store = await open(undefined, clock);
    await store.addRule('w', EVERY_MESSAGE);
    const ids = await customerMessages(store, 'w', 0, 2);
    const ctx = { store, model, clock, publicUrl: null };
    await runAnalyzeJob(ctx, { workspaceId: 'w', messageIds: ids.slice(0, 2), rules: false });
    expect(await store.rulesPendingMessages('w', 100)).toEqual([]);
    expect(await store.listAlerts('w')).toEqual([]);
    const outcome = await runAnalyzeJob(ctx, { workspaceId: 'w', messageIds: ids, rules: true });
    expect(outcome).toMatchObject({ analysed: 2, skipped: 2, alerts: 4 });
    expect(await store.rulesPendingMessages('w', 100)).toEqual([]);
  });
});
