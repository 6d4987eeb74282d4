/**
 * `POST /api/analyze`: one message through the analyser, read in the workspace's language when
 * either language could have written it and as a customer's message unless `"customer": false` (as
 * imported messages are).
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { analyze } from '../analyze/analyze.ts';
import type { AnalyzerModel } from '../analyze/model.ts';
import { EcouteError, UsageError } from '../core/errors.ts';
import type { Store } from '../store/store.ts';
import { workspaceOf } from './workspace-context.ts';

const AnalyzeBodySchema = z.object({
  text: z.string().min(1).max(20_000),
  lang: z.enum(['fr', 'en']).optional(),
  /** A customer's message unless told otherwise (AnalyzeOptions.customer), as stored messages are. */
  customer: z.boolean().optional(),
});

/** Mounts the route; without a model it answers 503 and says how to fix it. */
export function registerAnalyzeRoute(app: Hono, store: Store, model: AnalyzerModel | undefined): void {
  app.post('/api/analyze', async (c) => {
    if (!model) {
      throw new EcouteError('model_unavailable', 'No analysis model is loaded in this server. Start it with the committed model (models/) available, then retry.', 503);
    }
    const raw: unknown = await c.req.json().catch(() => {
      throw new UsageError('The request body is not valid JSON. Send {"text": "...", "lang": "fr"|"en"} with content-type application/json.');
    });
    const parsed = AnalyzeBodySchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UsageError(`Body field "${issue.path.join('.') || 'body'}": ${issue.message}. Send {"text": "..." (1–20000 characters), "lang": "fr"|"en" (optional), "customer": false (optional: text not known to be a customer's)}.`, {
        parameter: issue.path.join('.'),
      });
    }
    const langPrior = (await store.ensureWorkspace(workspaceOf(c))).settings.language;
    return c.json(analyze(parsed.data.text, { model, lang: parsed.data.lang, langPrior, customer: parsed.data.customer ?? true }));
  });
}
