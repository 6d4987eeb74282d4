import type { Need } from '../core/labels.ts';
import type { Localized } from './types.ts';
import { labelOf } from '../core/label-names.ts';

// How a customer driven by each need comes across, as an adjective (fr masculine generic) / English.
const TRAIT: Record<Need | 'loyal' | 'none', Localized> = {
  speed: { fr: 'pressé', en: 'hurried' },
  resolution: { fr: 'en quête de solution', en: 'solution-seeking' },
  information: { fr: 'en quête de clarté', en: 'clarity-seeking' },
  reassurance: { fr: 'inquiet', en: 'anxious' },
  fairness: { fr: 'qui se sent lésé', en: 'short-changed' },
  respect: { fr: 'qui veut être écouté', en: 'unheard' },
  autonomy: { fr: 'autonome', en: 'self-reliant' },
  reliability: { fr: 'exigeant', en: 'demanding' },
  loyal: { fr: 'fidèle', en: 'loyal' },
  none: { fr: 'discret', en: 'quiet' },
};

/**
 * A persona's name in French and English from its dominant need (or loyalty when content), its
 * segment and its main theme: "Le client pro pressé · Retard" / "The hurried pro customer · Delay".
 */
export function personaName(need: Need | null, segment: string | null, theme: string | null, content: boolean): Localized {
  const trait = TRAIT[content ? 'loyal' : need ?? 'none'];
  const seg = segment ? ` ${segment.toLowerCase()}` : '';
  const base: Localized = {
    fr: `Le client${seg} ${trait.fr}`,
    en: `The ${trait.en}${seg} customer`,
  };
  if (!theme || content) return base;
  const t = labelOf('themes', theme);
  return { fr: `${base.fr} · ${t.fr}`, en: `${base.en} · ${t.en}` };
}
