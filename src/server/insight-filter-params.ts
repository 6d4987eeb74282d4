/**
 * The query string of the insight views (`/api/overview?period=30d&team=Billing&language=fr`), parsed
 * once for every view. Bad values are refused with a UsageError naming the parameter and what it
 * accepts, so a typo never silently shows unfiltered figures.
 */
import { UsageError } from '../core/errors.ts';
import { CHANNELS, type Channel } from '../core/labels.ts';
import { INSIGHT_FILTER_FIELDS, PERIOD_PRESETS, type InsightFilter, type PeriodPreset } from '../insights/filter-input.ts';

/** Longest free-text filter value (team, segment, brand; the listening station's q too). */
export const MAX_FILTER_TEXT = 200;

/** Query parameters every insight view accepts (also listed in the OpenAPI document). */
export const INSIGHT_QUERY_PARAMS = INSIGHT_FILTER_FIELDS;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function day(name: 'from' | 'to', value: string): string {
  const m = DAY_RE.exec(value);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  // Date.UTC rolls 2026-02-31 over to March: a round trip catches impossible days.
  if (!m || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) {
    throw new UsageError(`Query parameter "${name}" must be a date as YYYY-MM-DD (for example 2026-10-01), not "${value}".`, {
      parameter: name,
      allowed: 'YYYY-MM-DD',
    });
  }
  return value;
}

/** A free-text query value checked for length (the listening station's parameters use it too). */
export function text(name: string, value: string, max = MAX_FILTER_TEXT): string {
  if (value.length > max) {
    throw new UsageError(`Query parameter "${name}" is too long (${value.length} characters). Use at most ${max}.`, { parameter: name });
  }
  return value;
}

/** Refuses a query parameter that is not in `allowed` (a typo must never silently widen a filter), naming the allowed ones. */
export function rejectUnknownParams(query: Record<string, string>, allowed: readonly string[]): void {
  for (const key of Object.keys(query)) {
    if (!allowed.includes(key)) throw new UsageError(`Unknown query parameter "${key}". Allowed parameters: ${allowed.join(', ')}.`, { parameter: key, allowed });
  }
}

/** The shared filter's parameters among a route's query (its own parameters left out), for parseInsightFilter. */
export function sharedFilterQuery(query: Record<string, string>): Record<string, string> {
  const shared: Record<string, string> = {};
  for (const k of INSIGHT_QUERY_PARAMS) if (query[k] !== undefined) shared[k] = query[k];
  return shared;
}

/**
 * Validates the filter of an insight view. Empty values mean "no filter"; unknown parameters, unknown
 * presets or channels, malformed dates, a range that ends before it starts, or a preset given together
 * with a custom range are refused.
 */
export function parseInsightFilter(query: Record<string, string>): InsightFilter {
  rejectUnknownParams(query, INSIGHT_QUERY_PARAMS);
  const given = (k: string): string | undefined => (query[k] === undefined || query[k] === '' ? undefined : query[k]);
  const filter: InsightFilter = {};
  const period = given('period');
  if (period !== undefined) {
    if (!(PERIOD_PRESETS as readonly string[]).includes(period)) {
      throw new UsageError(`Query parameter "period" has unknown value "${period}". Use one of: ${PERIOD_PRESETS.join(', ')} (or from/to for a custom range).`, {
        parameter: 'period',
        allowed: PERIOD_PRESETS,
      });
    }
    filter.period = period as PeriodPreset;
  }
  const from = given('from');
  const to = given('to');
  if (from !== undefined) filter.from = day('from', from);
  if (to !== undefined) filter.to = day('to', to);
  if (filter.period && (filter.from || filter.to)) {
    throw new UsageError(`Query parameters "period" and "from"/"to" cannot be combined. Give a preset (period=${filter.period}) or a custom range (from, to), not both.`, {
      parameter: 'period',
    });
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    throw new UsageError(`Query parameter "to" (${filter.to}) is before "from" (${filter.from}). Give a range that ends on or after its start.`, {
      parameter: 'to',
    });
  }
  const channel = given('channel');
  if (channel !== undefined) {
    if (!(CHANNELS as readonly string[]).includes(channel)) {
      throw new UsageError(`Query parameter "channel" has unknown value "${channel}". Use one of: ${CHANNELS.join(', ')}.`, {
        parameter: 'channel',
        allowed: CHANNELS,
      });
    }
    filter.channel = channel as Channel;
  }
  const language = given('language');
  if (language !== undefined) {
    if (!/^[a-z]{2,3}$/.test(language)) {
      throw new UsageError(`Query parameter "language" must be a lowercase ISO 639 code such as "fr" or "en", not "${text('language', language)}".`, {
        parameter: 'language',
      });
    }
    filter.language = language;
  }
  for (const k of ['team', 'segment', 'brand'] as const) {
    const v = given(k);
    if (v !== undefined) filter[k] = text(k, v);
  }
  return filter;
}
