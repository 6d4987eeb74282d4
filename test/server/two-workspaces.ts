/**
 * Two workspaces with data of every kind in one database, for the isolation tests: messages and their
 * customers (through a recorded import), analyses, surveys, employee answers, alert rules and the
 * alerts, cases and deliveries they raise (the real rule engine), corrections, a root cause, drill
 * attempts, an assessment and an audit line. Every text a workspace stores carries its MARK, so a
 * test can tell at a glance whether an answer holds any of another workspace's data.
 */
import { createHash } from 'node:crypto';
import type { Analysis } from '../../src/core/analysis.ts';
import type { ConversationInput } from '../../src/core/conversation.ts';
import { evaluateRulesOnMessages } from '../../src/runtime/act/evaluate-rules.ts';
import type { Store } from '../../src/store/store.ts';
import { analysisOf, TEMPLATES } from './fixtures.ts';

/** What a seeded workspace holds, by id, for the tests to aim at. */
export interface SeededWorkspace {
  id: string;
  /** The word every text of this workspace carries. */
  mark: string;
  messageIds: string[];
  /** The store's customer id (GET /api/customers/:id/history) and the one people give (DELETE /api/customers/:id). */
  customerId: string;
  customerRef: string;
  importId: string;
  ruleId: string;
  alertId: string;
  caseId: string;
  deliveryId: string;
  rootCauseId: string;
}

const DAY = 86_400_000;

function conversationsOf(ws: string, mark: string, now: Date): ConversationInput[] {
  return TEMPLATES.map((t, i) => {
    const at = new Date(now.getTime() - (20 - i) * DAY);
    return {
      naturalKey: `${ws}-conv-${i}`,
      channel: i % 2 === 0 ? 'ticket' : 'email',
      team: `${mark} team`,
      agent: `${mark} agent`,
      subject: `${mark} subject ${i}`,
      customer: { externalId: `${ws}-cust-${i % 3}`, name: `${mark} customer ${i % 3}`, segment: `${mark} segment`, value: 1000 },
      startedAt: at,
      messages: [
        { role: 'customer', at, text: `${t.text} ${mark}`, language: t.language },
        { role: 'agent', author: `${mark} agent`, at: new Date(at.getTime() + 3_600_000), text: `${mark}: je regarde votre dossier.`, language: 'fr' },
      ],
      surveys: [{ kind: 'nps', score: t.negative ? 2 : 9, at: new Date(at.getTime() + 7_200_000) }],
    };
  });
}

/** Seeds one workspace; `now` is the store's clock time. */
export async function seedWorkspace(store: Store, ws: string, mark: string, now: Date): Promise<SeededWorkspace> {
  await store.ensureWorkspace(ws, `${mark} Corp`);
  const source = await store.ensureSource(ws, `${mark}-source`, 'json');
  const sha256 = createHash('sha256').update(ws).digest('hex');
  const importId = await store.beginImport(ws, source, { sha256, fileName: `${mark}.json`, bytes: 100 });
  const batch = conversationsOf(ws, mark, now);
  await store.writeConversations(ws, source, batch, importId);
  await store.finishImport(ws, importId, batch.length, true);
  await store.writeEmployeeAnswers(ws, await store.ensureSource(ws, `${mark}-engagement`, 'csv'), [0, 1, 2, 3, 4].map((k) => ({
    naturalKey: `${ws}-ex-${k}`, team: `${mark} team`, period: '2026-Q4', enps: 3 + k, items: { proud: 3 }, at: new Date(now.getTime() - 10 * DAY),
  })));
  const byText = new Map(TEMPLATES.map((t) => [`${t.text} ${mark}`, analysisOf(t)]));
  const pending = await store.pendingAnalysis(ws, 'isolation-1', 1000);
  const analyses: { messageId: string; analysis: Analysis }[] = pending.map((p) => {
    const analysis = byText.get(p.text);
    if (!analysis) throw new Error(`seeded text without analysis: ${p.text}`);
    return { messageId: p.messageId, analysis };
  });
  await store.saveAnalyses(ws, 'isolation-1', analyses);
  const messageIds = analyses.map((a) => a.messageId);

  const rule = await store.addRule(ws, {
    name: `${mark} churn`,
    conditions: { churn: true },
    actions: [{ type: 'case', owner: `${mark} owner` }, { type: 'webhook', url: `https://hooks.example/${mark}` }],
  }, 'seed');
  await evaluateRulesOnMessages(store, ws, messageIds, { clock: () => now });
  const [alert] = await store.listAlerts(ws, {});
  const [delivery] = await store.listDeliveries(ws, {});
  const [raised] = await store.listCases(ws, {});
  if (!alert || !delivery || !raised) throw new Error(`the ${ws} rule raised no alert, delivery or case`);
  await store.addCaseNote(ws, raised.id, `${mark} note`, 'seed');
  const root = await store.upsertRootCause(ws, { key: 'billing', title: `${mark} root cause`, owner: `${mark} owner` });

  const facts = await store.factsOfMessages(ws, messageIds);
  const first = facts.find((f) => f.customerId !== null)!;
  await store.addCorrection(ws, first.messageId, { field: 'stage', value: 'billing', actor: `${mark} corrector` });
  for (const mode of ['drill', 'hiring'] as const) {
    await store.saveDrillAttempt(ws, {
      week: '2026-W47', messageId: first.messageId, participant: `${mark} ${mode}er`, team: `${mark} team`, mode,
      emotions: ['anger'], needs: ['speed'], reply: `${mark} reply`, readingScore: 0.5, replyScore: 0.5,
    });
  }
  await store.saveAssessment(ws, { language: 'fr', answers: { 'listen-channels': 3 }, scores: { overall: 40, dimensions: { listen: 40 } }, stage: 'interaction' });
  await store.recordAudit(ws, { actor: `${mark} auditor`, action: 'seed', target: `${mark} target`, detail: {} });
  return {
    id: ws, mark, messageIds, customerId: first.customerId!, customerRef: first.customerRef ?? `${ws}-cust-0`, importId,
    ruleId: rule.id, alertId: alert.id, caseId: raised.id, deliveryId: delivery.id, rootCauseId: root.id,
  };
}

/** What a workspace holds, counted from the store: the same before and after another workspace's requests. */
export async function footprint(store: Store, ws: string) {
  const [counts, rules, alerts, cases, deliveries, roots, attempts, assessments, imports] = await Promise.all([
    store.counts(ws), store.listRules(ws, { includeRemoved: true }), store.listAlerts(ws, {}), store.listCases(ws, {}),
    store.listDeliveries(ws, {}), store.listRootCauses(ws), store.listDrillAttempts(ws), store.listAssessments(ws), store.listImports(ws),
  ]);
  return {
    counts,
    rules: rules.map((r) => [r.id, r.version, r.active]),
    alerts: alerts.map((a) => [a.id, a.acknowledged]),
    cases: cases.map((c) => [c.id, c.status, c.owner]),
    deliveries: deliveries.map((d) => [d.id, d.status]),
    roots: roots.map((r) => [r.id, r.status, r.owner]),
    attempts: attempts.length,
    assessments: assessments.length,
    imports: imports.map((i) => i.id),
    corrections: (await store.listCorrections(ws, (await store.listMessages(ws, {}, 100)).items.map((m) => m.messageId))).length,
  };
}
