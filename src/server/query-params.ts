import { CHANNELS, EMOTIONS, NEEDS, STAGES, THEMES } from '../core/labels.ts';
import { UsageError } from '../core/errors.ts';
import type { FactFilter } from '../core/facts.ts';
import type { Channel } from '../core/labels.ts';
import { resolvePeriod } from '../insights/filter-input.ts';
import { MAX_FILTER_TEXT, parseInsightFilter, rejectUnknownParams, text } from './insight-filter-params.ts';

/** Default and maximum page sizes of the listening station. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Longest free-text filter value (team, brand, q): the same limit as the insight views' filters. */
export { MAX_FILTER_TEXT };

/** Query parameters accepted by GET /api/messages (also listed in the OpenAPI document). */
export const MESSAGE_QUERY_PARAMS = [
  'stage', 'theme', 'emotion', 'need', 'channel', 'language', 'team', 'brand', 'q', 'cursor', 'limit',
  // The dashboard's filter bar (same meaning and validation as the insight views', insight-filter-params.ts).
  'period', 'from', 'to', 'segment',
] as const;

/** A parsed listening-station query. */
export interface MessageQuery {
  filter: FactFilter;
  limit: number;
  cursor: string | null;
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined || value === '') return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(
    `Query parameter "${name}" has unknown value "${value}". Use one of: ${allowed.join(', ')}.`,
    { parameter: name, allowed },
  );
}

function freeText(name: string, value: string | undefined, max: number): string | undefined {
  if (value === undefined || value === '') return undefined;
  return text(name, value, max);
}

/**
 * Validates the listening-station query string. Unknown parameters and bad values are rejected with a
 * UsageError that names the parameter and its allowed values, so a typo never silently widens a filter.
 * A period preset (`period=30d`) is resolved against `now`, the server's injected clock.
 */
export function parseMessageQuery(query: Record<string, string>, now: Date): MessageQuery {
  rejectUnknownParams(query, MESSAGE_QUERY_PARAMS);
  const language = freeText('language', query.language, 8);
  if (language !== undefined && !/^[a-z]{2,3}$/.test(language)) {
    throw new UsageError(`Query parameter "language" must be a lowercase ISO 639 code such as "fr" or "en", not "${language}".`, {
      parameter: 'language',
    });
  }
  let limit = DEFAULT_PAGE_SIZE;
  if (query.limit !== undefined && query.limit !== '') {
    limit = Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new UsageError(`Query parameter "limit" must be a whole number from 1 to ${MAX_PAGE_SIZE}, not "${query.limit}".`, {
        parameter: 'limit',
        allowed: `1..${MAX_PAGE_SIZE}`,
      });
    }
  }
  const filter: FactFilter = { customerOnly: true };
  const set = <K extends keyof FactFilter>(key: K, value: FactFilter[K] | undefined): void => {
    if (value !== undefined) filter[key] = value;
  };
  set('stage', oneOf('stage', query.stage, STAGES));
  set('theme', oneOf('theme', query.theme, THEMES));
  set('emotion', oneOf('emotion', query.emotion, EMOTIONS));
  set('need', oneOf('need', query.need, NEEDS));
  set('channel', oneOf<Channel>('channel', query.channel, CHANNELS));
  set('language', language);
  set('team', freeText('team', query.team, MAX_FILTER_TEXT));
  set('brand', freeText('brand', query.brand, MAX_FILTER_TEXT));
  set('q', freeText('q', query.q, MAX_FILTER_TEXT));
  // Period and segment are validated by the insight views' parser, so both read a filter the same way.
  const scope = parseInsightFilter({ period: query.period ?? '', from: query.from ?? '', to: query.to ?? '', segment: query.segment ?? '' });
  const range = resolvePeriod(scope, now);
  if (range.from !== null) filter.from = new Date(range.from);
  if (range.to !== null) filter.to = new Date(range.to);
  set('segment', scope.segment);
  return { filter, limit, cursor: freeText('cursor', query.cursor, 500) ?? null };
}
