/**
 * The dashboard's insight views (`/api/overview`, `/api/journey`, …): each a slice of the insights,
 * computed once per data version by the cache of the request's workspace, plus the label names the
 * dashboard translates with.
 */
import type { Context, Hono } from 'hono';
import { LABEL_NAMES } from '../core/label-names.ts';
import type { InsightFilter } from '../insights/filter-input.ts';
import type { Insights } from '../insights/types.ts';
import { parseInsightFilter } from './insight-filter-params.ts';
import type { ViewCaches } from './view-cache.ts';
import * as slices from './insights-slices.ts';
import { maxStaleMs } from './max-stale.ts';
import { workspaceOf } from './workspace-context.ts';

/** Mounts the insight views on `app`. */
export function registerInsightsRoutes(app: Hono, caches: ViewCaches<Insights>): void {
  // The insights module's own label names: the dashboard translates codes with them (no copy in web/).
  app.get('/api/i18n', (c) => c.json(LABEL_NAMES));
  const view = (path: string, slice: (insights: Insights) => object): void => {
    // The filter (period, team, segment, channel, brand, language) is validated before any computation.
    app.get(path, async (c) => c.json(slice(await readInsights(c, caches, parseInsightFilter(c.req.query())))));
  };
  view('/api/overview', slices.overviewSlice);
  view('/api/journey', slices.journeySlice);
  view('/api/themes', slices.themesSlice);
  view('/api/personas', slices.personasSlice);
  view('/api/risk', slices.riskSlice);
  view('/api/competitors', slices.competitorsSlice);
  view('/api/spikes', slices.spikesSlice);
  // What the dashboard's filter bar offers (unfiltered data: a filter never hides its own way back).
  app.get('/api/filter-options', async (c) => c.json(slices.filterOptionsSlice(await readInsights(c, caches))));
  // GET /api/ex-cx (the same-period link plus the lagged EX → CX picture) is served by ex-cx-routes.ts.
}

/**
 * The request's insights, stale ones accepted when it sends `Cache-Control: max-stale`; the answer
 * says when they were computed and marks a stale one (the dashboard's "being recomputed" note).
 */
async function readInsights(c: Context, caches: ViewCaches<Insights>, filter?: InsightFilter): Promise<Insights> {
  const read = await caches.for(workspaceOf(c)).read(filter, maxStaleMs(c.req.header('cache-control')));
  c.header('x-ecoute-insights-as-of', read.computedAt.toISOString());
  if (read.stale) c.header('x-ecoute-insights-stale', '1');
  return read.value;
}
