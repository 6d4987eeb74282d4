import { describe, expect, it } from 'vitest';
import { isSpikeRule, parseRuleDefinition } from '../../src/core/alert-rule.ts';
import { InputError } from '../../src/core/errors.ts';
import { formatDuration, parseDuration } from '../../src/core/duration.ts';

/** The message of the InputError thrown for `input`. */
function problem(input: unknown): string {
  try {
    parseRuleDefinition(input);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error('expected the rule to be rejected');
}

describe('alert rule definitions', () => {
  it('accepts single values or lists, applies defaults and keeps the rule as written', () => {
    const d = parseRuleDefinition({
      name: '  Churn, high value  ',
      conditions: { churn: true, customerValueAtLeast: 5000, emotion: 'anger', theme: ['billing', 'price'], language: 'FR', urgency: 'medium', npsBand: 'detractor', brand: 'own' },
      actions: [{ type: 'case', owner: 'Léa' }, { type: 'email', to: 'lea@example.com' }, { type: 'webhook', url: 'https://hooks.slack.com/services/T/B/x', format: 'slack' }, { type: 'webhook', url: 'http://127.0.0.1:9/hook' }],
    });
    expect(d).toEqual({
      name: 'Churn, high value',
      conditions: { churn: true, customerValueAtLeast: 5000, emotion: ['anger'], theme: ['billing', 'price'], language: ['fr'], urgency: 'medium', npsBand: ['detractor'], brand: 'own' },
      actions: [
        { type: 'case', owner: 'Léa' }, { type: 'email', to: 'lea@example.com' },
        { type: 'webhook', url: 'https://hooks.slack.com/services/T/B/x', format: 'slack' }, { type: 'webhook', url: 'http://127.0.0.1:9/hook', format: 'json' },
      ],
      dedupeWindow: '24h',
    });
    expect(isSpikeRule(d)).toBe(false);
    expect(parseRuleDefinition({ name: 'x', conditions: { vulnerable: true } }).actions).toEqual([]);
  });

  it('fills a spike condition with its defaults and knows it is a spike rule', () => {
    const d = parseRuleDefinition({ name: 'Billing spike', conditions: { spike: { kind: 'theme', label: 'billing' }, channel: 'chat' } });
    expect(d.conditions.spike).toEqual({ kind: 'theme', label: 'billing', factor: 3, minCount: 5, window: '24h', baselineWindows: 7 });
    expect(isSpikeRule(d)).toBe(true);
  });

  it('names the field, the bad value and the known values', () => {
    expect(problem({ name: 'x', conditions: { emotion: 'angry' } })).toBe(
      'The rule is invalid: conditions.emotion: unknown emotion "angry": known emotions are anger, frustration, anxiety, confusion, disappointment, sadness, disgust, surprise, joy, gratitude, relief, trust. Fix it and try again.',
    );
    expect(problem({ name: 'x', conditions: { theme: ['billing', 'invoices'] } })).toMatch(/conditions\.theme\[1\]: unknown theme "invoices": known themes are delay, .*billing/);
    expect(problem({ name: 'x', conditions: { stage: 'checkout' } })).toMatch(/conditions\.stage: unknown stage "checkout": known stages are discover, purchase/);
    expect(problem({ name: 'x', conditions: { need: 'money' } })).toMatch(/unknown need "money": known needs are resolution/);
    expect(problem({ name: 'x', conditions: { channel: 'fax' } })).toMatch(/unknown channel "fax": known channels are ticket, email/);
    expect(problem({ name: 'x', conditions: { urgency: 'critical' } })).toMatch(/conditions\.urgency: unknown urgency "critical": known urgencies are low, medium, high/);
    expect(problem({ name: 'x', conditions: { npsBand: 'detractors' } })).toMatch(/unknown NPS band "detractors": known NPS bands are detractor, passive, promoter/);
    expect(problem({ name: 'x', conditions: { csatBand: 'unhappy' } })).toMatch(/known CSAT bands are dissatisfied, neutral, satisfied/);
    expect(problem({ name: 'x', conditions: { brand: 'ours' } })).toMatch(/brand "ours" is unknown: use "own" \(your brand\) or "competitor"/);
    expect(problem({ name: 'x', conditions: { language: 'French' } })).toMatch(/conditions\.language: language must be an ISO 639-1 code such as "fr" or "en"/);
    expect(problem({ name: 'x', conditions: { churn: false } })).toMatch(/conditions\.churn: churn can only be true \(leave it out/);
    expect(problem({ name: 'x', conditions: { customerValueAtLeast: -1 } })).toMatch(/customerValueAtLeast must be 0 or more/);
  });

  it('rejects unknown fields, empty conditions and bad actions with the fix', () => {
    expect(problem({ name: 'x', conditions: { emotions: 'anger' } })).toMatch(/conditions: unknown condition "emotions": conditions are emotion, need, theme/);
    expect(problem({ name: 'x', conditions: { emotions: 'anger' } })).not.toMatch(/empty/);
    expect(problem({ name: 'x', conditions: {} })).toMatch(/conditions is empty: give at least one, e\.g\. \{"churn": true\}/);
    expect(problem({ name: 'x', conditions: { churn: true }, extra: 1 })).toMatch(/unknown field "extra": a rule has name, description, conditions, actions, dedupeWindow/);
    expect(problem({ conditions: { churn: true } })).toMatch(/^The rule is invalid: name: name is missing/);
    expect(problem({ name: 'x', conditions: { churn: true }, actions: [{ type: 'sms' }] })).toMatch(/actions\[0\]\.type: unknown action type: each action needs "type": "case", "email" or "webhook"/);
    expect(problem({ name: 'x', conditions: { churn: true }, actions: [{ type: 'email', to: 'lea' }] })).toMatch(/actions\[0\]\.to: to "lea" is not an e-mail address/);
    expect(problem({ name: 'x', conditions: { churn: true }, actions: [{ type: 'webhook', url: 'ftp://x.y' }] })).toMatch(/actions\[0\]\.url: url "ftp:\/\/x\.y" is not an http\(s\) URL/);
    expect(problem({ name: 'x', conditions: { churn: true }, actions: [{ type: 'webhook', url: 'https://x.y', format: 'discord' }] })).toMatch(/format "discord" is unknown: use "json", "slack" or "teams"/);
    expect(problem({ name: 'x', conditions: { churn: true }, dedupeWindow: '2 weeks' })).toMatch(/dedupeWindow: dedupeWindow "2 weeks" is not a duration: write a whole number and a unit, e\.g\. "30m", "24h" or "7d"/);
    expect(problem([1, 2])).toBe('The rule is invalid: a rule must be a JSON object with name, conditions and actions. Fix it and try again.');
  });

  it('checks that a spike label belongs to its kind', () => {
    expect(problem({ name: 'x', conditions: { spike: { kind: 'emotion', label: 'billing' } } })).toMatch(/conditions\.spike\.label: unknown emotion "billing": known emotions are anger/);
    expect(problem({ name: 'x', conditions: { spike: { kind: 'topic', label: 'billing' } } })).toMatch(/spike kind "topic" is unknown: use "theme" or "emotion"/);
    expect(problem({ name: 'x', conditions: { spike: { kind: 'theme', label: 'billing', factor: 0.5 } } })).toMatch(/spike factor must be at least 1/);
    expect(problem({ name: 'x', conditions: { spike: { kind: 'theme', label: 'billing', window: 'daily' } } })).toMatch(/spike window "daily" is not a duration/);
  });

  it('lists at most five problems and counts the rest, with every issue in the details', () => {
    try {
      parseRuleDefinition({ name: '', conditions: { emotion: 'a', need: 'b', theme: 'c', stage: 'd', channel: 'e', brand: 'f' } });
      throw new Error('expected a rejection');
    } catch (err) {
      expect((err as Error).message).toMatch(/; and 2 more\. Fix it and try again\.$/);
      expect((err as InputError).details?.issues).toHaveLength(7);
    }
  });

  it('reads durations', () => {
    expect(parseDuration('24h')).toBe(86_400_000);
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('7d')).toBe(7 * 86_400_000);
    expect(parseDuration('0')).toBe(0);
    expect(parseDuration('1 day')).toBeNull();
    expect(formatDuration(86_400_000)).toBe('1d');
    expect(formatDuration(90 * 60_000)).toBe('90m');
  });
});
