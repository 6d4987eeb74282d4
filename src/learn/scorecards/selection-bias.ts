import type { Localized } from '../../core/lang.ts';
import type { ContactConversation } from '../ex-cx/recontact.ts';

/** Under this response rate (customers who answered ÷ customers served) the scorecard warns of selection bias. */
export const LOW_RESPONSE_RATE = 0.2;
/** Customers who answered this many points less negative than those who did not: the answers look picked. */
export const HAPPIER_ANSWERED_GAP = 10;
/** Fewest customer messages on each side before that comparison is made. */
const MIN_GAP_MESSAGES = 10;

/** What the warnings read of one team's or agent's answers. */
export interface AnswerBase {
  convs: readonly ContactConversation[];
  /** Customers who answered a survey counted here. */
  answered: ReadonlySet<string>;
  answers: number;
  /** Answers counted by last contact (relationship NPS without a team). */
  attributed: number;
}

/**
 * The gaming and selection-bias warnings of one scorecard: a low response rate, customers who
 * answered sounding happier in their conversations than those who did not (someone may be choosing
 * whom to survey), and a score made mostly of relationship NPS counted by last contact.
 */
export function selectionWarnings(a: AnswerBase, customers: number, answered: number, negative: ReadonlyMap<string, { n: number; neg: number }>): Localized[] {
  const out: Localized[] = [];
  if (customers > 0 && answered / customers < LOW_RESPONSE_RATE) {
    const pct = Math.round((answered / customers) * 100);
    out.push({
      fr: `Taux de réponse de ${pct} % (${answered} clients sur ${customers}) : ceux qui répondent ne représentent peut-être pas les autres.`,
      en: `Response rate of ${pct}% (${answered} of ${customers} customers): those who answer may not represent the rest.`,
    });
  }
  // Do the customers who answered sound happier in their conversations than those who did not?
  let inN = 0, inNeg = 0, outN = 0, outNeg = 0;
  for (const c of a.convs) {
    const tone = negative.get(c.conversationId);
    if (!tone || !c.customerId) continue;
    if (a.answered.has(c.customerId)) { inN += tone.n; inNeg += tone.neg; } else { outN += tone.n; outNeg += tone.neg; }
  }
  if (inN >= MIN_GAP_MESSAGES && outN >= MIN_GAP_MESSAGES) {
    const gap = (outNeg / outN - inNeg / inN) * 100;
    if (gap >= HAPPIER_ANSWERED_GAP) {
      const g = Math.round(gap);
      out.push({
        fr: `Les clients qui ont répondu étaient nettement moins négatifs dans leurs conversations que les autres (${g} points d’écart) : possible sélection des clients invités à répondre.`,
        en: `The customers who answered were markedly less negative in their conversations than the others (${g} points apart): customers may be picked for the survey.`,
      });
    }
  }
  if (a.answers > 0 && a.attributed / a.answers > 0.5) {
    out.push({
      fr: 'Plus de la moitié des réponses sont des NPS relationnels comptés pour l’équipe du dernier contact : un chiffre partagé, peu contrôlable par l’équipe.',
      en: 'Over half the answers are relationship NPS counted for the team of the last contact: a shared figure the team controls little.',
    });
  }
  return out;
}
