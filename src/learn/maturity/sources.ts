/**
 * The published CX frameworks the maturity questionnaire is drawn from, and the dimensions it scores.
 * Every question cites one of these sources, so a team that disagrees with a question can go back to
 * the idea behind it rather than argue with our wording.
 */

import type { Localized } from '../../core/lang.ts';

/** A text in both languages of Écoute; each is written natively, not translated word by word. */
export type { Localized };

/** The frameworks a question can come from. */
export const FRAMEWORKS = ['empathy-flywheel', 'empathy-pillar', 'empathy-muscle', 'service-design', 'customer-centric-culture'] as const;
/** One of FRAMEWORKS. */
export type Framework = (typeof FRAMEWORKS)[number];

/** Full citation of each framework, as a reader would look it up. */
export const SOURCES: Readonly<Record<Framework, string>> = {
  'empathy-flywheel':
    'Natalie Petouhoff & Tony Bates, Empathy in Action (IdeaPress, 2022): the empathy flywheel (listen, understand and predict, act, learn), the OODA loop and the maturity curve from transactional to empathy',
  'empathy-pillar':
    '"Pilier 6 de la stratégie client : Empathie" (customer-strategy pillars): the "Où en êtes-vous ?" self-assessment questions',
  'empathy-muscle':
    'Adrian Swinscoe, Punk CX (2019): the empathy muscle (strategy, systems, processes, design, technology, leadership, people, training)',
  'service-design':
    'Laurence Body, "Expérience client année zéro" (2017): observation, service design, signature moments',
  'customer-centric-culture':
    'Denise Lee Yohn, "6 Ways to Build a Customer-Centric Culture", Harvard Business Review (2018)',
};

/**
 * The scored dimensions: the four segments of the flywheel, then the four groups of the empathy
 * muscle that hold it up (Swinscoe's eight, paired where the questions overlap).
 */
export const DIMENSIONS = ['listen', 'understand', 'act', 'learn', 'strategy', 'leadership', 'people', 'systems'] as const;
/** One of DIMENSIONS. */
export type Dimension = (typeof DIMENSIONS)[number];

/** Dimension names as the questionnaire and the results show them. */
export const DIMENSION_NAMES: Readonly<Record<Dimension, Localized>> = {
  listen: { fr: 'Écouter', en: 'Listen' },
  understand: { fr: 'Comprendre et anticiper', en: 'Understand and predict' },
  act: { fr: 'Agir', en: 'Act' },
  learn: { fr: 'Apprendre', en: 'Learn' },
  strategy: { fr: 'Stratégie et conception', en: 'Strategy and design' },
  leadership: { fr: 'Leadership et culture', en: 'Leadership and culture' },
  people: { fr: 'Recrutement et formation', en: 'Hiring and training' },
  systems: { fr: 'Systèmes, processus et outils', en: 'Systems, processes and technology' },
};
