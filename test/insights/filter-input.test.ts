import { describe, expect, it } from 'vitest';
import { computeInsights } from '../../src/insights/compute-insights.ts';
import { filterInsightsInput, filterKey, isEmptyFilter, resolvePeriod, type InsightFilter } from '../../src/insights/filter-input.ts';
import type { InsightsInput } from '../../src/insights/types.ts';
import { employee, message, survey } from './fixtures.ts';

const DAY = 86_400_000;
/** The injected clock: Wednesday 2026-11-18 12:00 UTC (Q4 2026). */
const NOW = new Date('2026-11-18T12:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);

function input(messages: InsightsInput['messages'], surveys: InsightsInput['surveys'] = [], employees: InsightsInput['employees'] = []): InsightsInput {
  return { messages, surveys, employees, settings: { language: 'fr', desiredEmotions: {}, currency: 'EUR' } as InsightsInput['settings'], now: NOW };
}

/** The ids of the messages a filter keeps. */
function kept(messages: InsightsInput['messages'], filter: InsightFilter): string[] {
  return filterInsightsInput(input(messages), filter).messages.map((m) => m.messageId);
}

describe('resolvePeriod (injected clock)', () => {
  it('resolves presets against the clock given, not the machine date', () => {
    expect(resolvePeriod({ period: '7d' }, NOW)).toEqual({ from: NOW.getTime() - 7 * DAY, to: NOW.getTime() + 1 });
    expect(resolvePeriod({ period: 'this_quarter' }, NOW)).toEqual({ from: Date.UTC(2026, 9, 1), to: Date.UTC(2027, 0, 1) });
    expect(resolvePeriod({ period: 'last_quarter' }, NOW)).toEqual({ from: Date.UTC(2026, 6, 1), to: Date.UTC(2026, 9, 1) });
    // In January, last quarter is the previous year's Q4.
    expect(resolvePeriod({ period: 'last_quarter' }, new Date('2027-01-05T00:00:00Z'))).toEqual({ from: Date.UTC(2026, 9, 1), to: Date.UTC(2027, 0, 1) });
    expect(resolvePeriod({ from: '2026-10-01', to: '2026-10-31' }, NOW)).toEqual({ from: Date.UTC(2026, 9, 1), to: Date.UTC(2026, 10, 1) });
    expect(resolvePeriod({}, NOW)).toEqual({ from: null, to: null });
  });
});

describe('filterInsightsInput: period boundaries', () => {
  for (const [preset, days] of [['7d', 7], ['30d', 30], ['90d', 90]] as const) {
    it(`last ${days} days keeps a message exactly ${days} days old and now, not one a millisecond older or later`, () => {
      const edge = message({ messageId: 'edge', at: ago(days * DAY) });
      const older = message({ messageId: 'older', at: ago(days * DAY + 1) });
      const atNow = message({ messageId: 'now', at: NOW });
      const future = message({ messageId: 'future', at: new Date(NOW.getTime() + 1) });
      expect(kept([older, edge, atNow, future], { period: preset })).toEqual(['edge', 'now']);
    });
  }

  it('this quarter starts at 1 October 00:00 UTC; last quarter ends just before it', () => {
    const q3Last = message({ messageId: 'q3-last', at: new Date(Date.UTC(2026, 9, 1) - 1) });
    const q4First = message({ messageId: 'q4-first', at: new Date(Date.UTC(2026, 9, 1)) });
    const q3First = message({ messageId: 'q3-first', at: new Date(Date.UTC(2026, 6, 1)) });
    const q2Last = message({ messageId: 'q2-last', at: new Date(Date.UTC(2026, 6, 1) - 1) });
    const all = [q2Last, q3First, q3Last, q4First];
    expect(kept(all, { period: 'this_quarter' })).toEqual(['q4-first']);
    expect(kept(all, { period: 'last_quarter' })).toEqual(['q3-first', 'q3-last']);
  });

  it('a custom range includes both end days whole; either end may stay open', () => {
    const before = message({ messageId: 'before', at: new Date('2026-09-30T23:59:59.999Z') });
    const first = message({ messageId: 'first', at: new Date('2026-10-01T00:00:00Z') });
    const last = message({ messageId: 'last', at: new Date('2026-10-31T23:59:59.999Z') });
    const after = message({ messageId: 'after', at: new Date('2026-11-01T00:00:00Z') });
    const all = [before, first, last, after];
    expect(kept(all, { from: '2026-10-01', to: '2026-10-31' })).toEqual(['first', 'last']);
    expect(kept(all, { from: '2026-10-01' })).toEqual(['first', 'last', 'after']);
    expect(kept(all, { to: '2026-10-31' })).toEqual(['before', 'first', 'last']);
  });

  it('labels the insights with the period asked, capped at now', () => {
    const filtered = filterInsightsInput(input([message({ at: ago(DAY) })]), { period: '30d' });
    expect(filtered.period).toEqual({ from: ago(30 * DAY), to: NOW });
  });
});

describe('filterInsightsInput: dimensions', () => {
  const billingFr = message({ messageId: 'a', team: 'Billing', segment: 'SME', channel: 'email', brand: 'Azur', language: 'fr', at: ago(DAY), conversationId: 'c-a' });
  const billingEn = message({ messageId: 'b', team: 'Billing', segment: 'SME', channel: 'chat', brand: 'Azur', language: 'en', at: ago(DAY), conversationId: 'c-b' });
  const supportFr = message({ messageId: 'c', team: 'Support', segment: 'Retail', channel: 'email', brand: 'Rival', language: 'fr', at: ago(DAY), conversationId: 'c-c' });
  const all = [billingFr, billingEn, supportFr];

  it('keeps messages matching every criterion', () => {
    expect(kept(all, { team: 'Billing' })).toEqual(['a', 'b']);
    expect(kept(all, { team: 'Billing', language: 'fr' })).toEqual(['a']);
    expect(kept(all, { segment: 'Retail' })).toEqual(['c']);
    expect(kept(all, { channel: 'chat' })).toEqual(['b']);
    expect(kept(all, { brand: 'Rival' })).toEqual(['c']);
    expect(kept(all, { team: 'Nobody' })).toEqual([]);
  });

  it('filters survey answers by their own fields and by their conversation’s language; employees by team', () => {
    const surveys = [
      survey('nps', 9, { conversationId: 'c-a', team: 'Billing', at: ago(DAY) }),
      survey('nps', 2, { conversationId: 'c-b', team: 'Billing', at: ago(DAY) }),
      survey('nps', 5, { conversationId: 'c-c', team: 'Support', at: ago(40 * DAY) }),
    ];
    const employees = [employee('Billing', 8), employee('Support', 3)];
    const byLang = filterInsightsInput(input(all, surveys, employees), { language: 'en' });
    expect(byLang.surveys.map((s) => s.score)).toEqual([2]);
    expect(byLang.employees).toHaveLength(2);
    const byTeam = filterInsightsInput(input(all, surveys, employees), { team: 'Support' });
    expect(byTeam.surveys.map((s) => s.score)).toEqual([5]);
    expect(byTeam.employees.map((e) => e.team)).toEqual(['Support']);
    expect(filterInsightsInput(input(all, surveys), { period: '30d' }).surveys.map((s) => s.score)).toEqual([9, 2]);
  });

  it('reports on the brand chosen, so a competitor’s filter shows its figures, not nothing', () => {
    const filtered = filterInsightsInput(input(all), { brand: 'Rival' });
    expect(filtered.settings.brand).toBe('Rival');
    expect(computeInsights(filtered).messages.customer).toBe(1);
  });

  it('an empty filter returns the input itself (the unfiltered path does no work)', () => {
    const i = input(all);
    expect(filterInsightsInput(i, {})).toBe(i);
    expect(filterInsightsInput(i, undefined)).toBe(i);
    expect(isEmptyFilter({ team: undefined })).toBe(true);
  });

  it('gives the same question the same cache key whatever the field order', () => {
    expect(filterKey({ team: 'Billing', period: '30d' })).toBe(filterKey({ period: '30d', team: 'Billing' }));
    expect(filterKey({ team: 'Billing' })).not.toBe(filterKey({ segment: 'Billing' }));
    expect(filterKey({})).toBe('');
  });
});
