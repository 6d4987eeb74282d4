/**
 * GET /api/scorecards: team or agent scorecards for incentives (src/learn/scorecards), as JSON or,
 * with ?format=csv, as a spreadsheet-safe CSV download. Every parameter is checked: an unknown
 * weight key, a minimum under 1 or a bad date is a 400 that names the fix.
 */
import type { Hono } from 'hono';
import { UsageError } from '../core/errors.ts';
import { parseMinSample, parseSubject, parseWeights } from '../learn/scorecards/scorecard-config.ts';
import { scorecardCsv } from '../learn/scorecards/scorecard-render.ts';
import { loadScorecards } from '../runtime/learn/load-scorecards.ts';
import type { Store } from '../store/store.ts';
import { workspaceOf } from './workspace-context.ts';

/** Query parameters GET /api/scorecards accepts (also in the OpenAPI document). */
export const SCORECARD_QUERY_PARAMS = ['by', 'since', 'until', 'weights', 'min', 'format', 'lang'] as const;

/** A "YYYY-MM-DD" day (until: its last millisecond), or undefined when absent; a 400 otherwise. */
function day(name: 'since' | 'until', value: string | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const d = new Date(`${value}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(d.getTime())) {
    throw new UsageError(`Query parameter "${name}" must be a day as YYYY-MM-DD (e.g. 2026-11-01), not "${value}".`, { parameter: name });
  }
  return name === 'until' ? new Date(d.getTime() + 86_400_000 - 1) : d;
}

/** Registers GET /api/scorecards on `app` (before its /api/* catch-all). */
export function registerScorecardRoutes(app: Hono, store: Store): void {
  app.get('/api/scorecards', async (c) => {
    const workspaceId = workspaceOf(c);
    const q = c.req.query();
    for (const key of Object.keys(q)) {
      if (!(SCORECARD_QUERY_PARAMS as readonly string[]).includes(key)) {
        throw new UsageError(`Unknown query parameter "${key}". Use any of: ${SCORECARD_QUERY_PARAMS.join(', ')}.`, { parameter: key });
      }
    }
    const format = q.format ?? 'json';
    if (format !== 'json' && format !== 'csv') throw new UsageError(`Query parameter "format" must be json or csv, not "${format}".`, { parameter: 'format' });
    if (q.lang !== undefined && q.lang !== 'fr' && q.lang !== 'en') throw new UsageError(`Query parameter "lang" must be fr or en, not "${q.lang}".`, { parameter: 'lang' });
    const config = { by: parseSubject(q.by), weights: parseWeights(q.weights), minSample: parseMinSample(q.min) };
    const since = day('since', q.since);
    const until = day('until', q.until);
    if (since && until && since > until) throw new UsageError(`"since" (${q.since}) is after "until" (${q.until}). Swap them.`, { parameter: 'since' });
    const report = await loadScorecards(store, workspaceId, config, since, until);
    if (format === 'json') return c.json(report);
    const lang = q.lang ?? (await store.ensureWorkspace(workspaceId)).settings.language;
    return c.body(scorecardCsv(report, lang), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="scorecards-${config.by}.csv"`,
    });
  });
}
