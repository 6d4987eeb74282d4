import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { DEFAULT_CASE_TARGETS } from '../../src/act/cases/case-due.ts';
import { draftsForMessages } from '../../src/act/rules/evaluate-messages.ts';
import type { StoredRule } from '../../src/core/alert-rule.ts';
import { InputError, NotFoundError } from '../../src/core/errors.ts';
import type { Store } from '../../src/store/store.ts';
import { dialectSuite } from './dialects.ts';
import { analysis, conversations, T0 } from './fixtures.ts';

const HOUR = 3_600_000;
const RULE = {
  name: 'Retard, client en colère',
  conditions: { theme: 'delay', emotion: ['anger', 'frustration'] },
  actions: [
    { type: 'case', owner: 'Léa' },
    { type: 'email', to: 'lea@example.com' },
    { type: 'webhook', url: 'https://hooks.example/ecoute', format: 'slack' },
  ],
  dedupeWindow: '24h',
};

/** Stores conversations 0..n-1, analyses every first customer message, returns their message ids. */
async function seed(store: Store, n: number): Promise<string[]> {
  const source = await store.ensureSource('w', 'csv', 'csv');
  await store.writeConversations('w', source, conversations(0, n));
  const firsts = (await store.messageFacts('w')).filter((f) => f.text.includes('en retard'));
  await store.saveAnalyses('w', 'v1', firsts.map((f) => ({ messageId: f.messageId, analysis: analysis({ emotion: 'anger' }) })));
  return firsts.map((f) => f.messageId);
}

/** What the rule engine would write for these messages now. */
async function draftsFor(store: Store, rules: StoredRule[], messageIds: string[], now: Date) {
  const facts = await store.factsOfMessages('w', messageIds);
  const surveys = await store.conversationSurveys('w', facts.map((f) => f.conversationId));
  const subjects = facts.map((fact) => ({ fact, surveys: surveys.get(fact.conversationId) ?? [], ownBrand: { key: null, name: null, source: 'none' as const } }));
  return draftsForMessages(rules, subjects, {
    now, newId: randomUUID, caseTargets: DEFAULT_CASE_TARGETS, lang: 'fr', currency: 'EUR', publicUrl: null,
  });
}

dialectSuite('alert rules and alerts', ({ open, target }) => {
  it('versions rules: an update writes version 2 and retires version 1; removal retires them all', async () => {
    let now = new Date(T0);
    const store = await open(target(), () => now);
    const added = await store.addRule('w', RULE, 'léa');
    expect(added).toMatchObject({ id: expect.stringMatching(/^rule-[0-9a-f]{8}$/), workspaceId: 'w', version: 1, name: RULE.name, active: true, createdAt: now, createdBy: 'léa' });
    expect(added.definition.conditions).toEqual({ theme: ['delay'], emotion: ['anger', 'frustration'] });
    const other = await store.addRule('w', { name: 'Churn', conditions: { churn: true } });
    expect(other.createdBy).toBe('cli');

    now = new Date(T0 + HOUR);
    const v2 = await store.updateRule('w', added.id, { ...RULE, name: 'Retard (v2)', dedupeWindow: '7d' }, 'api');
    expect(v2).toMatchObject({ id: added.id, version: 2, name: 'Retard (v2)', active: true, createdAt: now, createdBy: 'api' });
    // Least recently changed first: the update moved the rule to the end.
    expect((await store.listRules('w')).map((r) => [r.id, r.version])).toEqual([[other.id, 1], [added.id, 2]]);
    expect((await store.ruleVersions('w', added.id)).map((r) => [r.version, r.active, r.definition.dedupeWindow])).toEqual([[2, true, '7d'], [1, false, '24h']]);
    expect(await store.getRule('w', added.id)).toEqual(v2);
    expect(await store.listRules('other')).toEqual([]);

    const removed = await store.removeRule('w', added.id);
    expect(removed).toMatchObject({ id: added.id, version: 2, active: false });
    expect(await store.removeRule('w', added.id)).toEqual(removed);
    expect((await store.listRules('w')).map((r) => r.id)).toEqual([other.id]);
    expect((await store.listRules('w', { includeRemoved: true })).map((r) => [r.id, r.version, r.active])).toEqual(
      expect.arrayContaining([[added.id, 2, false], [other.id, 1, true]]),
    );
    await expect(store.updateRule('w', added.id, RULE)).rejects.toThrow(/Rule "rule-[0-9a-f]{8}" was removed, so it cannot be changed\. Add it again/);
    await expect(store.getRule('w', 'rule-nope')).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.getRule('other', added.id)).rejects.toThrow(/Rule "rule-.*" was not found\. List rules with `ecoute rules list`/);
    await expect(store.updateRule('w', 'rule-nope', RULE)).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.addRule('w', { ...RULE, conditions: { emotion: 'angry' } })).rejects.toThrow(/conditions\.emotion: unknown emotion "angry"/);
    await expect(store.updateRule('w', other.id, { name: 'x', conditions: {} })).rejects.toBeInstanceOf(InputError);
    expect((await store.getRule('w', other.id)).version).toBe(1);
  });

  it('writes each alert with its deliveries and its case in one transaction, without bumping the data version', async () => {
    const now = new Date(T0 + 10 * HOUR);
    const store = await open(target(), () => now);
    const ids = await seed(store, 2);
    const rule = await store.addRule('w', RULE);
    const version = await store.dataVersion('w');
    const drafts = await draftsFor(store, [rule], ids, now);
    expect(drafts).toHaveLength(2);

    const result = await store.writeAlerts('w', drafts);
    expect(result).toMatchObject({ deduplicated: 0, duplicates: 0 });
    expect(result.written.map((a) => [a.ruleId, a.ruleVersion, a.messageId, a.kind])).toEqual([[rule.id, 1, ids[0], 'rule'], [rule.id, 1, ids[1], 'rule']]);
    expect(await store.listAlerts('w')).toEqual(expect.arrayContaining(result.written));
    const deliveries = await store.listDeliveries('w');
    expect(deliveries.map((d) => [d.alertId, d.channel, d.format, d.status, d.idempotencyKey]).sort()).toEqual([
      [drafts[0].alert.id, 'email', 'email', 'pending', `${rule.id}:1:${ids[0]}:1`],
      [drafts[0].alert.id, 'webhook', 'slack', 'pending', `${rule.id}:1:${ids[0]}:2`],
      [drafts[1].alert.id, 'email', 'email', 'pending', `${rule.id}:1:${ids[1]}:1`],
      [drafts[1].alert.id, 'webhook', 'slack', 'pending', `${rule.id}:1:${ids[1]}:2`],
    ].sort());
    expect(deliveries.every((d) => d.nextAttemptAt.getTime() === now.getTime())).toBe(true);
    const cases = await store.listCases('w');
    expect(cases.map((c) => [c.alertId, c.messageId, c.owner, c.status, c.urgency, c.dueAt?.getTime()]).sort()).toEqual([
      [drafts[0].alert.id, ids[0], 'Léa', 'open', 'medium', now.getTime() + 48 * HOUR],
      [drafts[1].alert.id, ids[1], 'Léa', 'open', 'medium', now.getTime() + 48 * HOUR],
    ].sort());
    expect(await store.dataVersion('w')).toBe(version);
  });

  it('rolls everything back when one part fails: no alert without its deliveries', async () => {
    const now = new Date(T0 + 10 * HOUR);
    const store = await open(target(), () => now);
    const ids = await seed(store, 2);
    const rule = await store.addRule('w', RULE);
    const [good, bad] = await draftsFor(store, [rule], ids, now);
    bad.cases[0].title = ' ';
    await expect(store.writeAlerts('w', [good, bad])).rejects.toThrow(/A case needs a title/);
    expect(await store.listAlerts('w')).toEqual([]);
    expect(await store.listDeliveries('w')).toEqual([]);
    expect(await store.listCases('w')).toEqual([]);
    expect((await store.writeAlerts('w', [good])).written).toHaveLength(1);
  });

  it('never alerts twice on one message for one rule, whatever the version and the window', async () => {
    let now = new Date(T0 + 10 * HOUR);
    const store = await open(target(), () => now);
    const ids = await seed(store, 1);
    const rule = await store.addRule('w', { ...RULE, dedupeWindow: '0' });
    expect((await store.writeAlerts('w', await draftsFor(store, [rule], ids, now))).written).toHaveLength(1);
    now = new Date(T0 + 100 * HOUR);
    expect(await store.writeAlerts('w', await draftsFor(store, [rule], ids, now))).toMatchObject({ written: [], duplicates: 1, deduplicated: 0 });
    const v2 = await store.updateRule('w', rule.id, { ...RULE, name: 'v2', dedupeWindow: '0' });
    expect(await store.writeAlerts('w', await draftsFor(store, [v2], ids, now))).toMatchObject({ written: [], duplicates: 1 });
    expect(await store.listAlerts('w')).toHaveLength(1);
    expect(await store.listDeliveries('w')).toHaveLength(2);
    expect(await store.listCases('w')).toHaveLength(1);
  });

  it('deduplicates per rule and customer within the window, then alerts again after it', async () => {
    let now = new Date(T0 + 10 * HOUR);
    const store = await open(target(), () => now);
    // Conversations 0, 4 and 8 share customer cust-0.
    const ids = await seed(store, 9);
    const facts = await store.factsOfMessages('w', ids);
    const cust0 = facts.filter((f) => f.customerRef === 'cust-0').map((f) => f.messageId);
    expect(cust0).toHaveLength(3);
    const rule = await store.addRule('w', { ...RULE, actions: [] });
    const first = await store.writeAlerts('w', await draftsFor(store, [rule], cust0.slice(0, 2), now));
    expect(first).toMatchObject({ deduplicated: 1, duplicates: 0 });
    expect(first.written.map((a) => a.messageId)).toEqual([cust0[0]]);
    expect(first.written[0].dedupeKey).toBe(`${rule.id}:customer:${facts.find((f) => f.customerRef === 'cust-0')!.customerId}`);
    now = new Date(T0 + 33 * HOUR);
    expect((await store.writeAlerts('w', await draftsFor(store, [rule], [cust0[2]], now))).deduplicated).toBe(1);
    now = new Date(T0 + 34 * HOUR + 1);
    expect((await store.writeAlerts('w', await draftsFor(store, [rule], [cust0[2]], now))).written).toHaveLength(1);
    // Other customers are not held back by cust-0's alert.
    const others = facts.filter((f) => f.customerRef !== 'cust-0').map((f) => f.messageId);
    expect((await store.writeAlerts('w', await draftsFor(store, [rule], others, now))).written).toHaveLength(3);
  });

  it('names the customer and conversation in the alert payload, so erasure and import undo find the alerts', async () => {
    const now = new Date(T0 + 10 * HOUR);
    const store = await open(target(), () => now);
    const ids = await seed(store, 4);
    const rule = await store.addRule('w', { ...RULE, actions: RULE.actions.filter((a) => a.type === 'webhook') });
    const { written } = await store.writeAlerts('w', await draftsFor(store, [rule], ids, now));
    expect(written).toHaveLength(4);
    expect(await store.listDeliveries('w')).toHaveLength(4);
    const target0 = written.find((a) => a.payload.customerRef === 'cust-0')!;
    expect(target0.payload).toMatchObject({ customerId: target0.customerId, conversationId: expect.any(String) });
    expect((await store.eraseCustomer('w', 'cust-0')).alerts).toBe(1);
    expect((await store.listAlerts('w')).map((a) => a.payload.customerRef).sort()).toEqual(['cust-1', 'cust-2', 'cust-3']);
    // The pending webhook quoting cust-0's words goes with the alert: nothing about them is sent after erasure.
    const left = await store.listDeliveries('w');
    expect(left).toHaveLength(3);
    expect(left.some((d) => d.alertId === target0.id)).toBe(false);
  });

  it('reads facts of given messages and the survey answers of their conversations', async () => {
    const store = await open();
    const ids = await seed(store, 3);
    const facts = await store.factsOfMessages('w', [ids[2], ids[0], 'nope', '999999']);
    expect(facts.map((f) => f.messageId)).toEqual([ids[0], ids[2]]);
    expect(facts[0].analysis?.emotions[0].label).toBe('anger');
    expect(await store.factsOfMessages('other', ids)).toEqual([]);
    const surveys = await store.conversationSurveys('w', facts.map((f) => f.conversationId));
    expect(surveys.get(facts[0].conversationId)).toEqual([{ kind: 'nps', score: 0 }]);
    expect(surveys.get(facts[1].conversationId)).toEqual([{ kind: 'nps', score: 2 }]);
    expect((await store.conversationSurveys('other', facts.map((f) => f.conversationId))).size).toBe(0);
  });

  it('lists alerts newest first with filters, and acknowledges them', async () => {
    let now = new Date(T0 + 10 * HOUR);
    const store = await open(target(), () => now);
    const ids = await seed(store, 3);
    const rule = await store.addRule('w', { ...RULE, actions: [], dedupeWindow: '0' });
    const other = await store.addRule('w', { name: 'Colère', conditions: { emotion: 'anger' }, dedupeWindow: '0' });
    await store.writeAlerts('w', await draftsFor(store, [rule], ids.slice(0, 2), now));
    now = new Date(T0 + 11 * HOUR);
    await store.writeAlerts('w', await draftsFor(store, [other], ids.slice(2), now));
    const all = await store.listAlerts('w');
    expect(all.map((a) => a.ruleId)).toEqual([other.id, rule.id, rule.id]);
    expect(await store.listAlerts('w', { ruleId: rule.id, limit: 1 })).toHaveLength(1);
    const acked = await store.acknowledgeAlert('w', all[0].id);
    expect(acked).toEqual({ ...all[0], acknowledged: true });
    expect(await store.acknowledgeAlert('w', all[0].id)).toEqual(acked);
    expect((await store.listAlerts('w', { unacknowledged: true })).map((a) => a.id)).toEqual([all[1].id, all[2].id]);
    await expect(store.acknowledgeAlert('w', 'nope')).rejects.toThrow(/Alert "nope" was not found\. List alerts with `ecoute alerts list`/);
    await expect(store.acknowledgeAlert('other', all[1].id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
