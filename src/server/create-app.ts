import { Hono } from 'hono';
import { z } from 'zod';
import type { AnalyzerModel } from '../analyze/model.ts';
import { analyze } from '../analyze/analyze.ts';
import { EcouteError, NotFoundError, UsageError } from '../core/errors.ts';
import type { Clock } from '../core/ports.ts';
import { computeInsights } from '../insights/compute-insights.ts';
import { customerRisk } from '../insights/customers-at-risk.ts';
import { LABEL_NAMES } from '../insights/i18n.ts';
import { isOwnBrand } from '../insights/own-brand.ts';
import type { Insights } from '../insights/types.ts';
import { loadInsightsInput } from '../runtime/load-insights-input.ts';
import { readStaticFile } from '../runtime/static-files.ts';
import type { Store } from '../store/store.ts';
import { registerAssessmentRoutes } from './assessment-routes.ts';
import { registerCoachRoute, type CoachModelSource } from './coach-route.ts';
import { errorResponse } from './error-response.ts';
import { InsightsCache } from './insights-cache.ts';
import * as slices from './insights-slices.ts';
import { openApiDocument } from './openapi.ts';
import { parseMessageQuery } from './query-params.ts';

/** What the HTTP app needs from the shell. */
export interface AppDeps {
  store: Store;
  workspaceId: string;
  /** The analysis model; POST /api/analyze answers 503 without it. */
  model?: AnalyzerModel;
  clock: Clock;
  /** Directory of the dashboard's static files (web/). */
  webDir: string;
  /**
   * How to compute insights for the data as it is now. Default: in this thread, from `store`.
   * `ecoute serve` passes a worker-thread version so big workspaces do not block the event loop.
   */
  computeInsights?: () => Promise<Insights>;
  /** The reply-coach model for POST /api/coach. Default: models/coach.json, loaded on first use. */
  coachModel?: CoachModelSource;
}

const AnalyzeBodySchema = z.object({
  text: z.string().min(1).max(20_000),
  lang: z.enum(['fr', 'en']).optional(),
});

/** Content-Security-Policy of the dashboard: everything from this server, nothing from elsewhere. */
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Builds the Écoute HTTP app (a function from Request to Response). Insights are computed lazily,
 * cached by the store's data version, and warmed in the background as soon as the app is built.
 */
export function createApp(deps: AppDeps): Hono {
  const { store, workspaceId, clock } = deps;
  const cache = new InsightsCache(
    store,
    workspaceId,
    deps.computeInsights ?? (async () => computeInsights(await loadInsightsInput(store, workspaceId, clock()))),
  );
  // Warm-up: errors surface on the first request that needs insights, with the onError translation.
  cache.get().catch(() => undefined);

  const app = new Hono();
  app.onError((err, c) => errorResponse(err, c));

  app.get('/api/health', (c) =>
    c.json({ status: 'ok', workspace: workspaceId, model: Boolean(deps.model), dialect: store.dialect }),
  );
  app.get('/api/openapi.json', (c) => c.json(openApiDocument));
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
  view('/api/ex-cx', slices.exCxSlice);

  app.get('/api/messages', async (c) => {
    const { filter, limit, cursor } = parseMessageQuery(c.req.query());
    return c.json(await store.listMessages(workspaceId, filter, limit, cursor));
  });

  app.get('/api/customers/:id/history', async (c) => {
    const id = c.req.param('id');
    const messages = await store.customerHistory(workspaceId, id);
    if (messages.length === 0) throw new NotFoundError('Customer', id);
    const first = messages.find((m) => m.customerRef !== null || m.customerName !== null) ?? messages[0];
    const insights = await cache.get();
    // The insights keep the riskiest customers only; anyone else is scored from their own facts.
    const own = (brand: string | null) => isOwnBrand(brand, insights.ownBrand);
    const risk = insights.atRisk.customers.find((r) => r.customerId === id)
      ?? customerRisk(id, messages.filter((m) => own(m.brand)), (await store.surveyFacts(workspaceId, { customerId: id })).filter((s) => own(s.brand)), insights.atRisk);
    return c.json({
      customer: {
        id,
        ref: first.customerRef,
        name: first.customerName,
        segment: first.segment,
        value: first.customerValue,
        channels: [...new Set(messages.map((m) => m.channel))],
        conversations: new Set(messages.map((m) => m.conversationId)).size,
      },
      risk,
      currency: insights.atRisk.currency,
      messages,
    });
  });

  app.post('/api/analyze', async (c) => {
    if (!deps.model) {
      throw new EcouteError('model_unavailable', 'No analysis model is loaded in this server. Start it with the committed model (models/) available, then retry.', 503);
    }
    const raw: unknown = await c.req.json().catch(() => {
      throw new UsageError('The request body is not valid JSON. Send {"text": "...", "lang": "fr"|"en"} with content-type application/json.');
    });
    const parsed = AnalyzeBodySchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UsageError(`Body field "${issue.path.join('.') || 'body'}": ${issue.message}. Send {"text": "..." (1–20000 characters), "lang": "fr"|"en" (optional)}.`, {
        parameter: issue.path.join('.'),
      });
    }
    // As for imported messages, the workspace's language decides a message either language could have written.
    const langPrior = (await store.ensureWorkspace(workspaceId)).settings.language;
    return c.json(analyze(parsed.data.text, { model: deps.model, lang: parsed.data.lang, langPrior }));
  });

  registerCoachRoute(app, deps.coachModel);

  app.get('/api/cases', async (c) => c.json({ cases: await store.listCases(workspaceId) }));
  app.get('/api/alerts', async (c) => c.json({ alerts: await store.listAlerts(workspaceId) }));

  registerAssessmentRoutes(app, store, workspaceId);

  app.all('/api/*', (c) => {
    throw new NotFoundError('API route', `${c.req.method} ${c.req.path}`);
  });

  app.get('*', async (c) => {
    const file = await readStaticFile(deps.webDir, new URL(c.req.url).pathname);
    if (!file) return c.text('Not found', 404);
    c.header('content-type', file.contentType);
    c.header('x-content-type-options', 'nosniff');
    c.header('cache-control', 'no-cache');
    if (file.contentType.startsWith('text/html')) c.header('content-security-policy', CSP);
    return c.body(new Uint8Array(file.body));
  });

  return app;
}
