/**
 * The dashboard's filters (period, team, segment, channel, brand, language) applied to the insights
 * input, so every insight view answers the question asked ("billing, in French, last 30 days") from the
 * same pure computation as the unfiltered one. Pure: relative periods are resolved against `input.now`
 * (the injected clock), never the machine's.
 */
import type { Channel } from '../core/labels.ts';
import type { InsightsInput } from './types.ts';

/** Relative periods the dashboard offers, resolved against the clock (UTC, like the insights' weeks). */
export const PERIOD_PRESETS = ['7d', '30d', '90d', 'this_quarter', 'last_quarter'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/**
 * One filter of the insight views. Plain, JSON-serialisable data (it crosses into the insights worker).
 * `period` and `from`/`to` are exclusive: a preset, or a custom range of UTC days (YYYY-MM-DD, both
 * ends included, either may be left open).
 */
export interface InsightFilter {
  period?: PeriodPreset;
  from?: string;
  to?: string;
  team?: string;
  segment?: string;
  channel?: Channel;
  brand?: string;
  language?: string;
}

/** The fields of InsightFilter in a fixed order (the cache key and the query string follow it). */
export const INSIGHT_FILTER_FIELDS = ['period', 'from', 'to', 'team', 'segment', 'channel', 'brand', 'language'] as const;

const DAY = 86_400_000;

/** A half-open time range [from, to) in epoch ms; null ends are open. */
export interface TimeRange {
  from: number | null;
  to: number | null;
}

/** True when the filter narrows nothing (the unfiltered insights apply). */
export function isEmptyFilter(filter: InsightFilter | undefined): boolean {
  return !filter || INSIGHT_FILTER_FIELDS.every((k) => filter[k] === undefined);
}

/** A stable key of a filter ('' when empty): the same question always hits the same cache entry. */
export function filterKey(filter: InsightFilter | undefined): string {
  if (isEmptyFilter(filter)) return '';
  return INSIGHT_FILTER_FIELDS.filter((k) => filter![k] !== undefined)
    .map((k) => `${k}=${encodeURIComponent(filter![k]!)}`)
    .join('&');
}

/** Start (epoch ms, UTC) of the calendar quarter `offset` quarters from the one containing `now`. */
function quarterStart(now: Date, offset: number): number {
  const q = Math.floor(now.getUTCMonth() / 3) + offset;
  return Date.UTC(now.getUTCFullYear(), q * 3, 1);
}

/**
 * The time range a filter selects. Presets "last N days" are the N×24 h up to now (a message sent
 * exactly N days ago is in, one sent after now is out); quarters are UTC calendar quarters; a custom
 * range runs from 00:00 UTC of `from` to the end of `to`.
 */
export function resolvePeriod(filter: InsightFilter | undefined, now: Date): TimeRange {
  const t = now.getTime();
  switch (filter?.period) {
    case '7d': return { from: t - 7 * DAY, to: t + 1 };
    case '30d': return { from: t - 30 * DAY, to: t + 1 };
    case '90d': return { from: t - 90 * DAY, to: t + 1 };
    case 'this_quarter': return { from: quarterStart(now, 0), to: quarterStart(now, 1) };
    case 'last_quarter': return { from: quarterStart(now, -1), to: quarterStart(now, 0) };
    default: break;
  }
  return {
    from: filter?.from ? Date.parse(`${filter.from}T00:00:00Z`) : null,
    to: filter?.to ? Date.parse(`${filter.to}T00:00:00Z`) + DAY : null,
  };
}

/**
 * The insights input narrowed to a filter. Messages must match every criterion; survey answers match
 * on their own date, team, segment, channel and brand, and on language through their conversation
 * (an answer has no language of its own). Employee answers follow the team only: engagement surveys
 * are sparse and the EX–CX link needs them all (as in load-insights-input.ts). A brand filter makes
 * that brand the one reported on, so "brand = X" shows X's figures rather than nothing.
 */
export function filterInsightsInput(input: InsightsInput, filter: InsightFilter | undefined): InsightsInput {
  if (isEmptyFilter(filter)) return input;
  const f = filter!;
  const range = resolvePeriod(f, input.now);
  const inRange = (at: Date) => {
    const ms = at.getTime();
    return (range.from === null || ms >= range.from) && (range.to === null || ms < range.to);
  };
  const same = (want: string | undefined, have: string | null) => want === undefined || want === have;
  const messages = input.messages.filter((m) =>
    inRange(m.at) && same(f.team, m.team) && same(f.segment, m.segment) && same(f.channel, m.channel)
    && same(f.brand, m.brand) && same(f.language, m.language));
  let inLanguage: Set<string> | null = null;
  if (f.language !== undefined) {
    inLanguage = new Set();
    for (const m of input.messages) if (m.language === f.language) inLanguage.add(m.conversationId);
  }
  const surveys = input.surveys.filter((s) =>
    inRange(s.at) && same(f.team, s.team) && same(f.segment, s.segment) && same(f.channel, s.channel)
    && same(f.brand, s.brand) && (inLanguage === null || inLanguage.has(s.conversationId)));
  const employees = f.team === undefined ? input.employees : input.employees.filter((e) => e.team === f.team);
  const settings = f.brand === undefined ? input.settings : { ...input.settings, brand: f.brand };
  const period = range.from !== null || range.to !== null
    ? {
        from: new Date(range.from ?? firstDate(messages, surveys) ?? input.now.getTime()),
        to: new Date(Math.min(range.to === null ? Infinity : range.to - 1, input.now.getTime())),
      }
    : input.period;
  return { ...input, messages, surveys, employees, settings, period };
}

/** Earliest fact date in ms, or null without facts. */
function firstDate(messages: { at: Date }[], surveys: { at: Date }[]): number | null {
  let min = Infinity;
  for (const m of messages) min = Math.min(min, m.at.getTime());
  for (const s of surveys) min = Math.min(min, s.at.getTime());
  return Number.isFinite(min) ? min : null;
}
