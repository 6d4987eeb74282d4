/**
 * Deterministic synthetic conversations and analyses for the dashboard benchmark (no real data):
 * sentences are assembled from small invented phrase banks, and each analysis points at the phrases
 * actually used, so evidence and reason spans are real spans of the text.
 */
import type { Analysis } from '../../src/core/analysis.ts';
import type { ConversationInput } from '../../src/core/conversation.ts';
import { CHANNELS, type Emotion, type Need, type Stage, type Theme } from '../../src/core/labels.ts';
import { mulberry32 } from '../../src/core/prng.ts';

/** mulberry32: a tiny seeded PRNG, so every run builds the same database. */
export const prng = mulberry32;

type Lang = 'fr' | 'en';
const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

const ISSUES: { theme: Theme; stage: Stage; fr: string; en: string }[] = [
  { theme: 'delay', stage: 'delivery', fr: 'ma livraison a une semaine de retard', en: 'my delivery is a week late' },
  { theme: 'lost_or_damaged', stage: 'delivery', fr: 'le colis est arrivé abîmé', en: 'the parcel arrived broken' },
  { theme: 'billing', stage: 'billing', fr: 'la facture compte deux fois le même service', en: 'the invoice charges the same service twice' },
  { theme: 'price', stage: 'renewal', fr: 'le tarif augmente encore au renouvellement', en: 'the price goes up again at renewal' },
  { theme: 'wait_time', stage: 'support', fr: "j'ai attendu quarante minutes au téléphone", en: 'I waited forty minutes on the phone' },
  { theme: 'unresolved', stage: 'support', fr: 'mon dossier est toujours ouvert', en: 'my case is still open' },
  { theme: 'account_access', stage: 'usage', fr: "je n'arrive plus à ouvrir mon espace client", en: 'I cannot open my account any more' },
  { theme: 'technical', stage: 'usage', fr: "l'application plante à chaque ouverture", en: 'the app crashes every time I open it' },
  { theme: 'cancellation', stage: 'cancellation', fr: 'la résiliation prend des semaines', en: 'cancelling takes weeks' },
  { theme: 'booking', stage: 'purchase', fr: 'la réservation a disparu du site', en: 'the booking vanished from the site' },
  { theme: 'staff_attitude', stage: 'support', fr: 'le conseiller a été très patient', en: 'the agent was very patient' },
  { theme: 'information', stage: 'onboarding', fr: 'le guide de démarrage est clair', en: 'the getting-started guide is clear' },
];
const NEGATIVE: { emotion: Emotion; fr: string; en: string }[] = [
  { emotion: 'anger', fr: 'je suis furieux', en: 'I am furious' },
  { emotion: 'frustration', fr: "c'est vraiment pénible", en: 'this is really annoying' },
  { emotion: 'anxiety', fr: 'je suis inquiet', en: 'I am worried' },
  { emotion: 'confusion', fr: 'je ne comprends rien', en: 'I do not understand anything' },
  { emotion: 'disappointment', fr: 'quelle déception', en: 'what a letdown' },
];
const POSITIVE: { emotion: Emotion; fr: string; en: string }[] = [
  { emotion: 'gratitude', fr: 'merci pour votre aide', en: 'thanks for your help' },
  { emotion: 'joy', fr: 'je suis ravi', en: 'I am delighted' },
  { emotion: 'relief', fr: 'me voilà rassuré', en: 'what a relief' },
  { emotion: 'trust', fr: 'je vous fais confiance', en: 'I trust you' },
];
const NEEDS: { need: Need; fr: string; en: string }[] = [
  { need: 'resolution', fr: 'réglez ce problème', en: 'please fix this' },
  { need: 'speed', fr: 'il me faut une réponse rapide', en: 'I need a quick answer' },
  { need: 'information', fr: 'dites-moi où en est ma demande', en: 'tell me where my request stands' },
  { need: 'fairness', fr: 'je demande un geste commercial', en: 'I expect a fair refund' },
  { need: 'reassurance', fr: 'rassurez-moi', en: 'please reassure me' },
];
const SEGMENTS = ['Particulier', 'PME', 'Grand compte'];
const TEAMS = ['Support N1', 'Support N2', 'Facturation', 'Logistique'];
const BRANDS = ['RivalCo', 'Concurrent B', 'Concurrent C'];

/** One synthetic customer message and the analysis it stands for. */
function customerMessage(rnd: () => number, lang: Lang): { text: string; analysis: Analysis; negative: boolean } {
  const issue = pick(rnd, ISSUES);
  const negative = issue.theme !== 'staff_attitude' && issue.theme !== 'information' ? rnd() < 0.8 : rnd() < 0.2;
  const feeling = negative ? pick(rnd, NEGATIVE) : pick(rnd, POSITIVE);
  const need = pick(rnd, NEEDS);
  const reason = issue[lang];
  const text = `${reason[0].toUpperCase()}${reason.slice(1)}, ${feeling[lang]}. ${need[lang][0].toUpperCase()}${need[lang].slice(1)}.`;
  const analysis: Analysis = {
    language: lang,
    sentiment: { label: negative ? 'negative' : 'positive', score: negative ? -0.4 - rnd() * 0.5 : 0.4 + rnd() * 0.5 },
    emotions: [{ label: feeling.emotion, score: 0.6 + rnd() * 0.4, evidence: feeling[lang] }],
    needs: [{ label: need.need, score: 0.5 + rnd() * 0.5, evidence: need[lang] }],
    themes: [{ label: issue.theme, score: 0.6 + rnd() * 0.4, evidence: reason }],
    stage: { label: issue.stage, score: 0.5 + rnd() * 0.5, evidence: null },
    signals: { churnIntent: negative && rnd() < 0.08, urgency: negative ? (rnd() < 0.3 ? 'high' : 'medium') : 'low', vulnerable: false, repeatContact: rnd() < 0.1 },
    reason: `${reason[0].toUpperCase()}${reason.slice(1)}`,
  };
  return { text, analysis, negative };
}

/** Conversation `index` of the benchmark corpus: 2 customer messages and 2 agent replies (4 messages). */
export function syntheticConversation(index: number, start: Date, spanDays: number, customers: number): { conversation: ConversationInput; analyses: Analysis[] } {
  const rnd = prng(index * 2654435761 + 1);
  const lang: Lang = rnd() < 0.7 ? 'fr' : 'en';
  const competitor = rnd() < 0.06;
  const c = Math.floor(rnd() * customers);
  const startedAt = new Date(start.getTime() + rnd() * spanDays * 86_400_000);
  const first = customerMessage(rnd, lang);
  const second = customerMessage(rnd, lang);
  const at = (minutes: number) => new Date(startedAt.getTime() + minutes * 60_000);
  const reply = lang === 'fr' ? 'Bonjour, nous regardons votre demande.' : 'Hello, we are looking into your request.';
  const conversation: ConversationInput = {
    naturalKey: `bench-${index}`,
    channel: competitor ? 'review' : pick(rnd, CHANNELS.filter((ch) => ch !== 'review')),
    brand: competitor ? pick(rnd, BRANDS) : undefined,
    team: competitor ? undefined : pick(rnd, TEAMS),
    agent: competitor ? undefined : `agent-${Math.floor(rnd() * 40)}`,
    customer: competitor ? undefined : { externalId: `bc-${c}`, name: `Client ${c}`, segment: SEGMENTS[c % 3], value: 500 + (c % 97) * 250 },
    startedAt,
    messages: [
      { role: 'customer', at: at(0), text: first.text, language: lang },
      { role: 'agent', at: at(20), text: reply, language: lang },
      { role: 'customer', at: at(60), text: second.text, language: lang },
      { role: 'agent', at: at(90), text: reply, language: lang },
    ],
    surveys: [],
  };
  if (rnd() < 0.35) {
    const bad = first.negative || second.negative;
    conversation.surveys.push({ kind: 'nps', score: bad ? Math.floor(rnd() * 8) : 7 + Math.floor(rnd() * 4), at: at(120) });
    conversation.surveys.push({ kind: 'csat', score: bad ? 1 + Math.floor(rnd() * 4) : 4 + Math.floor(rnd() * 2), at: at(120) });
  }
  return { conversation, analyses: [first.analysis, second.analysis] };
}
