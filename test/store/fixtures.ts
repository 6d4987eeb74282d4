/** Builders of ingest-shaped records for store tests (synthetic, written for these tests). */
import type { Analysis } from '../../src/core/analysis.ts';
import type { ConversationInput } from '../../src/core/conversation.ts';

export const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const MINUTE = 60_000;

/** Conversation number `i`: customer message, agent reply, customer follow-up, spaced one minute apart. */
export function conversation(i: number, over: Partial<ConversationInput> = {}): ConversationInput {
  const at = T0 + i * 10 * MINUTE;
  return {
    naturalKey: `ticket-${i}`,
    externalId: `T${i}`,
    channel: i % 3 === 0 ? 'chat' : 'email',
    team: i % 2 === 0 ? 'Paris' : 'Lyon',
    agent: 'Alice',
    subject: `Commande ${i}`,
    customer: { externalId: `cust-${i % 4}`, name: `Client ${i % 4}`, segment: i % 4 === 0 ? 'grand compte' : 'PME', value: 1000 * (i % 4) },
    startedAt: new Date(at),
    messages: [
      { role: 'customer', at: new Date(at), text: `Mon colis n°${i} est en retard, c'est inadmissible`, language: 'fr' },
      { role: 'agent', author: 'Alice', at: new Date(at + MINUTE), text: 'Nous regardons tout de suite.', language: 'fr' },
      { role: 'customer', at: new Date(at + 2 * MINUTE), text: `Merci pour la réponse ${i}`, language: 'fr' },
    ],
    surveys: i % 2 === 0 ? [{ kind: 'nps', score: i % 11, at: new Date(at + 3 * MINUTE) }] : [],
    ...over,
  };
}

export function conversations(from: number, to: number): ConversationInput[] {
  return Array.from({ length: to - from }, (_, k) => conversation(from + k));
}

/** An analysis with the given primary labels. */
export function analysis(p: { theme?: string; emotion?: string; need?: string; stage?: string | null; extraEmotion?: string } = {}): Analysis {
  return {
    language: 'fr',
    sentiment: { label: 'negative', score: -0.6 },
    emotions: [
      { label: (p.emotion ?? 'frustration') as Analysis['emotions'][number]['label'], score: 0.8, evidence: 'inadmissible' },
      ...(p.extraEmotion ? [{ label: p.extraEmotion as Analysis['emotions'][number]['label'], score: 0.4, evidence: null }] : []),
    ],
    needs: [{ label: (p.need ?? 'speed') as Analysis['needs'][number]['label'], score: 0.7, evidence: null }],
    themes: [{ label: p.theme ?? 'delay', score: 0.9, evidence: 'en retard' }],
    stage: p.stage === null ? null : { label: (p.stage ?? 'delivery') as NonNullable<Analysis['stage']>['label'], score: 0.8, evidence: null },
    signals: { churnIntent: false, urgency: 'medium', vulnerable: false, repeatContact: false },
    reason: null,
  };
}
