import { describe, expect, it } from 'vitest';
import { buildMessageAlert, buildSpikeAlert, messageDedupeKey } from '../../src/act/rules/build-alert.ts';
import { detectRuleSpike, spikePeriod } from '../../src/act/rules/detect-rule-spike.ts';
import { draftsForMessages } from '../../src/act/rules/evaluate-messages.ts';
import { matchRule } from '../../src/act/rules/match-rule.ts';
import type { MessageFact } from '../../src/core/facts.ts';
import { analysis, context, fact, NOW, rule, subject } from './alert-rule-fixtures.ts';

const HOUR = 3_600_000;

const ACTIONS = [
  { type: 'case', owner: 'Léa' },
  { type: 'email', to: 'lea@example.com' },
  { type: 'webhook', url: 'https://hooks.example/json' },
  { type: 'webhook', url: 'https://hooks.slack.com/services/T/B/x', format: 'slack' },
  { type: 'webhook', url: 'https://example.webhook.office.com/x', format: 'teams' },
];

describe('building a message alert', () => {
  const r = rule({ name: 'Churn client à forte valeur', conditions: { churn: true, customerValueAtLeast: 5000 }, actions: ACTIONS, dedupeWindow: '7d' });
  const m = matchRule(r.definition.conditions, subject());

  it('writes the alert, one delivery per e-mail/webhook action with its idempotency key, and the case', () => {
    const d = buildMessageAlert(r, fact(), m, context());
    expect(d.alert).toMatchObject({ id: 'id-1', workspaceId: 'w', kind: 'rule', ruleId: 'rule-1', ruleVersion: 2, messageId: '42', customerId: '3', dedupeKey: 'rule-1:customer:3', createdAt: NOW });
    expect(d.alert.message.replace(/[\u202f\u00a0]/g, ' ')).toBe([
      'Alerte : Churn client à forte valeur — Mme Durand',
      'Pourquoi : intention de départ, valeur client 12 000 €.',
      'Message (E-mail, 2026-03-10 09:30 UTC) : « Ma facture est fausse depuis trois mois, c’est inadmissible. Réglez ma facture ou je résilie. »',
      'Besoin : Résolution — raison : « facture fausse depuis trois mois »',
    ].join('\n'));
    expect(d.alert.payload).toMatchObject({ customerId: '3', customerRef: 'C-003', conversationId: '7' });
    expect(d.dedupeWindowMs).toBe(7 * 24 * HOUR);
    expect(d.deliveries.map((x) => [x.channel, x.format, x.destination, x.idempotencyKey])).toEqual([
      ['email', 'email', 'lea@example.com', 'rule-1:2:42:1'],
      ['webhook', 'json', 'https://hooks.example/json', 'rule-1:2:42:2'],
      ['webhook', 'slack', 'https://hooks.slack.com/services/T/B/x', 'rule-1:2:42:3'],
      ['webhook', 'teams', 'https://example.webhook.office.com/x', 'rule-1:2:42:4'],
    ]);
    expect(d.cases).toEqual([{
      id: expect.any(String), title: 'Churn client à forte valeur — Mme Durand', messageId: '42', conversationId: '7', customerId: '3',
      urgency: 'high', priority: 'high', owner: 'Léa', team: null, dueAt: new Date(NOW.getTime() + 4 * HOUR),
    }]);
  });

  it('builds each payload as the contract says', () => {
    const d = buildMessageAlert(r, fact(), m, context());
    const [email, json, slack, teams] = d.deliveries.map((x) => x.payload);
    expect(email).toEqual({
      subject: '[Écoute] Alerte : Churn client à forte valeur — Mme Durand',
      text: expect.stringContaining('Ouvrir dans Écoute: https://ecoute.example/#/customer/3\n\n— Écoute, règle « Churn client à forte valeur » (version 2).'),
    });
    expect(json).toEqual({
      event: 'alert',
      alert: expect.objectContaining({
        id: 'id-1', kind: 'rule', rule: { id: 'rule-1', name: 'Churn client à forte valeur' }, ruleVersion: 2, createdAt: NOW.toISOString(),
        message: { id: '42', text: fact().text, channel: 'email', language: 'fr', sentAt: '2026-03-10T09:30:00.000Z' },
        customer: { id: '3', ref: 'C-003', name: 'Mme Durand', segment: 'PME', value: 12000 },
        analysis: { emotion: 'anger', need: 'resolution', reason: 'facture fausse depuis trois mois', themes: ['billing'], stage: 'billing', churn: true, urgency: 'high', vulnerable: false },
        reasons: [{ condition: 'churn', value: 'true', evidence: null }, { condition: 'customerValueAtLeast', value: '12000', evidence: null }],
        link: 'https://ecoute.example/#/customer/3',
      }),
    });
    expect(slack).toMatchObject({ text: expect.stringMatching(/^Alerte : Churn/), blocks: [{ type: 'header' }, { type: 'section' }, { type: 'context' }] });
    expect(teams).toMatchObject({ '@type': 'MessageCard', '@context': 'https://schema.org/extensions', summary: expect.any(String), title: 'Alerte : Churn client à forte valeur — Mme Durand', text: expect.stringContaining('Pourquoi') });
  });

  it('writes English for an English workspace, and no link without a public URL', () => {
    const d = buildMessageAlert(r, fact(), m, context({ lang: 'en', publicUrl: null }));
    expect(d.alert.message).toMatch(/^Alert: Churn client à forte valeur — Mme Durand\nWhy: churn intent, customer value €12,000\.\nMessage \(Email, /);
    expect(d.deliveries[0].payload).toMatchObject({ text: expect.stringContaining('— Écoute, rule "Churn client à forte valeur" (version 2).') });
    expect(d.deliveries[0].payload.text).not.toContain('Open in Écoute');
    expect(d.deliveries[2].payload).toMatchObject({ blocks: [{ type: 'header' }, { type: 'section' }] });
  });

  it('deduplicates per customer, else per conversation', () => {
    expect(messageDedupeKey('r', { customerId: '3', conversationId: '7' })).toBe('r:customer:3');
    expect(messageDedupeKey('r', { customerId: null, conversationId: '7' })).toBe('r:conversation:7');
  });

  it('evaluates every message rule on every message, leaving spike rules and inactive rules out', () => {
    const rules = [
      rule({ name: 'churn', conditions: { churn: true } }, { id: 'a' }),
      rule({ name: 'joy', conditions: { emotion: 'joy' } }, { id: 'b' }),
      rule({ name: 'spike', conditions: { spike: { kind: 'theme', label: 'billing' } } }, { id: 'c' }),
      rule({ name: 'old', conditions: { churn: true } }, { id: 'd', active: false }),
    ];
    const drafts = draftsForMessages(rules, [subject(fact({ messageId: '1' })), subject(fact({ messageId: '2', analysis: analysis({}, { churnIntent: false }) }))], context());
    expect(drafts.map((d) => [d.alert.ruleId, d.alert.messageId])).toEqual([['a', '1']]);
  });
});

function billing(at: Date, id: string, label = 'billing'): MessageFact {
  return fact({ messageId: id, at, analysis: analysis({ themes: [{ label, score: 0.9, evidence: null }, { label, score: 0.5, evidence: null }] }) });
}

describe('spike detection for a rule', () => {
  const spike = { kind: 'theme' as const, label: 'billing', factor: 3, minCount: 5, window: '24h', baselineWindows: 7 };

  it('fires when the window holds minCount and factor × the baseline, counting a label once per message', () => {
    const history = Array.from({ length: 7 }, (_, d) => billing(new Date(NOW.getTime() - (d + 1.5) * 24 * HOUR), `h${d}`));
    const today = Array.from({ length: 6 }, (_, i) => billing(new Date(NOW.getTime() - (i + 1) * HOUR), `t${i}`));
    const other = billing(new Date(NOW.getTime() - HOUR), 'x', 'delay');
    const found = detectRuleSpike(spike, [...history, ...today, other], NOW);
    expect(found).toMatchObject({ kind: 'theme', label: 'billing', count: 6, baseline: 1, ratio: 6 });
    expect(found!.examples.map((m) => m.messageId)).toEqual(['t0', 't1', 't2']);
    expect(found!.period).toMatchObject({ windowStart: new Date(NOW.getTime() - 24 * HOUR), to: NOW, bucket: '2026-03-10T00:00:00.000Z' });
    // Twice the history: a baseline of 2, so 6 (3 × 2) still fires and 5 does not.
    const busier = [...history, ...history.map((m) => ({ ...m, messageId: `${m.messageId}b` }))];
    expect(detectRuleSpike(spike, [...busier, ...today], NOW)).toMatchObject({ baseline: 2, ratio: 3 });
    expect(detectRuleSpike(spike, [...busier, ...today.slice(1)], NOW)).toBeNull();
  });

  it('needs minCount even for a brand-new label, and ignores messages outside the period', () => {
    const four = Array.from({ length: 4 }, (_, i) => billing(new Date(NOW.getTime() - (i + 1) * HOUR), `t${i}`));
    expect(detectRuleSpike(spike, four, NOW)).toBeNull();
    expect(detectRuleSpike({ ...spike, minCount: 2 }, four, NOW)).toMatchObject({ count: 4, baseline: 0, ratio: 8 });
    const future = billing(new Date(NOW.getTime() + HOUR), 'f');
    const ancient = billing(new Date(NOW.getTime() - 30 * 24 * HOUR), 'a');
    expect(detectRuleSpike({ ...spike, minCount: 2 }, [...four, future, ancient], NOW)).toMatchObject({ count: 4, baseline: 0 });
    expect(spikePeriod(spike, NOW).from).toEqual(new Date(NOW.getTime() - 8 * 24 * HOUR));
  });

  it('builds a spike alert whose keys hold for the whole window bucket', () => {
    const r = rule({ name: 'Pic facturation', conditions: { spike }, actions: [{ type: 'webhook', url: 'https://h.example/x', format: 'slack' }, { type: 'case' }], dedupeWindow: '1h' });
    const today = Array.from({ length: 6 }, (_, i) => billing(new Date(NOW.getTime() - (i + 1) * HOUR), `t${i}`));
    const found = detectRuleSpike(spike, today, NOW)!;
    const d = buildSpikeAlert(r, found, context());
    expect(d.alert).toMatchObject({ kind: 'spike', messageId: null, customerId: null, dedupeKey: 'rule-1:spike:theme:billing' });
    expect(d.alert.message.split('\n')[0]).toBe('Pic : Facturation — Pic facturation');
    expect(d.alert.message.split('\n')[1]).toBe('Facturation : 6 messages sur les dernières 24h, 12 fois la normale (0 par 24h en moyenne avant).');
    expect(d.dedupeWindowMs).toBe(24 * HOUR);
    expect(d.deliveries[0].idempotencyKey).toBe('rule-1:2:spike@2026-03-10T00:00:00.000Z:0');
    expect(d.cases[0]).toMatchObject({ title: 'Pic : Facturation — Pic facturation', customerId: null, priority: 'medium', dueAt: new Date(NOW.getTime() + 48 * HOUR) });
    const later = buildSpikeAlert(r, detectRuleSpike(spike, today, new Date(NOW.getTime() + HOUR))!, context());
    expect(later.deliveries[0].idempotencyKey).toBe(d.deliveries[0].idempotencyKey);
    expect(later.alert.payload).toMatchObject({ link: 'https://ecoute.example/#/listen?theme=billing', spike: { count: 6, window: '24h' } });
  });
});

describe('alert payloads keep customers\' words inert', () => {
  it('neutralises <!channel>, mentions and links from a message in Slack and Teams payloads', async () => {
    const { slackPayload, teamsPayload } = await import('../../src/act/rules/outbox-payloads.ts');
    const text = { title: 'Alert: churn — <!here>', lines: ['Message (chat): « <!channel> @everyone see [this](https://evil.example) »'], link: 'https://ecoute.example/#/listen' };
    const slackObj = slackPayload(text, 'en') as { text: string; blocks: { type: string }[] };
    // The header block is plain_text, which Slack never parses for mentions or links: only the rest matters.
    expect(slackObj.blocks[0].type).toBe('header');
    const slack = JSON.stringify({ text: slackObj.text, blocks: slackObj.blocks.slice(1) });
    const teams = JSON.stringify(teamsPayload(text, 'en'));
    for (const out of [slack, teams]) {
      expect(out).not.toContain('<!channel>');
      expect(out).not.toContain('<!here>');
      expect(out).not.toContain('](https://evil');
      expect(out).not.toMatch(/@everyone/);
      expect(out).toContain('&lt;!channel&gt;');
    }
    // The dashboard link Écoute itself adds stays a Slack link.
    expect(slack).toContain('<https://ecoute.example/#/listen|Open in Écoute>');
  });
});
