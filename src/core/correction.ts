/**
 * Label corrections: a person says what a finding of a customer message should have been (the emotions,
 * a missing churn intent...). The correction is stored with who made it, shown instead of the model's
 * finding in the listening station, and exported as labelled data for training. This module is the one
 * gate of a correction's field and value: its errors name the field, the bad value and the valid ones.
 */
import { InputError } from './errors.ts';
import { EMOTIONS, NEEDS, SENTIMENTS, STAGES, THEMES, URGENCIES } from './labels.ts';

/** The findings a person can correct, as stored (`emotion` is accepted as an alias of `emotions`). */
export const CORRECTION_FIELDS = ['emotions', 'needs', 'themes', 'stage', 'churn', 'urgency', 'vulnerable', 'sentiment'] as const;
export type CorrectionField = (typeof CORRECTION_FIELDS)[number];

/** The value of a correction: a label list, one label (or null: no stage), or a yes/no. */
export type CorrectionValue = string[] | string | null | boolean;

/** One stored correction of one finding of one message. */
export interface Correction {
  messageId: string;
  field: CorrectionField;
  value: CorrectionValue;
  /** Who made it (a name or an address as the caller gives it; "api" or "cli" when none). */
  actor: string;
  at: Date;
}

/** A correction as the listening station shows it: the value now shown, and the model's that it replaced. */
export interface AppliedCorrection {
  field: CorrectionField;
  value: CorrectionValue;
  modelValue: CorrectionValue;
  actor: string;
  at: Date;
}

const LABEL_LISTS: Record<'emotions' | 'needs' | 'themes', readonly string[]> = { emotions: EMOTIONS, needs: NEEDS, themes: THEMES };
const ONE_OF: Record<'stage' | 'urgency' | 'sentiment', readonly string[]> = { stage: STAGES, urgency: URGENCIES, sentiment: SENTIMENTS };

const shown = (v: unknown): string => JSON.stringify(v) ?? String(v);

/** The canonical field name of a correction; InputError naming the valid ones. */
export function parseCorrectionField(raw: unknown): CorrectionField {
  if (raw === 'emotion') return 'emotions';
  if (typeof raw === 'string' && (CORRECTION_FIELDS as readonly string[]).includes(raw)) return raw as CorrectionField;
  throw new InputError(
    `"field" ${shown(raw)} cannot be corrected. Use one of: ${CORRECTION_FIELDS.join(', ')}.`,
    { parameter: 'field' },
  );
}

/**
 * Checks a correction's value against the label sets of src/core/labels.ts and returns it in its stored
 * form: label lists sorted as given without duplicates ("neutral" or [] means no emotion), one label,
 * null for no stage, or a boolean. InputError naming the field, the value and the valid ones.
 */
export function parseCorrectionValue(field: CorrectionField, raw: unknown): CorrectionValue {
  const fail = (expected: string): never => {
    throw new InputError(`"value" ${shown(raw)} is not valid for "${field}": ${expected}.`, { parameter: 'value', field });
  };
  switch (field) {
    case 'emotions':
    case 'needs':
    case 'themes': {
      const labels = LABEL_LISTS[field];
      const expected = `give a list of ${field} from ${labels.join(', ')}${field === 'emotions' ? ' (an empty list or "neutral": no emotion)' : ' (an empty list: none)'}`;
      const list = typeof raw === 'string' ? (field === 'emotions' && raw === 'neutral' ? [] : [raw]) : raw;
      if (!Array.isArray(list)) return fail(expected);
      const out: string[] = [];
      for (const l of list) {
        if (field === 'emotions' && l === 'neutral' && list.length === 1) continue;
        if (typeof l !== 'string' || !labels.includes(l)) {
          throw new InputError(`"value" ${shown(raw)} is not valid for "${field}": ${shown(l)} is not one of ${labels.join(', ')}.`, { parameter: 'value', field });
        }
        if (!out.includes(l)) out.push(l);
      }
      return out;
    }
    case 'stage':
      if (raw === null || raw === 'none') return null;
      return typeof raw === 'string' && STAGES.includes(raw as (typeof STAGES)[number]) ? raw : fail(`give one of ${STAGES.join(', ')}, or null for no stage`);
    case 'urgency':
    case 'sentiment':
      return typeof raw === 'string' && ONE_OF[field].includes(raw) ? raw : fail(`give one of ${ONE_OF[field].join(', ')}`);
    case 'churn':
    case 'vulnerable':
      return typeof raw === 'boolean' ? raw : fail('give true or false');
  }
}

/** Keeps the latest correction per field (input in any order; ties broken by position, later wins). */
export function latestCorrections(corrections: readonly Correction[]): Correction[] {
  const byField = new Map<CorrectionField, Correction>();
  for (const c of corrections) {
    const prior = byField.get(c.field);
    if (!prior || c.at.getTime() >= prior.at.getTime()) byField.set(c.field, c);
  }
  return CORRECTION_FIELDS.flatMap((f) => (byField.has(f) ? [byField.get(f)!] : []));
}
