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
import { filterInsightsInput, type InsightFilter } from '../insights/filter-input.ts';
import type { Insights } from '../insights/types.ts';
import type { ExCxLagReport } from '../learn/ex-cx/ex-cx-lags.ts';
import { exCxLagsFromFacts } from '../learn/ex-cx/lags-from-facts.ts';
import type { ReplyEmpathyCache } from '../runtime/act/reply-empathy-verdicts.ts';
import type { Store } from '../store/store.ts';
import { parseInsightFilter } from './insight-filter-params.ts';
import { exCxSlice } from './insights-slices.ts';
import { ViewCaches } from './view-cache.ts';
import { workspaceOf } from './workspace-context.ts';

/** The lagged report and how many facts the filter left (the page says "nothing matches" from them). */
interface LagEntry {
  lags: ExCxLagReport;
  matched: { employees: number; messages: number; surveys: number };
}

/** Registers GET /api/ex-cx on `app` (before the insights views and the /api/* catch-all). */
export function registerExCxRoutes(app: Hono, store: Store, caches: ViewCaches<Insights>, clock: Clock, empathy: ReplyEmpathyCache): void {
  const compute = async (workspaceId: string, filter: InsightFilter = {}): Promise<LagEntry> => {
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
  // Per app and per workspace, like the insights: once per data version and filter, the last 16 filters kept.
  const lags = new ViewCaches<LagEntry>(store, compute, clock);
  app.get('/api/ex-cx', async (c) => {
    // Validated before any computation: a typo is a 400, never unfiltered figures.
    const filter = parseInsightFilter(c.req.query());
    const workspaceId = workspaceOf(c);
    const [insights, entry] = await Promise.all([caches.for(workspaceId).get(filter), lags.for(workspaceId).get(filter)]);
    return c.json({ ...exCxSlice(insights), lags: entry.lags, replyEmpathySource: entry.lags.replyEmpathySource, filter, matched: entry.matched });
  });
}
