import { writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AnalyzerModel } from '../../src/analyze/model.ts';
import { analyzePending } from '../../src/runtime/analysis/analyze-pending.ts';
import { loadModel } from '../../src/runtime/analysis/load-model.ts';
import { evaluateRulesOnMessages, type RuleEvaluation } from '../../src/runtime/act/evaluate-rules.ts';
import { testRule } from '../../src/runtime/act/test-rule.ts';
import { runImport } from '../../src/runtime/import/run-import.ts';
import type { Store } from '../../src/store/store.ts';
import { dialectSuite } from '../store/dialects.ts';

const dir = mkdtempSync(join(tmpdir(), 'ecoute-rules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NOW = new Date('2026-03-10T12:00:00Z');
const clock = () => NOW;

// Two churning detractors (one writes twice, the second time within the dedupe window), a happy promoter.
const CSV = join(dir, 'tickets.csv');
writeFileSync(CSV, [
  'ticket_id,date,customer_id,message,nps',
  'T1,2026-03-09,C1,"Je vais résilier mon abonnement, ma facture est fausse depuis trois mois, c\'est inadmissible !",2',
  'T2,2026-03-09,C2,"Merci beaucoup, tout est parfait.",10',
  'T3,2026-03-09,C3,"I will cancel my contract, you overcharged me again, this is outrageous.",1',
  'T4,2026-03-10,C1,"Toujours pas de réponse : je résilie dès demain, vous m\'avez encore surfacturé.",0',
].join('\n') + '\n');

const RULE = {
  name: 'Détracteur qui part',
  conditions: { churn: true, npsBand: 'detractor' },
  actions: [
    { type: 'case', owner: 'Léa' },
    { type: 'email', to: 'lea@example.com' },
    { type: 'webhook', url: 'https://hooks.example/ecoute' },
  ],
  dedupeWindow: '7d',
};

let model: AnalyzerModel;
beforeAll(async () => { model = await loadModel(); });

async function importAndAnalyse(store: Store): Promise<RuleEvaluation[]> {
  await runImport({ store, workspaceId: 'w', files: [CSV], clock });
  const evaluations: RuleEvaluation[] = [];
  await analyzePending(store, 'w', model, { workers: 1, rules: { clock, publicUrl: 'https://ecoute.example' }, onAlerts: (e) => evaluations.push(e) });
  return evaluations;
}

dialectSuite('alert rules on imported messages', ({ open, target }) => {
  it('an import fires the rule once per customer: alerts, outbox rows and cases, insights cache kept', async () => {
    const store = await open(target(), clock);
    const rule = await store.addRule('w', RULE);
    const evaluations = await importAndAnalyse(store);
    expect(evaluations).toEqual([{ rules: 1, messages: 4, alerts: 2, deduplicated: 1, duplicates: 0 }]);

    const alerts = await store.listAlerts('w');
    expect(alerts.map((a) => a.payload.customerRef).sort()).toEqual(['C1', 'C3']);
    expect(alerts.every((a) => a.ruleId === rule.id && a.ruleVersion === 1 && a.kind === 'rule' && !a.acknowledged)).toBe(true);
    const c3 = alerts.find((a) => a.payload.customerRef === 'C3')!;
    // The workspace is French: the alert is written in French whatever the message's language.
    expect(c3.message).toMatch(/^Alerte : Détracteur qui part — C3\nPourquoi : intention de départ, NPS détracteur \(1\)\.\nMessage \(Enquête, 2026-03-09 00:00 UTC\) : « I will cancel/);

    const deliveries = await store.listDeliveries('w');
    expect(deliveries).toHaveLength(4);
    expect(new Set(deliveries.map((d) => d.alertId))).toEqual(new Set(alerts.map((a) => a.id)));
    expect(deliveries.every((d) => d.status === 'pending' && d.idempotencyKey.startsWith(`${rule.id}:1:`))).toBe(true);
    const cases = await store.listCases('w');
    expect(cases.map((c) => c.alertId).sort()).toEqual(alerts.map((a) => a.id).sort());
    expect(cases.every((c) => c.owner === 'Léa' && c.status === 'open')).toBe(true);

    // The bodies as the delivery worker will send them.
    const claimed = await store.claimDueDeliveries('w', NOW, { limit: 10, leaseMs: 60_000 });
    const ofC3 = new Set(deliveries.filter((d) => d.alertId === c3.id).map((d) => d.id));
    const body = (format: string) => JSON.parse(claimed.find((d) => d.format === format && ofC3.has(d.id))!.payload);
    expect(body('email')).toEqual({ subject: '[Écoute] Alerte : Détracteur qui part — C3', text: expect.stringContaining('Ouvrir dans Écoute: https://ecoute.example/#/customer/') });
    expect(body('json')).toMatchObject({
      event: 'alert',
      alert: {
        id: c3.id, rule: { id: rule.id, name: RULE.name }, ruleVersion: 1, createdAt: NOW.toISOString(),
        message: { id: c3.messageId, channel: 'survey', language: 'en', sentAt: '2026-03-09T00:00:00.000Z' },
        customer: { id: c3.customerId, ref: 'C3' },
        analysis: { churn: true },
        link: `https://ecoute.example/#/customer/${c3.customerId}`,
      },
    });

    // Evaluating the same messages again (a second run, a crash and resume) writes nothing new.
    const version = await store.dataVersion('w');
    const ids = (await store.messageFacts('w', { customerOnly: true })).map((f) => f.messageId);
    expect(await evaluateRulesOnMessages(store, 'w', ids, { clock })).toEqual({ rules: 1, messages: 4, alerts: 0, deduplicated: 1, duplicates: 2 });
    expect(await store.listDeliveries('w')).toHaveLength(4);
    expect(await store.dataVersion('w')).toBe(version);
    expect(await importAndAnalyse(store)).toEqual([]);
  });

  it('evaluates nothing without rules, and leaves rules out when asked', async () => {
    const store = await open(target(), clock);
    expect(await importAndAnalyse(store)).toEqual([]);
    await store.addRule('w', RULE);
    const ids = (await store.messageFacts('w', { customerOnly: true })).map((f) => f.messageId);
    expect(await evaluateRulesOnMessages(store, 'w', [], { clock })).toMatchObject({ rules: 0, alerts: 0 });
    expect((await evaluateRulesOnMessages(store, 'w', ids, { clock })).alerts).toBe(2);
    const other = await open(target(), clock);
    await other.addRule('w', RULE);
    await runImport({ store: other, workspaceId: 'w', files: [CSV], clock });
    await analyzePending(other, 'w', model, { workers: 1, rules: false });
    expect(await other.listAlerts('w')).toEqual([]);
  });

  it('rules test lists the past messages a rule would match, with reasons and the dedupe replay, writing nothing', async () => {
    const store = await open(target(), clock);
    await analyzePending(store, 'w', model, { workers: 1 });
    await runImport({ store, workspaceId: 'w', files: [CSV], clock });
    await analyzePending(store, 'w', model, { workers: 1 });
    const result = await testRule(store, 'w', RULE, { clock });
    expect(result).toMatchObject({ name: RULE.name, kind: 'message', since: null, until: NOW, scanned: 4, matched: 3, alerts: 2, spikes: [] });
    expect(result.matches.map((m) => [m.customer, m.wouldAlert])).toEqual([['C1', false], ['C3', true], ['C1', true]]);
    expect(result.matches[1].reasons).toEqual(['intention de départ', 'NPS détracteur (1)']);
    expect((await testRule(store, 'w', RULE, { clock, lang: 'en', limit: 1 })).matches.map((m) => m.reasons)).toEqual([['churn intent', 'NPS detractor (0)']]);
    expect((await testRule(store, 'w', RULE, { clock, since: new Date('2026-03-10T00:00:00Z') })).matched).toBe(1);
    expect((await testRule(store, 'w', { ...RULE, dedupeWindow: '0' }, { clock })).alerts).toBe(3);
    await expect(testRule(store, 'w', { ...RULE, conditions: { churn: 'yes' } }, { clock })).rejects.toThrow(/conditions\.churn: churn can only be true/);
    await expect(testRule(store, 'w', RULE, { clock, limit: 0 })).rejects.toThrow(/limit must be a whole number from 1 to 1000/);
    expect(await store.listAlerts('w')).toEqual([]);
    expect(await store.listDeliveries('w')).toEqual([]);
  });
});
