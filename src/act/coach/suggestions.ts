/**
 * Rewrite hints: one per dimension scored below 2, plus one when the reply is canned, in the
 * reply's language and quoting the customer's own words. Exploration is skipped where a question
 * would intrude (bereavement, "no need to reply"), as the guidelines rate such replies 5 without one.
 */
import type { BatchContext, CoachLang, Dimension, Level, Suggestion } from './coach-model.ts';
import { CUSTOMER_CUES, cueCounts } from './cue-lexicon.ts';
import { feelingQuote, missingDetail, situationQuote, urgencyQuote } from './customer-quotes.ts';
import { foldText } from './text-units.ts';

/** What suggestions are written from. */
export interface SuggestionInput {
  customer: string;
  reply: string;
  lang: CoachLang;
  dimensions: Record<Dimension, Level>;
  canned: boolean;
  batch?: BatchContext;
}

/** Quotes in the typography of each language. */
const q = (lang: CoachLang, s: string): string => (lang === 'fr' ? `« ${s} »` : `"${s}"`);

type Writer = (lang: CoachLang, level: Level, x: { customer: string; reply: string }) => string;

/** A feeling family, by the stem of the customer's word, and how to name it back in each language. */
const FEELINGS: { stems: RegExp; en: string; fr: string }[] = [
  { stems: /^(worr|anxi|inqui|angoi|panic|nervo|scar|fear|fright|peur)/, en: 'how worrying this is', fr: 'votre inquiétude' },
  { stems: /^(frustr|annoy|agac|enerv|marre|exasp|fed u)/, en: 'how frustrating this is', fr: 'votre agacement' },
  { stems: /^(angr|anger|coler|furi|infur|revol|inacc)/, en: 'why you are angry', fr: 'votre colère' },
  { stems: /^(disap|decu|decep)/, en: 'how disappointing this is', fr: 'votre déception' },
  { stems: /^(stres|overw|exhau|epuis|desem|deboi|detre|distr)/, en: 'how stressful this is', fr: 'à quel point c\'est éprouvant' },
  { stems: /^(sad|tris|pein|heart|devas|hurt|bless|grief|lonel|choq|shock)/, en: 'how upsetting this is', fr: 'votre peine' },
  { stems: /^(happ|thril|delig|glad|ravi|conte|heure|relie|soula|proud|fier|excit)/, en: 'how glad you are', fr: 'votre joie' },
];

/** "I understand how worrying this is" / « je comprends votre inquiétude », from the customer's feeling word. */
function nameFeeling(lang: CoachLang, quote: string | null): string {
  const word = quote ? foldText(quote).match(/[a-z]+/g) ?? [] : [];
  const family = FEELINGS.find((f) => word.some((w) => f.stems.test(w)));
  if (lang === 'fr') return `« je comprends ${family?.fr ?? 'à quel point c\'est difficile'} »`;
  return `"I understand ${family?.en ?? 'how hard this is'}"`;
}

const WRITERS: Record<Dimension, Writer> = {
  emotionalReaction: (lang, level, { customer }) => {
    const feeling = feelingQuote(customer);
    const said = q(lang, feeling ?? situationQuote(customer));
    const named = nameFeeling(lang, feeling);
    if (lang === 'fr') {
      return level === 0
        ? `Commencez par accueillir ce que vit la personne : elle a écrit ${said}. Nommez ce sentiment (${named}) avant les faits.`
        : `Allez au-delà d'une excuse générique : elle a écrit ${said}. Reprenez ce sentiment avec vos mots (${named}) plutôt que « désolé pour la gêne occasionnée ».`;
    }
    return level === 0
      ? `Open with warmth that fits how they feel: they wrote ${said}. Name that feeling (${named}) before the facts.`
      : `Go beyond a generic apology: they wrote ${said}. Name that feeling in your own words (${named}) instead of "sorry for any inconvenience".`;
  },
  interpretation: (lang, level, { customer }) => {
    const said = q(lang, situationQuote(customer));
    if (lang === 'fr') {
      return level === 0
        ? `Montrez que vous avez compris la situation : vous avez lu ${said}. Reformulez-la avec vos mots et dites ce qui est en jeu pour la personne, au lieu d'un rappel de règlement.`
        : `Reformulez leur situation précise, pas une explication générale : vous avez lu ${said}. Dites ce que cela change pour eux.`;
    }
    return level === 0
      ? `Show you understood their situation: they said ${said}. Restate it in your own words and say what is at stake for them, rather than quoting policy.`
      : `Restate their specific situation, not a general explanation: they said ${said}. Say what it means for them.`;
  },
  exploration: (lang, level, { customer, reply }) => {
    const about = q(lang, missingDetail(customer, reply, false) ?? situationQuote(customer));
    if (lang === 'fr') {
      return level === 0
        ? `Posez une question précise sur leur situation, par exemple sur ${about}, pour montrer que vous voulez comprendre.`
        : `Remplacez la question générique ou administrative par une question sur leur situation, par exemple sur ${about}.`;
    }
    return level === 0
      ? `Ask one specific question about their situation, for example about ${about}, to show you want to understand.`
      : `Swap the generic or administrative question for one about their situation, for example about ${about}.`;
  },
  ownership: (lang, level, { customer }) => {
    const said = q(lang, urgencyQuote(customer) ?? situationQuote(customer));
    if (lang === 'fr') {
      return level === 0
        ? `Ne renvoyez pas la personne ailleurs : elle a écrit ${said}. Dites ce que vous faites vous-même et quand (« je vous rappelle demain avant 12h »), et que vous suivez le dossier jusqu'à sa résolution.`
        : `Rendez l'engagement concret : elle a écrit ${said}. Donnez un responsable et une échéance (« je m'en occupe, vous aurez une réponse jeudi ») au lieu de « transmis au service concerné ».`;
    }
    return level === 0
      ? `Don't send them elsewhere: they wrote ${said}. Say what you will do yourself and by when ("I'll call you back before 5 pm tomorrow"), and that you will own it until it is fixed.`
      : `Make the commitment concrete: they wrote ${said}. Give an owner and a time ("I've booked it for Thursday", "I'll update you by 3 pm") instead of "passed to the relevant team".`;
  },
  personalization: (lang, _level, { customer, reply }) => {
    const detail = q(lang, missingDetail(customer, reply) ?? situationQuote(customer));
    return lang === 'fr'
      ? `Utilisez leurs détails : mentionnez ${detail} pour que la réponse ne puisse s'adresser qu'à cette personne.`
      : `Use their details: mention ${detail} so the reply could only have been written to them.`;
  },
};

/** True when the message says a question would intrude (bereavement, "no need to reply"). */
export function questionWouldIntrude(customer: string): boolean {
  const intrusive = CUSTOMER_CUES.filter((c) => c.name === 'intrusive');
  return cueCounts(foldText(customer), intrusive).intrusive > 0;
}

/** The suggestions for one coached reply, in dimension order, the canned one last. */
export function suggestionsFor(x: SuggestionInput): Suggestion[] {
  const out: Suggestion[] = [];
  for (const [dimension, level] of Object.entries(x.dimensions) as [Dimension, Level][]) {
    if (level >= 2) continue;
    if (dimension === 'exploration' && questionWouldIntrude(x.customer)) continue;
    out.push({ dimension, text: WRITERS[dimension](x.lang, level, x) });
  }
  if (x.canned) {
    const said = q(x.lang, missingDetail(x.customer, x.reply) ?? situationQuote(x.customer));
    const twin = x.batch?.duplicateOf;
    const where = twin
      ? (x.lang === 'fr' ? ` (presque identique à la réponse ${String(twin.id)} envoyée à un autre client)` : ` (nearly identical to reply ${String(twin.id)}, sent to another customer)`)
      : '';
    out.push({
      dimension: 'canned',
      text: x.lang === 'fr'
        ? `Cette réponse ressemble à un modèle${where} : réécrivez-la à partir de ce que la personne a écrit, par exemple ${said}.`
        : `This reads as a template${where}: rewrite it around what they actually wrote, for example ${said}.`,
    });
  }
  return out;
}
