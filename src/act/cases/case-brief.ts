/**
 * "What to say": the brief a case owner reads before calling or writing back. Built from the analysis of
 * the message that raised the case (the customer's strongest emotion, their need, the reason they gave),
 * in French or English. Pure; the coach then scores the owner's draft (POST /api/coach).
 */
import type { Analysis } from '../../core/analysis.ts';
import { type Lang, nameOf } from '../../core/label-names.ts';
import type { Emotion, Need } from '../../core/labels.ts';

/** The brief shown on a case. */
export interface CaseBrief {
  emotion: { code: Emotion; name: string } | null;
  need: { code: Need; name: string } | null;
  /** The reason the customer gave, in their words, when the analysis found one. */
  reason: string | null;
  urgency: { code: 'low' | 'medium' | 'high'; name: string } | null;
  /** Steps to follow, in order: acknowledge the feeling, answer the need, own the next step. */
  steps: string[];
}

type Pair = { fr: string; en: string };

/** How to acknowledge each emotion first, before any fact. */
const ACKNOWLEDGE: Record<Emotion, Pair> = {
  anger: { fr: 'Reconnaissez sa colère sans vous justifier : dites que vous comprenez pourquoi la situation est inacceptable pour elle.', en: 'Acknowledge their anger without justifying: say you understand why this is unacceptable to them.' },
  frustration: { fr: 'Nommez sa frustration et excusez-vous de l\'effort qu\'on lui a demandé.', en: 'Name their frustration and apologise for the effort they had to make.' },
  anxiety: { fr: 'Rassurez d\'abord : dites que vous avez pris le dossier en main et ce qui va se passer.', en: 'Reassure first: say you have taken ownership and what will happen next.' },
  confusion: { fr: 'Clarifiez simplement, sans jargon, ce qui s\'est passé et où en est sa demande.', en: 'Clarify plainly, without jargon, what happened and where their request stands.' },
  disappointment: { fr: 'Reconnaissez que vous n\'avez pas été à la hauteur de ce qu\'elle attendait de vous.', en: 'Acknowledge that you fell short of what they expected of you.' },
  sadness: { fr: 'Montrez de la considération pour ce qu\'elle vit avant de parler de la démarche.', en: 'Show care for what they are going through before talking about the process.' },
  disgust: { fr: 'Prenez au sérieux ce qui l\'a choquée et dites ce que vous faites pour que cela ne se reproduise pas.', en: 'Take what shocked them seriously and say what you are doing so it does not happen again.' },
  surprise: { fr: 'Expliquez ce qui a changé par rapport à ce qu\'elle attendait.', en: 'Explain what changed from what they expected.' },
  joy: { fr: 'Remerciez-la et partagez sa satisfaction.', en: 'Thank them and share their satisfaction.' },
  gratitude: { fr: 'Remerciez-la de son retour et dites à qui vous le transmettez.', en: 'Thank them for the feedback and say who you will pass it on to.' },
  relief: { fr: 'Confirmez que tout est réglé et ce qui reste éventuellement à faire.', en: 'Confirm that it is settled and anything that is left to do.' },
  trust: { fr: 'Remerciez-la de sa confiance et tenez exactement ce que vous promettez.', en: 'Thank them for their trust and keep exactly to what you promise.' },
};

/** What answers each need. */
const ANSWER: Record<Need, Pair> = {
  resolution: { fr: 'Proposez une solution concrète, pas seulement une explication.', en: 'Offer a concrete fix, not only an explanation.' },
  speed: { fr: 'Donnez un délai précis et tenez-le ; dites ce que vous faites dès aujourd\'hui.', en: 'Give a precise time and keep it; say what you are doing today.' },
  information: { fr: 'Donnez l\'information exacte qui lui manque, avec la source ou la référence.', en: 'Give the exact information they are missing, with its source or reference.' },
  reassurance: { fr: 'Dites ce qui est garanti et ce qui ne lui arrivera pas.', en: 'Say what is guaranteed and what will not happen to them.' },
  fairness: { fr: 'Expliquez ce qui est juste dans son cas et proposez une compensation si elle est due.', en: 'Explain what is fair in their case and offer compensation where it is due.' },
  respect: { fr: 'Excusez-vous pour la manière dont elle a été traitée, sans minimiser.', en: 'Apologise for how they were treated, without downplaying it.' },
  autonomy: { fr: 'Donnez-lui le moyen de le faire elle-même (lien, étape, contact direct).', en: 'Give them the means to do it themselves (link, step, direct contact).' },
  reliability: { fr: 'Dites ce qui a été corrigé pour que cela ne se reproduise pas.', en: 'Say what was fixed so it does not happen again.' },
};

const REASON: Pair = { fr: 'Reprenez la raison qu\'elle donne : « %s ».', en: 'Restate the reason they gave: "%s".' };
const OWN: Pair = {
  fr: 'Terminez par votre nom, la prochaine étape et quand elle aura de vos nouvelles.',
  en: 'End with your name, the next step and when they will hear from you.',
};
const NO_ANALYSIS: Pair = {
  fr: 'Ce message n\'a pas encore été analysé : lisez-le et commencez par reconnaître ce que la personne ressent.',
  en: 'This message has not been analysed yet: read it and start by acknowledging how the person feels.',
};

/** The brief for a case raised by a message with this analysis (null: not analysed), in `lang`. */
export function caseBrief(analysis: Analysis | null, lang: Lang): CaseBrief {
  if (!analysis) return { emotion: null, need: null, reason: null, urgency: null, steps: [NO_ANALYSIS[lang], OWN[lang]] };
  const emotion = analysis.emotions[0]?.label ?? null;
  const need = analysis.needs[0]?.label ?? null;
  const steps: string[] = [];
  if (emotion) steps.push(ACKNOWLEDGE[emotion][lang]);
  if (analysis.reason) steps.push(REASON[lang].replace('%s', analysis.reason));
  if (need) steps.push(ANSWER[need][lang]);
  steps.push(OWN[lang]);
  const urgency = analysis.signals.urgency;
  return {
    emotion: emotion ? { code: emotion, name: nameOf('emotions', emotion, lang) } : null,
    need: need ? { code: need, name: nameOf('needs', need, lang) } : null,
    reason: analysis.reason,
    urgency: { code: urgency, name: nameOf('urgencies', urgency, lang) },
    steps,
  };
}
