/**
 * The dashboard's insight views (`/api/overview`, `/api/journey`, …): each a slice of the insights,
 * computed once per data version by the cache, plus the label names the dashboard translates with.
 */
import type { Hono } from 'hono';
import { LABEL_NAMES } from '../core/label-names.ts';
import type { Insights } from '../insights/types.ts';
import type { InsightsCache } from './insights-cache.ts';
import * as slices from './insights-slices.ts';

/** Mounts the insight views on `app`. */
export function registerInsightsRoutes(app: Hono, cache: InsightsCache): void {
  // The insights module's own label names: the dashboard translates codes with them (no copy in web/).
  app.get('/api/i18n', (c) => c.json(LABEL_NAMES));
  const view = (path: string, slice: (insights: Insights) => object): void => {
    app.get(path, async (c) => c.json(slice(await cache.get())));
  };
  view('/api/overview', slices.overviewSlice);
  view('/api/journey', slices.journeySlice);
  view('/api/themes', slices.themesSlice);
  view('/api/personas', slices.personasSlice);
  view('/api/risk', slices.riskSlice);
  view('/api/competitors', slices.competitorsSlice);
  view('/api/spikes', slices.spikesSlice);
  // GET /api/ex-cx (the same-period link plus the lagged EX → CX picture) is served by ex-cx-routes.ts.
}
