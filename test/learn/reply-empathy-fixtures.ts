import type { ConversationInput } from '../../src/core/conversation.ts';

/**
 * Agent replies on which the reply coach and its lexicon disagree, with the customer message each
 * answers. `coach` is the verdict the trained coach (models/coach.json) gives, checked against the real
 * model in test/runtime/reply-empathy-verdicts.test.ts; `lexicon` is showsEmpathy's reading.
 */
export interface EmpathyCase {
  key: string;
  customer: string;
  reply: string;
  lexicon: boolean;
  coach: boolean;
}

export const EMPATHY_CASES: readonly EmpathyCase[] = [
  // "Je comprends" as a stamp before a hand-off: the lexicon counts it, the coach reads no emotional reaction.
  { key: 'formulaic', customer: 'Ma carte a été débitée mais la commande 7781 n’apparaît nulle part.',
    reply: 'Je comprends. Votre demande a été transmise au service concerné.', lexicon: true, coach: false },
  { key: 'formulaic-2', customer: 'Mon colis 5120 est annoncé livré mais je n’ai rien reçu, je suis très inquiète.',
    reply: 'Je comprends. Votre dossier a été transmis au service concerné.', lexicon: true, coach: false },
  // Names the feeling of this customer: both count it.
  { key: 'names-feeling', customer: 'On m’a facturé deux fois l’abonnement de novembre, je trouve ça scandaleux.',
    reply: 'Être facturé deux fois, c’est agaçant ; j’ai remboursé le second prélèvement ce matin, vous le verrez sous 3 jours.', lexicon: true, coach: true },
  // Reacts to the feeling in words the lexicon does not list: the coach counts it.
  { key: 'own-words', customer: 'Le technicien n’est jamais venu au rendez-vous de mardi, j’avais posé une journée de congé.',
    reply: 'Une journée de congé perdue pour rien, quelle galère. Je vous propose un créneau samedi 9 h et un geste de 30 €.', lexicon: false, coach: true },
  // Neither.
  { key: 'fix-only', customer: 'Impossible de me connecter depuis la mise à jour, je perds des heures de travail.',
    reply: 'Votre accès est réinitialisé ; le lien arrive par e-mail.', lexicon: false, coach: false },
];

/**
 * The cases as stored conversations of `team` (agent `agent`), one a day from `start`, each a customer
 * message and the agent's reply an hour later, plus an outbound agent message the coach cannot read
 * against a customer message (the lexicon counts it: "je comprends votre frustration").
 */
export function empathyConversations(team: string, agent: string, start: Date): ConversationInput[] {
  const at = (day: number, hours = 0) => new Date(start.getTime() + day * 86_400_000 + hours * 3_600_000);
  return [
    ...EMPATHY_CASES.map((c, i): ConversationInput => ({
      naturalKey: `empathy-${team}-${c.key}`, channel: 'email', team, agent, startedAt: at(i), surveys: [],
      customer: { externalId: `empathy-${team}-${i}` },
      messages: [
        { role: 'customer', at: at(i), text: c.customer, language: 'fr' },
        { role: 'agent', author: agent, at: at(i, 1), text: c.reply, language: 'fr' },
      ],
    })),
    {
      naturalKey: `empathy-${team}-outbound`, channel: 'email', team, agent, startedAt: at(EMPATHY_CASES.length), surveys: [],
      messages: [{ role: 'agent', author: agent, at: at(EMPATHY_CASES.length), text: 'Je comprends votre frustration : voici votre nouveau code d’accès.', language: 'fr' }],
    },
  ];
}
