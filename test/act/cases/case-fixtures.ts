/** Builders of cases and message facts for the pure case tests (synthetic, written for these tests). */
import type { Case } from '../../../src/core/act.ts';
import type { MessageFact } from '../../../src/core/facts.ts';

export const T = new Date('2026-03-02T09:00:00Z');
export const HOUR = 3_600_000;

/** A case created at T, open, with nothing set; `over` sets the rest. */
export function aCase(over: Partial<Case> = {}): Case {
  return {
    id: 'c1', workspaceId: 'w', conversationId: null, customerId: null, messageId: null, alertId: null, title: 'Rappeler',
    status: 'open', owner: null, team: null, priority: 'medium', urgency: null, dueAt: null, rootCauseId: null,
    firstResponseAt: null, resolvedAt: null, closedAt: null, reopenCount: 0, createdAt: T, updatedAt: T, ...over,
  };
}

let n = 0;
/** An analysed customer message of `customerId` at T + `hours`, with a sentiment score and a theme. */
export function aMessage(customerId: string, hours: number, score: number, over: Partial<MessageFact> = {}): MessageFact {
  n += 1;
  return {
    messageId: String(n), conversationId: `conv-${customerId}`, customerId, customerRef: customerId, customerName: null, segment: null,
    customerValue: null, channel: 'email', brand: null, team: 'Paris', agent: null, role: 'customer', at: new Date(T.getTime() + hours * HOUR),
    language: 'fr', text: '…',
    analysis: {
      language: 'fr', sentiment: { label: score < 0 ? 'negative' : score > 0 ? 'positive' : 'neutral', score },
      emotions: [], needs: [], themes: [{ label: 'delay', score: 0.9, evidence: null }], stage: null,
      signals: { churnIntent: false, urgency: 'medium', vulnerable: false, repeatContact: false }, reason: null,
    },
    ...over,
  };
}
