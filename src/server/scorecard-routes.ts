/**
 * GET /api/scorecards: team or agent scorecards for incentives (src/learn/scorecards), as JSON or,
 * with ?format=csv, as a spreadsheet-safe CSV download, under the dashboard's shared filter (period
 * presets or from/to, team, segment, channel, brand, language: the same parameters and 400s as every
 * insight view, parsed by parseInsightFilter). `since`/`until`, the route's older names of from/to,
 * still work. Every parameter is checked: an unknown weight key, a minimum under 1 or a bad date is a
 * 400 that names the fix.
 */
import type { Hono } from 'hono';
import { EcouteError, UsageError } from '../core/errors.ts';
import type { Clock } from '../core/ports.ts';
import { resolvePeriod, type InsightFilter } from '../insights/filter-input.ts';
import { parseMinSample, parseSubject, parseWeights } from '../learn/scorecards/scorecard-config.ts';
import type { ScorecardNarrowing } from '../learn/scorecards/scorecard-narrowing.ts';
import { scorecardCsv } from '../learn/scorecards/scorecard-render.ts';
import type { ReplyEmpathyCache } from '../runtime/act/reply-empathy-verdicts.ts';
import { loadScorecards } from '../runtime/learn/load-scorecards.ts';
import type { Store } from '../store/store.ts';
import { INSIGHT_QUERY_PARAMS, parseInsightFilter, rejectUnknownParams, sharedFilterQuery } from './insight-filter-params.ts';
import { workspaceOf } from './workspace-context.ts';

/** The route's own parameters, besides the shared filter. */
const OWN_PARAMS = ['by', 'weights', 'min', 'format', 'lang'] as const;
/** Older names of the shared filter's custom range, kept so existing links and scripts still work. */
const ALIASES = { since: 'from', until: 'to' } as const;

/** Query parameters GET /api/scorecards accepts (also in the OpenAPI document). */
export const SCORECARD_QUERY_PARAMS = [...OWN_PARAMS, ...INSIGHT_QUERY_PARAMS, ...Object.keys(ALIASES)] as readonly string[];

/** The period and narrowing of a scorecard request: the shared filter, with since/until read as from/to. */
export interface ScorecardScope {
  filter: InsightFilter;
  from?: Date;
  /** Inclusive (the last millisecond of the range). */
  to?: Date;
  narrowing: ScorecardNarrowing;
}

/**
 * Parses the shared-filter part of `q` (no second parser: parseInsightFilter's rules and messages),
 * resolving presets against `now`. An alias given with its new name is refused; a bad alias value is
 * refused naming the alias, as the caller typed it.
 */
export function parseScorecardScope(q: Record<string, string>, now: Date): ScorecardScope {
  const shared = sharedFilterQuery(q);
  const used: Partial<Record<string, string>> = {};
  for (const [alias, name] of Object.entries(ALIASES)) {
    if (q[alias] === undefined) continue;
    if (q[name] !== undefined) throw new UsageError(`Query parameters "${alias}" and "${name}" mean the same day. Give only "${name}".`, { parameter: alias });
    shared[name] = q[alias];
    used[name] = alias;
  }
  let filter: InsightFilter;
  try {
    filter = parseInsightFilter(shared);
  } catch (err) {
    const name = err instanceof EcouteError ? (err.details?.parameter as string | undefined) : undefined;
    if (!(err instanceof EcouteError) || !name || !used[name]) throw err;
    let message = err.message;
    for (const [n, alias] of Object.entries(used)) message = message.replaceAll(`"${n}"`, `"${alias}"`);
    throw new UsageError(message, { ...err.details, parameter: used[name] });
  }
  const range = resolvePeriod(filter, now);
  const { team, segment, channel, brand, language } = filter;
  const narrowing: ScorecardNarrowing = Object.fromEntries(Object.entries({ team, segment, channel, brand, language }).filter(([, v]) => v !== undefined));
  return {
    filter,
    from: range.from === null ? undefined : new Date(range.from),
    to: range.to === null ? undefined : new Date(range.to - 1),
    narrowing,
  };
}

/**
 * Registers GET /api/scorecards on `app` (before its /api/* catch-all). Empathy is the reply coach's
 * verdict per reply from `empathy` (once per data version, shared with the EX–CX page); without it, or
 * without the model file, the coach's lexicon (the report's `replyEmpathySource` says which).
 */
export function registerScorecardRoutes(app: Hono, store: Store, clock: Clock, empathy?: ReplyEmpathyCache): void {
  app.get('/api/scorecards', async (c) => {
    const workspaceId = workspaceOf(c);
    const q = c.req.query();
    rejectUnknownParams(q, SCORECARD_QUERY_PARAMS);
    const format = q.format ?? 'json';
    if (format !== 'json' && format !== 'csv') throw new UsageError(`Query parameter "format" must be json or csv, not "${format}".`, { parameter: 'format' });
    if (q.lang !== undefined && q.lang !== 'fr' && q.lang !== 'en') throw new UsageError(`Query parameter "lang" must be fr or en, not "${q.lang}".`, { parameter: 'lang' });
    const config = { by: parseSubject(q.by), weights: parseWeights(q.weights), minSample: parseMinSample(q.min) };
    const scope = parseScorecardScope(q, clock());
    const replies = empathy ? await empathy.for(workspaceId) : undefined;
    const report = await loadScorecards(store, workspaceId, config, scope.from, scope.to, replies?.verdicts, scope.narrowing);
    if (format === 'json') return c.json(report);
    const lang = q.lang ?? (await store.ensureWorkspace(workspaceId)).settings.language;
    return c.body(scorecardCsv(report, lang), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="scorecards-${config.by}.csv"`,
    });
  });
}
