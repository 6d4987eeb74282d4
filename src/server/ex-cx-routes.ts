/**
 * GET /api/ex-cx: the employee ↔ customer experience page's data. The same-period link per team
 * comes from the cached insights; the lagged picture (EX of month m against CX of month m + 0..6,
 * with Fisher intervals, r², n and the too-few warning, see src/learn/ex-cx) is computed from the
 * facts, once per data version.
 */
import type { Hono } from 'hono';
import type { ExCxLagReport } from '../learn/ex-cx/ex-cx-lags.ts';
import { exCxLagsFromFacts } from '../learn/ex-cx/lags-from-facts.ts';
import type { Store } from '../store/store.ts';
import type { InsightsCaches } from './insights-cache.ts';
import { exCxSlice } from './insights-slices.ts';
import { workspaceOf } from './workspace-context.ts';

/** Registers GET /api/ex-cx on `app` (before the insights views and the /api/* catch-all). */
export function registerExCxRoutes(app: Hono, store: Store, caches: InsightsCaches): void {
  // Per app and per workspace, not per module: two apps over two stores, or two workspaces, never share a result.
  const kept = new Map<string, { version: number; lags: Promise<ExCxLagReport> }>();
  const lags = async (workspaceId: string): Promise<ExCxLagReport> => {
    const version = await store.dataVersion(workspaceId);
    const last = kept.get(workspaceId);
    if (last && last.version === version) return last.lags;
    const entry = {
      version,
      lags: Promise.all([store.ensureWorkspace(workspaceId), store.employeeFacts(workspaceId), store.surveyFacts(workspaceId), store.messageFacts(workspaceId)])
        .then(([workspace, employees, surveys, messages]) => exCxLagsFromFacts({ employees, surveys, messages, brand: workspace.settings.brand })),
    };
    // A failed computation is not kept: the next request tries again.
    entry.lags.catch(() => { if (kept.get(workspaceId) === entry) kept.delete(workspaceId); });
    kept.set(workspaceId, entry);
    return entry.lags;
  };
  app.get('/api/ex-cx', async (c) => {
    const workspaceId = workspaceOf(c);
    const [insights, lagged] = await Promise.all([caches.for(workspaceId).get(), lags(workspaceId)]);
    return c.json({ ...exCxSlice(insights), lags: lagged });
  });
}
