/** A small workspace for the drill tests: analysed customer messages in French and English (written for these tests). */
import type { Analysis } from '../../src/core/analysis.ts';
import type { Emotion, Need } from '../../src/core/labels.ts';
import type { Store } from '../../src/store/store.ts';

export const DRILL_WS = 'drill-ws';
/** Thursday of 2026-W48; the messages are from the week before. */
export const DRILL_NOW = new Date('2026-11-26T10:00:00Z');

interface Seed { text: string; language: 'fr' | 'en'; emotion: Emotion; emotionEvidence: string; need: Need; needEvidence: string }

export const DRILL_SEEDS: Seed[] = [
  { language: 'fr', emotion: 'frustration', emotionEvidence: 'toujours rien', need: 'resolution', needEvidence: 'remboursement',
    text: "Trois semaines que j'attends mon remboursement, on me promet un virement à chaque appel et toujours rien. Je veux que ce soit réglé." },
  { language: 'fr', emotion: 'anxiety', emotionEvidence: 'très inquiète', need: 'reassurance', needEvidence: 'savoir si',
    text: "Je suis très inquiète : le traitement de ma mère devait être livré hier et je n'ai aucune nouvelle. J'ai besoin de savoir si le colis arrive aujourd'hui." },
  { language: 'fr', emotion: 'confusion', emotionEvidence: 'je ne comprends pas', need: 'information', needEvidence: 'expliquer',
    text: "Je ne comprends pas ma facture : deux lignes « frais de service » apparaissent pour le même mois. Pouvez-vous m'expliquer à quoi elles correspondent ?" },
  { language: 'fr', emotion: 'anger', emotionEvidence: 'inadmissible', need: 'respect', needEvidence: 'raccroché au nez',
    text: "C'est inadmissible, votre conseiller m'a raccroché au nez alors que j'expliquais calmement mon problème de connexion depuis dix jours." },
  { language: 'en', emotion: 'disappointment', emotionEvidence: 'let down', need: 'reliability', needEvidence: 'every month',
    text: 'I have been a customer for eight years and I feel let down: the app crashes every month when I try to pay, and nobody seems to care.' },
  { language: 'en', emotion: 'anxiety', emotionEvidence: 'worried', need: 'speed', needEvidence: 'before Friday',
    text: 'I am really worried, my passport renewal documents were sent to you two weeks ago and I need them back before Friday for my flight.' },
  { language: 'en', emotion: 'frustration', emotionEvidence: 'third time', need: 'resolution', needEvidence: 'fix it',
    text: 'This is the third time I am writing about the same broken heater. Please send someone who can actually fix it, not another form.' },
];

function analysisOf(s: Seed): Analysis {
  return {
    language: s.language,
    sentiment: { label: 'negative', score: -0.7 },
    emotions: [{ label: s.emotion, score: 0.8, evidence: s.emotionEvidence }],
    needs: [{ label: s.need, score: 0.7, evidence: s.needEvidence }],
    themes: [], stage: null,
    signals: { churnIntent: false, urgency: 'medium', vulnerable: false, repeatContact: false },
    reason: null,
  };
}

/** Writes and analyses the seeds (one conversation each, with an agent reply); returns message ids by seed index, and an agent message id. */
export async function seedDrills(store: Store, ws = DRILL_WS): Promise<{ customer: string[]; agent: string }> {
  await store.ensureWorkspace(ws);
  const source = await store.ensureSource(ws, 'fixture', 'test');
  const at = (i: number) => new Date(Date.UTC(2026, 10, 17 + (i % 5), 9 + i));
  await store.writeConversations(ws, source, DRILL_SEEDS.map((s, i) => ({
    naturalKey: `d-${i}`, channel: 'email', team: i % 2 === 0 ? 'Paris' : 'Lyon', customer: { externalId: `D-${i}` }, startedAt: at(i), surveys: [],
    messages: [
      { role: 'customer', at: at(i), text: s.text, language: s.language },
      { role: 'agent', at: new Date(at(i).getTime() + 60_000), text: 'Nous regardons.', language: 'fr' },
    ],
  })));
  const pending = await store.pendingAnalysis(ws, 'fixture-1', 100);
  await store.saveAnalyses(ws, 'fixture-1', pending.map((p) => ({ messageId: p.messageId, analysis: analysisOf(DRILL_SEEDS.find((s) => s.text === p.text)!) })));
  const facts = await store.messageFacts(ws);
  return {
    customer: DRILL_SEEDS.map((s) => facts.find((f) => f.text === s.text)!.messageId),
    agent: facts.find((f) => f.role === 'agent')!.messageId,
  };
}
