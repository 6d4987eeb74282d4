/**
 * The closed label sets of Écoute's analysis contract. The strings are stable API: the UI translates
 * them, the store keeps them verbatim. See ../../README.md#analysis for their definitions.
 */
export const EMOTIONS = [
  'anger', 'frustration', 'anxiety', 'confusion', 'disappointment', 'sadness', 'disgust',
  'surprise', 'joy', 'gratitude', 'relief', 'trust',
] as const;
export type Emotion = (typeof EMOTIONS)[number];

/** What would satisfy the customer. */
export const NEEDS = [
  'resolution', 'speed', 'information', 'reassurance', 'fairness', 'respect', 'autonomy', 'reliability',
] as const;
export type Need = (typeof NEEDS)[number];

/** Built-in theme taxonomy; workspaces may also discover their own themes (insights). */
export const THEMES = [
  'delay', 'cancellation', 'lost_or_damaged', 'wait_time', 'staff_attitude', 'unresolved', 'billing',
  'price', 'product_quality', 'technical', 'account_access', 'information', 'policy', 'booking',
] as const;
export type Theme = (typeof THEMES)[number];

/**
 * Themes that state a problem (something late, lost, broken, wrong or still open), as opposed to
 * staff_attitude, price, information and policy, which customers also use for praise or questions.
 */
export const PROBLEM_THEMES: ReadonlySet<Theme> = new Set<Theme>([
  'delay', 'cancellation', 'lost_or_damaged', 'wait_time', 'booking', 'technical', 'billing', 'product_quality',
  'account_access', 'unresolved',
]);

/** Customer journey stages. */
export const STAGES = [
  'discover', 'purchase', 'onboarding', 'delivery', 'usage', 'billing', 'support', 'renewal', 'cancellation',
] as const;
export type Stage = (typeof STAGES)[number];

/** Contact channels. */
export const CHANNELS = ['ticket', 'email', 'chat', 'call', 'survey', 'review', 'social'] as const;
export type Channel = (typeof CHANNELS)[number];

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export type SentimentLabel = (typeof SENTIMENTS)[number];

export const URGENCIES = ['low', 'medium', 'high'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const AUTHOR_ROLES = ['customer', 'agent', 'system'] as const;
export type AuthorRole = (typeof AUTHOR_ROLES)[number];

export const SURVEY_KINDS = ['nps', 'csat', 'ces'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

/** Valid score range per survey kind (inclusive). */
export const SURVEY_RANGES: Record<SurveyKind, readonly [number, number]> = {
  nps: [0, 10],
  csat: [1, 5],
  ces: [1, 7],
};

/** Emotions counted as negative when grouping (used by insights and the UI colour scale). */
export const NEGATIVE_EMOTIONS: readonly Emotion[] = [
  'anger', 'frustration', 'anxiety', 'confusion', 'disappointment', 'sadness', 'disgust',
];
