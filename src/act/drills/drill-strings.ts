/**
 * The drill's words in French and English: the feedback summary and the hiring-mode notice, shared
 * by the API, the CLI and the digest so they say the same thing.
 */
import type { Lang } from '../../core/lang.ts';
import { nameOf } from '../../core/label-names.ts';
import { EMOTIONS, NEEDS } from '../../core/labels.ts';
import type { ReadingFeedback, ReplyFeedback } from './drill-types.ts';

/** Shown wherever hiring mode is: the rubric informs a person; nothing is decided or ranked by Écoute. */
export const HIRING_NOTICE: Record<Lang, string> = {
  fr: "Aide à la décision uniquement : une personne décide ; rien n'est automatisé. Évaluer des candidats est un usage à haut risque au sens de l'AI Act européen (annexe III, §4).",
  en: 'Decision support only: a person decides; nothing is automated. Assessing candidates is a high-risk use under the EU AI Act (Annex III §4).',
};

/** The rubric both modes share, in words. */
export const DRILL_RUBRIC: Record<Lang, string[]> = {
  fr: [
    'Lecture (0–100) : émotions et besoins choisis comparés à l’analyse du message (F1 par liste, moyenne des deux).',
    'Réponse (0–100) : le coach de réponse note la réaction émotionnelle, l’interprétation, l’exploration, la prise en charge et la personnalisation.',
    'Les deux notes sont montrées séparément ; aucune note globale, aucun classement.',
  ],
  en: [
    'Reading (0–100): the emotions and needs chosen compared with the message’s analysis (F1 per list, mean of both).',
    'Reply (0–100): the reply coach rates emotional reaction, interpretation, exploration, ownership and personalization.',
    'Both scores are shown separately; no overall score, no ranking.',
  ],
};

const list = (xs: string[]) => xs.join(', ');

/** One or two sentences: what the reading missed or added, and the reply's score. */
export function drillSummary(reading: ReadingFeedback, reply: ReplyFeedback, lang: Lang): string {
  const fr = lang === 'fr';
  const missed = [...reading.emotions.missed.map((e) => nameOf('emotions', e, lang)), ...reading.needs.missed.map((n) => nameOf('needs', n, lang))];
  const extra = [...reading.emotions.extra.map((e) => nameOf('emotions', e, lang)), ...reading.needs.extra.map((n) => nameOf('needs', n, lang))];
  const parts: string[] = [];
  parts.push(fr ? `Lecture : ${reading.score}/100.` : `Reading: ${reading.score}/100.`);
  if (missed.length > 0) parts.push(fr ? `L'analyse voyait aussi : ${list(missed)}.` : `The analysis also saw: ${list(missed)}.`);
  if (extra.length > 0) parts.push(fr ? `Non relevé par l'analyse : ${list(extra)}.` : `Not found by the analysis: ${list(extra)}.`);
  parts.push(fr ? `Réponse : ${reply.score}/100${reply.canned ? ' (réponse type)' : ''}.` : `Reply: ${reply.score}/100${reply.canned ? ' (canned)' : ''}.`);
  return parts.join(' ');
}

/** The emotions and needs a participant chooses from, named in `lang`. */
export function drillChoices(lang: Lang): { emotions: { label: string; name: string }[]; needs: { label: string; name: string }[] } {
  return {
    emotions: EMOTIONS.map((label) => ({ label, name: nameOf('emotions', label, lang) })),
    needs: NEEDS.map((label) => ({ label, name: nameOf('needs', label, lang) })),
  };
}
