/**
 * GET /api/ex-cx: the employee ↔ customer experience page's data, under the dashboard's shared filter
 * (period, team, segment, channel, brand, language: the same parameters and 400s as every insight
 * view). The same-period link per team comes from the cached insights for that filter; the lagged
 * picture (EX of month m against CX of month m + 0..6, with Fisher intervals, r², n and the too-few
 * warning, see src/learn/ex-cx) is computed from the facts narrowed the same way, once per data
 * version and filter. Reply empathy is the reply coach's verdict per agent reply (computed once per
 * data version, shared with the scorecards), or its lexicon when the model file is absent: the
 * answer says which (`replyEmpathySource`).
 */
import type { Hono } from 'hono';
import type { Clock } from '../core/ports.ts';
import { filterInsightsInput, filterKey, type InsightFilter } from '../insights/filter-input.ts';
import type { ExCxLagReport } from '../learn/ex-cx/ex-cx-lags.ts';
import { exCxLagsFromFacts } from '../learn/ex-cx/lags-from-facts.ts';
import type { ReplyEmpathyCache } from '../runtime/act/reply-empathy-verdicts.ts';
import type { Store } from '../store/store.ts';
import { parseInsightFilter } from './insight-filter-params.ts';
import type { InsightsCaches } from './insights-cache.ts';
import { exCxSlice } from './insights-slices.ts';
import { workspaceOf } from './workspace-context.ts';

/** Filtered lag reports kept per workspace and data version (the unfiltered one, plus recent filters). */
const MAX_KEPT_FILTERS = 16;

/** The lagged report and how many facts the filter left (the page says "nothing matches" from them). */
interface LagEntry {
  lags: ExCxLagReport;
  matched: { employees: number; messages: number; surveys: number };
}

/** Registers GET /api/ex-cx on `app` (before the insights views and the /api/* catch-all). */
export function registerExCxRoutes(app: Hono, store: Store, caches: InsightsCaches, clock: Clock, empathy: ReplyEmpathyCache): void {
  // Per app and per workspace, not per module: two apps over two stores, or two workspaces, never share a result.
  const kept = new Map<string, { version: number; byFilter: Map<string, Promise<LagEntry>> }>();
  const compute = async (workspaceId: string, filter: InsightFilter): Promise<LagEntry> => {
    const [workspace, employees, surveys, messages, replies] = await Promise.all([
      store.ensureWorkspace(workspaceId), store.employeeFacts(workspaceId), store.surveyFacts(workspaceId), store.messageFacts(workspaceId), empathy.for(workspaceId),
    ]);
    // The insight views' own narrowing: customer facts match every criterion, employee answers the team.
    const input = filterInsightsInput({ employees, surveys, messages, settings: workspace.settings, now: clock() }, filter);
    return {
      lags: exCxLagsFromFacts({ employees: input.employees, surveys: input.surveys, messages: input.messages, brand: input.settings.brand, replyVerdicts: replies.verdicts }),
      matched: { employees: input.employees.length, messages: input.messages.length, surveys: input.surveys.length },
    };
  };
  const lags = async (workspaceId: string, filter: InsightFilter): Promise<LagEntry> => {
    const version = await store.dataVersion(workspaceId);
    let slot = kept.get(workspaceId);
    if (!slot || slot.version !== version) kept.set(workspaceId, (slot = { version, byFilter: new Map() }));
    const key = filterKey(filter);
    const hit = slot.byFilter.get(key);
    if (hit) return hit;
    const entry = compute(workspaceId, filter);
    const byFilter = slot.byFilter;
    // A failed computation is not kept: the next request tries again.
    entry.catch(() => { if (byFilter.get(key) === entry) byFilter.delete(key); });
    byFilter.set(key, entry);
    // Oldest filtered entry out first; the unfiltered one ('') stays.
    if (byFilter.size > MAX_KEPT_FILTERS) byFilter.delete([...byFilter.keys()].find((k) => k !== '' && k !== key)!);
    return entry;
  };
  app.get('/api/ex-cx', async (c) => {
    // Validated before any computation: a typo is a 400, never unfiltered figures.
    const filter = parseInsightFilter(c.req.query());
    const workspaceId = workspaceOf(c);
    const [insights, entry] = await Promise.all([caches.for(workspaceId).get(filter), lags(workspaceId, filter)]);
    return c.json({ ...exCxSlice(insights), lags: entry.lags, replyEmpathySource: entry.lags.replyEmpathySource, filter, matched: entry.matched });
  });
}
