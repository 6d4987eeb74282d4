/**
 * Alert rules: what a workspace wants to hear about, and what to do then. A rule is a set of
 * conditions over a message's analysis and its customer (all must hold) and a list of actions (open a
 * case, e-mail an owner, post to a webhook). A rule with a `spike` condition watches counts instead of
 * single messages: it fires when a theme or emotion is far above its baseline. The definition is
 * stored as JSON, versioned; this schema is its only gate, and its messages name the field and the fix.
 */
import { z } from 'zod';
import { DURATION_HINT, parseDuration } from './duration.ts';
import { InputError } from './errors.ts';
import { CHANNELS, EMOTIONS, NEEDS, STAGES, THEMES, URGENCIES } from './labels.ts';

/** NPS bands: detractor 0–6, passive 7–8, promoter 9–10. */
export const NPS_BANDS = ['detractor', 'passive', 'promoter'] as const;
export type NpsBand = (typeof NPS_BANDS)[number];

/** CSAT bands (1–5): dissatisfied 1–2, neutral 3, satisfied 4–5. */
export const CSAT_BANDS = ['dissatisfied', 'neutral', 'satisfied'] as const;
export type CsatBand = (typeof CSAT_BANDS)[number];

export const WEBHOOK_FORMATS = ['json', 'slack', 'teams'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

const CONDITION_KEYS = [
  'emotion', 'need', 'theme', 'stage', 'churn', 'urgency', 'vulnerable', 'npsBand', 'csatBand',
  'customerValueAtLeast', 'channel', 'brand', 'language', 'spike',
] as const;

const list = (values: readonly string[]) => values.join(', ');

/** A closed label set whose error names the bad value and every valid one. */
function labelEnum<const T extends readonly [string, ...string[]]>(what: string, plural: string, values: T) {
  return z.enum(values, { error: (iss) => `unknown ${what} ${JSON.stringify(iss.input)}: known ${plural} are ${list(values)}` });
}

/** One value or a list of them (any of which matches), kept as a non-empty list. */
function oneOrMany<T extends z.ZodType>(item: T, what: string) {
  return z.preprocess(
    (v) => (Array.isArray(v) ? v : [v]),
    z.array(item).min(1, `give at least one ${what}, or leave the condition out`),
  );
}

const duration = (field: string, fallback: string) =>
  z.string({ error: `${field} must be a text such as "24h": ${DURATION_HINT}` })
    .refine((s) => parseDuration(s) !== null, { error: (iss) => `${field} ${JSON.stringify(iss.input)} is not a duration: ${DURATION_HINT}` })
    .default(fallback);

/** A spike: a theme or emotion counted over `window` is at least `factor` times its baseline. */
export const SpikeConditionSchema = z.strictObject({
  kind: z.enum(['theme', 'emotion'], { error: (iss) => `spike kind ${JSON.stringify(iss.input)} is unknown: use "theme" or "emotion"` }),
  label: z.string({ error: 'spike label is missing: name the theme or emotion to watch, e.g. "billing" or "anger"' }),
  /** How many times the baseline the window's count must reach. */
  factor: z.number({ error: 'spike factor must be a number such as 3 (times the baseline)' }).min(1, 'spike factor must be at least 1 (times the baseline)').max(1000).default(3),
  /** Smallest count in the window worth an alert, so two messages on a quiet day never page anyone. */
  minCount: z.number({ error: 'spike minCount must be a whole number such as 5' }).int('spike minCount must be a whole number such as 5').min(1, 'spike minCount must be at least 1').default(5),
  /** The window counted, ending now; the baseline is the mean of the `baselineWindows` windows before it. */
  window: duration('spike window', '24h').refine((s) => (parseDuration(s) ?? 0) >= 60_000, 'spike window must be at least "1m"'),
  baselineWindows: z.number().int('spike baselineWindows must be a whole number such as 7').min(1, 'spike baselineWindows must be at least 1').max(365, 'spike baselineWindows must be at most 365').default(7),
}, { error: (iss) => (iss.code === 'unrecognized_keys' ? `unknown spike field "${iss.keys.join('", "')}": spike fields are kind, label, factor, minCount, window, baselineWindows` : undefined) })
  .superRefine((s, ctx) => {
    const known: readonly string[] = s.kind === 'theme' ? THEMES : EMOTIONS;
    if (!known.includes(s.label)) {
      ctx.addIssue({ code: 'custom', path: ['label'], message: `unknown ${s.kind} ${JSON.stringify(s.label)}: known ${s.kind === 'theme' ? 'themes' : 'emotions'} are ${list(known)}` });
    }
  });
export type SpikeCondition = z.infer<typeof SpikeConditionSchema>;

/** Conditions over one message's analysis and customer; every condition given must hold. */
export const RuleConditionsSchema = z.strictObject({
  emotion: oneOrMany(labelEnum('emotion', 'emotions', EMOTIONS), 'emotion').optional(),
  need: oneOrMany(labelEnum('need', 'needs', NEEDS), 'need').optional(),
  theme: oneOrMany(labelEnum('theme', 'themes', THEMES), 'theme').optional(),
  stage: oneOrMany(labelEnum('stage', 'stages', STAGES), 'stage').optional(),
  churn: z.literal(true, { error: 'churn can only be true (leave it out to ignore churn intent)' }).optional(),
  /** At least this urgency. */
  urgency: labelEnum('urgency', 'urgencies', URGENCIES).optional(),
  vulnerable: z.literal(true, { error: 'vulnerable can only be true (leave it out to ignore vulnerability)' }).optional(),
  npsBand: oneOrMany(labelEnum('NPS band', 'NPS bands', NPS_BANDS), 'NPS band').optional(),
  csatBand: oneOrMany(labelEnum('CSAT band', 'CSAT bands', CSAT_BANDS), 'CSAT band').optional(),
  /** The customer's annual value, in the workspace currency. */
  customerValueAtLeast: z.number({ error: 'customerValueAtLeast must be a number (annual customer value, workspace currency)' }).nonnegative('customerValueAtLeast must be 0 or more').optional(),
  channel: oneOrMany(labelEnum('channel', 'channels', CHANNELS), 'channel').optional(),
  brand: z.enum(['own', 'competitor'], { error: (iss) => `brand ${JSON.stringify(iss.input)} is unknown: use "own" (your brand) or "competitor"` }).optional(),
  language: oneOrMany(
    z.string().trim().toLowerCase().regex(/^[a-z]{2,3}$/, 'language must be an ISO 639-1 code such as "fr" or "en"'), 'language',
  ).optional(),
  spike: SpikeConditionSchema.optional(),
}, { error: (iss) => (iss.code === 'unrecognized_keys' ? `unknown condition "${iss.keys.join('", "')}": conditions are ${list(CONDITION_KEYS)}` : undefined) })
  .refine((c) => Object.values(c).some((v) => v !== undefined), {
    message: 'conditions is empty: give at least one, e.g. {"churn": true} or {"theme": "billing", "urgency": "high"}',
    // An unknown condition already says what is wrong; "empty" on top of it would mislead.
    when: (payload) => payload.issues.length === 0,
  });
export type RuleConditions = z.infer<typeof RuleConditionsSchema>;

const CaseActionSchema = z.strictObject({
  type: z.literal('case'),
  /** Default: the message's urgency. */
  priority: labelEnum('priority', 'priorities', URGENCIES).optional(),
  owner: z.string().trim().min(1, 'owner must not be empty: leave it out for an unassigned case').max(200).optional(),
  team: z.string().trim().min(1, 'team must not be empty: leave it out').max(200).optional(),
});

const EmailActionSchema = z.strictObject({
  type: z.literal('email'),
  to: z.email({ error: (iss) => `to ${JSON.stringify(iss.input)} is not an e-mail address: write one such as "lea@example.com"` }),
});

const WebhookActionSchema = z.strictObject({
  type: z.literal('webhook'),
  url: z.url({ protocol: /^https?$/, error: (iss) => `url ${JSON.stringify(iss.input)} is not an http(s) URL: give the full address, e.g. "https://hooks.slack.com/services/…"` }),
  format: z.enum(WEBHOOK_FORMATS, { error: (iss) => `format ${JSON.stringify(iss.input)} is unknown: use "json", "slack" or "teams"` }).default('json'),
});

/** What to do when a rule fires; each action becomes one delivery (or one case). */
export const RuleActionSchema = z.discriminatedUnion('type', [CaseActionSchema, EmailActionSchema, WebhookActionSchema], {
  error: (iss) => (iss.code === 'invalid_union' ? 'unknown action type: each action needs "type": "case", "email" or "webhook"' : undefined),
});
export type RuleAction = z.infer<typeof RuleActionSchema>;

/** A rule as written by a user (CLI file, API body, dashboard form). */
export const RuleDefinitionSchema = z.strictObject({
  name: z.string({ error: 'name is missing: give the rule a short name, e.g. "Churn risk, high-value customers"' })
    .trim().min(1, 'name must not be empty').max(200, 'name must be at most 200 characters'),
  description: z.string().max(2000, 'description must be at most 2000 characters').optional(),
  conditions: RuleConditionsSchema,
  /** Empty: the rule only records alerts (listed by `ecoute alerts` and the dashboard). */
  actions: z.array(RuleActionSchema, { error: 'actions must be a list, e.g. [{"type": "case"}]' }).max(20, 'at most 20 actions per rule').default([]),
  /** One alert per rule and customer within this window; "0" alerts on every matching message. */
  dedupeWindow: duration('dedupeWindow', '24h'),
}, { error: (iss) => (iss.code === 'unrecognized_keys' ? `unknown field "${iss.keys.join('", "')}": a rule has name, description, conditions, actions, dedupeWindow` : iss.code === 'invalid_type' ? 'a rule must be a JSON object with name, conditions and actions' : undefined) });
export type RuleDefinition = z.infer<typeof RuleDefinitionSchema>;

/** A stored version of a rule. */
export interface StoredRule {
  /** Stable across versions. */
  id: string;
  workspaceId: string;
  version: number;
  name: string;
  definition: RuleDefinition;
  /** False once removed, or for versions replaced by a newer one. */
  active: boolean;
  createdAt: Date;
  createdBy: string;
}

/**
 * "conditions.emotion[1]" from a zod path. An index the user did not write (a single value that the
 * schema wrapped in a list) is left out: `"emotion": "angry"` is reported at conditions.emotion.
 */
function fieldOf(path: readonly PropertyKey[], input: unknown): string {
  let field = '';
  let at: unknown = input;
  for (const p of path) {
    const isIndex = typeof p === 'number';
    if (isIndex && !Array.isArray(at)) continue;
    field = isIndex ? `${field}[${p}]` : field ? `${field}.${String(p)}` : String(p);
    at = at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[p] : undefined;
  }
  return field;
}

/** True when the rule watches counts (scheduled spike check) rather than single messages. */
export function isSpikeRule(rule: Pick<RuleDefinition, 'conditions'>): boolean {
  return rule.conditions.spike !== undefined;
}

/**
 * Validates a rule definition. Throws InputError whose message lists each problem with its field,
 * e.g. `conditions.emotion[0]: unknown emotion "angry": known emotions are anger, frustration, …`.
 */
export function parseRuleDefinition(input: unknown): RuleDefinition {
  const parsed = RuleDefinitionSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ field: fieldOf(i.path, input), message: i.message }));
  const shown = issues.slice(0, 5).map((i) => (i.field ? `${i.field}: ${i.message}` : i.message));
  const more = issues.length > 5 ? `; and ${issues.length - 5} more` : '';
  throw new InputError(`The rule is invalid: ${shown.join('; ')}${more}. Fix it and try again.`, { issues });
}
