/**
 * French and English display names of every label of the analysis contract, in core so that every
 * layer (insights, act, learn, the UI through /api/i18n) names a label the same way.
 */
import type { Channel, Emotion, Need, SentimentLabel, Stage, Theme, Urgency } from './labels.ts';
import type { Lang, Localized } from './lang.ts';

export type { Lang, Localized } from './lang.ts';

/**
 * French and English names of every label of the analysis contract. The web UI (via /api/i18n), the
 * reports and the digests all read them from here so a label is named the same way everywhere.
 */
export const LABEL_NAMES = {
  emotions: {
    anger: { fr: 'Colère', en: 'Anger' },
    frustration: { fr: 'Frustration', en: 'Frustration' },
    anxiety: { fr: 'Inquiétude', en: 'Anxiety' },
    confusion: { fr: 'Confusion', en: 'Confusion' },
    disappointment: { fr: 'Déception', en: 'Disappointment' },
    sadness: { fr: 'Tristesse', en: 'Sadness' },
    disgust: { fr: 'Dégoût', en: 'Disgust' },
    surprise: { fr: 'Surprise', en: 'Surprise' },
    joy: { fr: 'Joie', en: 'Joy' },
    gratitude: { fr: 'Gratitude', en: 'Gratitude' },
    relief: { fr: 'Soulagement', en: 'Relief' },
    trust: { fr: 'Confiance', en: 'Trust' },
  } satisfies Record<Emotion, Localized>,
  needs: {
    resolution: { fr: 'Résolution', en: 'Resolution' },
    speed: { fr: 'Rapidité', en: 'Speed' },
    information: { fr: 'Information', en: 'Information' },
    reassurance: { fr: 'Réassurance', en: 'Reassurance' },
    fairness: { fr: 'Équité', en: 'Fairness' },
    respect: { fr: 'Respect', en: 'Respect' },
    autonomy: { fr: 'Autonomie', en: 'Autonomy' },
    reliability: { fr: 'Fiabilité', en: 'Reliability' },
  } satisfies Record<Need, Localized>,
  themes: {
    delay: { fr: 'Retard', en: 'Delay' },
    cancellation: { fr: 'Annulation', en: 'Cancellation' },
    lost_or_damaged: { fr: 'Perdu ou endommagé', en: 'Lost or damaged' },
    wait_time: { fr: "Temps d'attente", en: 'Wait time' },
    staff_attitude: { fr: 'Attitude du personnel', en: 'Staff attitude' },
    unresolved: { fr: 'Non résolu', en: 'Unresolved' },
    billing: { fr: 'Facturation', en: 'Billing' },
    price: { fr: 'Prix', en: 'Price' },
    product_quality: { fr: 'Qualité du produit', en: 'Product quality' },
    technical: { fr: 'Problème technique', en: 'Technical issue' },
    account_access: { fr: 'Accès au compte', en: 'Account access' },
    information: { fr: 'Information', en: 'Information' },
    policy: { fr: 'Règles et conditions', en: 'Policy' },
    booking: { fr: 'Réservation', en: 'Booking' },
  } satisfies Record<Theme, Localized>,
  stages: {
    discover: { fr: 'Découverte', en: 'Discover' },
    purchase: { fr: 'Achat', en: 'Purchase' },
    onboarding: { fr: 'Prise en main', en: 'Onboarding' },
    delivery: { fr: 'Livraison', en: 'Delivery' },
    usage: { fr: 'Utilisation', en: 'Usage' },
    billing: { fr: 'Facturation', en: 'Billing' },
    support: { fr: 'Support', en: 'Support' },
    renewal: { fr: 'Renouvellement', en: 'Renewal' },
    cancellation: { fr: 'Résiliation', en: 'Cancellation' },
  } satisfies Record<Stage, Localized>,
  channels: {
    ticket: { fr: 'Ticket', en: 'Ticket' },
    email: { fr: 'E-mail', en: 'Email' },
    chat: { fr: 'Chat', en: 'Chat' },
    call: { fr: 'Appel', en: 'Call' },
    survey: { fr: 'Enquête', en: 'Survey' },
    review: { fr: 'Avis', en: 'Review' },
    social: { fr: 'Réseaux sociaux', en: 'Social media' },
  } satisfies Record<Channel, Localized>,
  sentiments: {
    negative: { fr: 'Négatif', en: 'Negative' },
    neutral: { fr: 'Neutre', en: 'Neutral' },
    positive: { fr: 'Positif', en: 'Positive' },
  } satisfies Record<SentimentLabel, Localized>,
  urgencies: {
    low: { fr: 'Faible', en: 'Low' },
    medium: { fr: 'Moyenne', en: 'Medium' },
    high: { fr: 'Haute', en: 'High' },
  } satisfies Record<Urgency, Localized>,
} as const;

/** A kind of label with names (emotions, needs, themes, stages...). */
export type LabelKind = keyof typeof LABEL_NAMES;

/** How the own brand is labelled next to competitors when the workspace has not named it. */
export const OWN_BRAND: Localized = { fr: 'Nous', en: 'Us' };

/** Both names of a label; unknown labels (e.g. a custom theme) fall back to the code itself. */
export function labelOf(kind: LabelKind, code: string): Localized {
  const names = LABEL_NAMES[kind] as Record<string, Localized>;
  return names[code] ?? { fr: code.replace(/_/g, ' '), en: code.replace(/_/g, ' ') };
}

/** The name of a label in one language. */
export function nameOf(kind: LabelKind, code: string, lang: Lang): string {
  return labelOf(kind, code)[lang];
}
