/** A tiny workspace for the correction tests: two analysed customer messages and an agent reply. */
import type { MessageFact } from '../../src/core/facts.ts';
import type { Store } from '../../src/store/store.ts';
import { analysisOf, TEMPLATES } from './fixtures.ts';

export const WS = 'corr-ws';
export const T0 = new Date('2026-11-20T12:00:00Z');

/** Two conversations: an angry late delivery (with an agent reply) and a churning billing complaint. */
export async function seedCorrections(store: Store): Promise<{ delivery: string; billing: string; agent: string }> {
  await store.ensureWorkspace(WS);
  const source = await store.ensureSource(WS, 'fixture', 'test');
  const at = (h: number) => new Date(T0.getTime() - h * 3_600_000);
  await store.writeConversations(WS, source, TEMPLATES.slice(0, 2).map((t, i) => ({
    naturalKey: `c-${i}`, channel: 'email', customer: { externalId: `C-${i}` }, startedAt: at(10 - i), surveys: [],
    messages: [
      { role: 'customer', at: at(10 - i), text: t.text, language: t.language },
      { role: 'agent', at: at(9 - i), text: 'Nous regardons.', language: 'fr' },
    ],
  })));
  const pending = await store.pendingAnalysis(WS, 'fixture-1', 10);
  await store.saveAnalyses(WS, 'fixture-1', pending.map((p) => ({ messageId: p.messageId, analysis: analysisOf(TEMPLATES.find((t) => t.text === p.text)!) })));
  const facts = await store.messageFacts(WS);
  const id = (pred: (f: MessageFact) => boolean) => facts.find(pred)!.messageId;
  return { delivery: id((f) => f.text === TEMPLATES[0].text), billing: id((f) => f.text === TEMPLATES[1].text), agent: id((f) => f.role === 'agent') };
}

