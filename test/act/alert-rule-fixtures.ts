/** Message facts and rules for the alert-rule tests (synthetic, written for these tests). */
import { parseRuleDefinition, type StoredRule } from '../../src/core/alert-rule.ts';
import type { Analysis } from '../../src/core/analysis.ts';
import type { MessageFact } from '../../src/core/facts.ts';
import type { RuleSubject } from '../../src/act/rules/match-rule.ts';
import type { BuildContext } from '../../src/act/rules/build-alert.ts';
import { DEFAULT_CASE_TARGETS } from '../../src/act/cases/case-due.ts';

export const NOW = new Date('2026-03-10T12:00:00Z');

/** An angry, churning French customer about a billing problem. */
export function analysis(over: Partial<Analysis> = {}, signals: Partial<Analysis['signals']> = {}): Analysis {
  return {
    language: 'fr',
    sentiment: { label: 'negative', score: -0.7 },
    emotions: [{ label: 'anger', score: 0.9, evidence: 'inadmissible' }, { label: 'frustration', score: 0.5, evidence: null }],
    needs: [{ label: 'resolution', score: 0.8, evidence: 'réglez ma facture' }],
    themes: [{ label: 'billing', score: 0.9, evidence: 'facture' }],
    stage: { label: 'billing', score: 0.8, evidence: 'ma facture' },
    signals: { churnIntent: true, urgency: 'high', vulnerable: false, repeatContact: false, ...signals },
    reason: 'facture fausse depuis trois mois',
    ...over,
  };
}

export function fact(over: Partial<MessageFact> = {}): MessageFact {
  return {
    messageId: '42', conversationId: '7', customerId: '3', customerRef: 'C-003', customerName: 'Mme Durand', segment: 'PME',
    customerValue: 12000, channel: 'email', brand: null, team: 'Paris', agent: null, role: 'customer',
    at: new Date('2026-03-10T09:30:00Z'), language: 'fr',
    text: 'Ma facture est fausse depuis trois mois, c’est inadmissible. Réglez ma facture ou je résilie.',
    analysis: analysis(),
    ...over,
  };
}

export function subject(f: MessageFact = fact(), surveys: RuleSubject['surveys'] = []): RuleSubject {
  return { fact: f, surveys, ownBrand: { key: 'azur telecom', name: 'Azur Télécom', source: 'settings' } };
}

export function rule(definition: unknown, over: Partial<StoredRule> = {}): StoredRule {
  const d = parseRuleDefinition(definition);
  return { id: 'rule-1', workspaceId: 'w', version: 2, name: d.name, definition: d, active: true, createdAt: NOW, createdBy: 'cli', ...over };
}

export function context(over: Partial<BuildContext> = {}): BuildContext {
  let n = 0;
  return { now: NOW, newId: () => `id-${++n}`, caseTargets: DEFAULT_CASE_TARGETS, lang: 'fr', currency: 'EUR', publicUrl: 'https://ecoute.example', ...over };
}
