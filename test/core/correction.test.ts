/**
 * The correction gate and its application to an analysis (pure): every field's accepted values and
 * refusals, the latest correction per field winning, and the model's value kept for display.
 */
import { describe, expect, it } from 'vitest';
import { applyCorrections } from '../../src/core/apply-corrections.ts';
import { latestCorrections, parseCorrectionField, parseCorrectionValue, type Correction } from '../../src/core/correction.ts';
import { InputError } from '../../src/core/errors.ts';
import { analysis } from '../act/alert-rule-fixtures.ts';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
const c = (field: Correction['field'], value: Correction['value'], s = 0, actor = 'léa'): Correction => ({ messageId: '1', field, value, actor, at: at(s) });

describe('parseCorrectionField / parseCorrectionValue', () => {
  it('accepts each field’s values in their stored form', () => {
    expect(parseCorrectionField('emotion')).toBe('emotions');
    expect(parseCorrectionValue('emotions', 'neutral')).toEqual([]);
    expect(parseCorrectionValue('emotions', ['anger', 'anger', 'joy'])).toEqual(['anger', 'joy']);
    expect(parseCorrectionValue('needs', 'speed')).toEqual(['speed']);
    expect(parseCorrectionValue('themes', [])).toEqual([]);
    expect(parseCorrectionValue('stage', null)).toBeNull();
    expect(parseCorrectionValue('stage', 'renewal')).toBe('renewal');
    expect(parseCorrectionValue('churn', false)).toBe(false);
    expect(parseCorrectionValue('sentiment', 'neutral')).toBe('neutral');
  });

  it.each([
    ['field', () => parseCorrectionField('reason'), /"field" "reason" cannot be corrected/],
    ['emotions as a number', () => parseCorrectionValue('emotions', 3), /give a list of emotions/],
    ['a theme outside the taxonomy', () => parseCorrectionValue('themes', ['wifi']), /"wifi" is not one of delay/],
    ['a vulnerable "true" string', () => parseCorrectionValue('vulnerable', 'true'), /give true or false/],
    ['a sentiment outside the scale', () => parseCorrectionValue('sentiment', 'mixed'), /negative, neutral, positive/],
  ])('refuses %s with InputError naming the valid values', (_label, fn, message) => {
    expect(fn).toThrow(InputError);
    expect(fn).toThrow(message);
  });
});

describe('applyCorrections', () => {
  it('applies the latest correction per field and keeps the model’s value of each', () => {
    const a = analysis();
    const { analysis: out, applied } = applyCorrections(a, [c('churn', false, 5, 'marc'), c('churn', true, 1), c('stage', null, 2), c('emotions', ['relief'], 3)]);
    expect(out.signals.churnIntent).toBe(false);
    expect(out.stage).toBeNull();
    expect(out.emotions).toEqual([{ label: 'relief', score: 1, evidence: null }]);
    expect(out.needs).toEqual(a.needs);
    expect(applied).toEqual([
      { field: 'emotions', value: ['relief'], modelValue: ['anger', 'frustration'], actor: 'léa', at: at(3) },
      { field: 'stage', value: null, modelValue: 'billing', actor: 'léa', at: at(2) },
      { field: 'churn', value: false, modelValue: true, actor: 'marc', at: at(5) },
    ]);
    // The input analysis is not changed.
    expect(a.signals.churnIntent).toBe(true);
  });

  it('moves the sentiment score to the corrected side of zero, keeping the model’s when it agrees', () => {
    expect(applyCorrections(analysis(), [c('sentiment', 'positive')]).analysis.sentiment).toEqual({ label: 'positive', score: 0.5 });
    expect(applyCorrections(analysis(), [c('sentiment', 'negative')]).analysis.sentiment).toEqual({ label: 'negative', score: -0.7 });
    expect(applyCorrections(analysis(), [c('sentiment', 'neutral')]).analysis.sentiment).toEqual({ label: 'neutral', score: 0 });
  });

  it('breaks ties at the same time by order: the later one wins', () => {
    expect(latestCorrections([c('urgency', 'low', 1), c('urgency', 'high', 1)]).map((x) => x.value)).toEqual(['high']);
  });
});
