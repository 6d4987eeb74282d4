/**
 * The Écoute HTTP app: a function from Request to Response (Hono), wired from one route module per
 * concern (insights, messages, analyze, coach, assessments, static files); errors are translated
 * once, in error-response.ts.
 */
import { Hono } from 'hono';
import type { AnalyzerModel } from '../analyze/model.ts';
import { NotFoundError } from '../core/errors.ts';
import type { Clock } from '../core/ports.ts';
import type { InsightFilter } from '../insights/filter-input.ts';
import type { Insights } from '../insights/types.ts';
import { ReplyEmpathyCache } from '../runtime/act/reply-empathy-verdicts.ts';
import { IncrementalInsights } from '../runtime/insights/incremental-insights.ts';
import type { Store } from '../store/store.ts';
import { registerAnalyzeRoute } from './analyze-route.ts';
import { registerAssessmentRoutes } from './assessment-routes.ts';
import { registerAuditRoutes } from './audit-routes.ts';
import { installAuth } from './auth.ts';
import { registerCaseRoutes } from './case-routes.ts';
import { lazyCoachModel, registerCoachRoute, type CoachModelSource } from './coach-route.ts';
import { registerCorrectionRoutes } from './correction-routes.ts';
import { registerDeliveryRoutes } from './delivery-routes.ts';
import { registerDrillRoutes } from './drill-routes.ts';
import { registerIngestRoute } from './ingest-route.ts';
import { errorResponse } from './error-response.ts';
import { OutageLog } from './outage-log.ts';
import { DEFAULT_LIMITS, installGuards, type ApiLimits } from './guards.ts';
import { registerExCxRoutes } from './ex-cx-routes.ts';
import { ViewCaches } from './view-cache.ts';
import { registerInsightsRoutes } from './insights-routes.ts';
import { registerMessageRoutes } from './message-routes.ts';
import { registerScorecardRoutes } from './scorecard-routes.ts';
import { registerSessionRoutes } from './session-routes.ts';
import { registerRuleRoutes } from './rule-routes.ts';
import { openApiDocument } from './openapi.ts';
import { registerStaticRoute } from './static-route.ts';
import { registerValueRoutes } from './value-routes.ts';
import { registerHygieneRoutes } from './hygiene-routes.ts';
import { installWorkspace, workspaceOf } from './workspace-context.ts';
import { workspaceResolver } from './resolve-workspace.ts';
import { registerWorkspaceRoutes } from './workspace-routes.ts';

/** What the HTTP app needs from the shell. */
export interface AppDeps {
  store: Store;
  /** The DEFAULT workspace (ECOUTE_WORKSPACE): each request may name another (resolve-workspace.ts). */
  workspaceId: string;
  /** The analysis model; POST /api/analyze answers 503 without it. */
  model?: AnalyzerModel;
  clock: Clock;
  /** Directory of the dashboard's static files (web/). */
  webDir: string;
  /**
   * How to compute a workspace's insights for the data as it is now. Default: in this thread, from `store`.
   * `ecoute serve` passes a worker-thread version so big workspaces do not block the event loop.
   */
  computeInsights?: (workspaceId: string, filter?: InsightFilter) => Promise<Insights>;
  /** The reply-coach model for POST /api/coach. Default: models/coach.json, loaded on first use. */
  coachModel?: CoachModelSource;
  /** Body size and rate limits of the API (guards.ts). Default: DEFAULT_LIMITS. */
  limits?: ApiLimits;
  /** The dashboard's address as people reach it (ECOUTE_PUBLIC_URL), for links in alerts raised over HTTP. */
  publicUrl?: string | null;
  /** How a database outage is logged (once, then a summary now and then). Default: to stderr. */
  outageLog?: OutageLog;
}

/**
 * Builds the Écoute HTTP app (a function from Request to Response). Insights are computed lazily,
 * cached by the store's data version, and warmed in the background as soon as the app is built.
 */
export function createApp(deps: AppDeps): Hono {
  const { store, workspaceId, clock } = deps;
  // By default in this thread, from facts held per workspace and read incrementally (owned with the caches).
  const incremental = deps.computeInsights ? null : new IncrementalInsights(store);
  const caches = new ViewCaches<Insights>(
    store,
    deps.computeInsights ?? ((ws, filter) => incremental!.compute(ws, clock(), filter)),
    clock,
  );
  // Warm-up of the default workspace: errors surface on the first request that needs insights, with the onError translation.
  caches.for(workspaceId).get().catch(() => undefined);

  const app = new Hono();
  const outage = deps.outageLog ?? new OutageLog((line) => { process.stderr.write(`${line}\n`); });
  app.onError((err, c) => errorResponse(err, c, undefined, outage));
  // First, so it sees every API answer: the first one after an outage ends it in the log.
  app.use('/api/*', outage.watch());
  installGuards(app, deps.limits ?? DEFAULT_LIMITS, clock);
  // Each request's workspace: a token's own, else the one asked for or remembered, else the default.
  installWorkspace(app, workspaceResolver(store, clock, workspaceId));
  // Accounts: open while no user exists; then a session or token with a role in the request's workspace.
  installAuth(app, store, clock);
  registerSessionRoutes(app, store, clock, workspaceId);
  registerWorkspaceRoutes(app, store, clock, workspaceId);
  registerAuditRoutes(app, store);

  app.get('/api/health', (c) =>
    c.json({ status: 'ok', workspace: workspaceOf(c), model: Boolean(deps.model), dialect: store.dialect }),
  );
  app.get('/api/openapi.json', (c) => c.json(openApiDocument));
  // One coach model for coaching, drills and reply empathy (EX–CX, scorecards): read once, on first use.
  const coachModel = lazyCoachModel(deps.coachModel);
  // The coach's verdict on every agent reply, once per data version, shared by EX–CX and the scorecards.
  const replyEmpathy = new ReplyEmpathyCache(store, coachModel);
  registerExCxRoutes(app, store, caches, clock, replyEmpathy);
  registerInsightsRoutes(app, caches);
  registerMessageRoutes(app, store, caches, clock);
  registerIngestRoute(app, store, clock, deps.model, deps.publicUrl ?? null);
  registerCorrectionRoutes(app, store);
  registerAnalyzeRoute(app, store, deps.model);
  registerCoachRoute(app, coachModel, { store });
  registerDrillRoutes(app, store, clock, coachModel);

  registerCaseRoutes(app, store, clock);
  registerRuleRoutes(app, store, clock);

  registerDeliveryRoutes(app, store, clock);
  registerAssessmentRoutes(app, store);
  registerScorecardRoutes(app, store, clock, replyEmpathy);
  registerValueRoutes(app, store);
  registerHygieneRoutes(app, store);

  app.all('/api/*', (c) => {
    throw new NotFoundError('API route', `${c.req.method} ${c.req.path}`);
  });

  registerStaticRoute(app, deps.webDir);

  return app;
}
