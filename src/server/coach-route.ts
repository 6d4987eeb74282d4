/**
 * POST /api/coach: coaches one agent reply `{customer, reply, lang?, id?}` or a batch
 * `{items: [...]}` (near-duplicates looked for across the batch). The coach model is loaded from
 * models/coach.json on first use unless the app is given one, so `ecoute serve` needs no change.
 */
import type { Hono } from 'hono';
import { coachBatch, coachReply } from '../act/coach/coach.ts';
import { ITEM_SHAPE, parseCoachItem } from '../act/coach/coach-input.ts';
import type { CoachInput, CoachModel } from '../act/coach/coach-model.ts';
import { EcouteError, UsageError } from '../core/errors.ts';
import { loadCoachModel } from '../runtime/analysis/load-coach-model.ts';
import { loadReplyHistory } from '../runtime/act/reply-history.ts';
import type { Store } from '../store/store.ts';
import { workspaceOf } from './workspace-context.ts';

/** Most replies one request may carry (bounded work per request). */
export const MAX_COACH_ITEMS = 1000;

/** The coach model, or how to get it (default: models/coach.json, loaded once). */
export type CoachModelSource = CoachModel | (() => Promise<CoachModel>);

const HINT = `Send ${ITEM_SHAPE} or {"items": [${ITEM_SHAPE}, ...]} (at most ${MAX_COACH_ITEMS} items) with content-type application/json.`;

/** Validates the body into items; throws UsageError (400) naming the field and the fix. */
export function parseCoachBody(raw: unknown): { items: CoachInput[]; batch: boolean } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new UsageError(`The body must be a JSON object. ${HINT}`);
  const body = raw as Record<string, unknown>;
  if ('items' in body) {
    if (!Array.isArray(body.items) || body.items.length === 0) throw new UsageError(`Body field "items" must be a non-empty array. ${HINT}`, { parameter: 'items' });
    if (body.items.length > MAX_COACH_ITEMS) throw new UsageError(`Body field "items" has ${body.items.length} items; at most ${MAX_COACH_ITEMS} per request. Split the batch.`, { parameter: 'items' });
    const items = body.items.map((x, i) => {
      const p = parseCoachItem(x);
      if (!p.ok) throw new UsageError(`Body field "items[${i}]": ${p.problem}. ${HINT}`, { parameter: `items.${i}` });
      return p.item;
    });
    return { items, batch: true };
  }
  const p = parseCoachItem(body);
  if (!p.ok) throw new UsageError(`Body: ${p.problem}. ${HINT}`);
  return { items: [p.item], batch: false };
}

/**
 * The coach model as the routes that need it (coaching, drills) share it: read once on first use, read
 * again after a failure (e.g. once the file has been trained), answered 503 with the fix meanwhile.
 */
export function lazyCoachModel(source: CoachModelSource = () => loadCoachModel()): () => Promise<CoachModel> {
  let model: Promise<CoachModel> | null = null;
  return () => {
    model ??= (typeof source === 'function' ? source() : Promise.resolve(source)).catch((err: unknown) => {
      model = null;
      throw new EcouteError('model_unavailable', `The reply-coach model could not be loaded (${(err as Error).message}). Train it with \`tsx scripts/train-coach.ts\`, then retry.`, 503);
    });
    return model;
  };
}

/** Where GET /api/coach/history reads the replies of the request's workspace. */
export interface CoachHistorySource {
  store: Store;
}

/**
 * Registers POST /api/coach and, with `history`, GET /api/coach/history?from&to&min (the coach over
 * the workspace's agent replies: src/runtime/act/reply-history.ts) on `app`, before its /api/* catch-all.
 */
export function registerCoachRoute(app: Hono, getModel: () => Promise<CoachModel>, history?: CoachHistorySource): void {
  app.post('/api/coach', async (c) => {
    const raw: unknown = await c.req.json().catch(() => {
      throw new UsageError(`The request body is not valid JSON. ${HINT}`);
    });
    const { items, batch } = parseCoachBody(raw);
    const m = await getModel();
    return c.json(batch ? { results: coachBatch(items, m) } : coachReply(items[0], m));
  });
  if (!history) return;
  app.get('/api/coach/history', async (c) => {
    const date = (name: 'from' | 'to') => {
      const v = c.req.query(name);
      if (v === undefined) return undefined;
      const d = new Date(v);
      if (Number.isNaN(d.getTime())) throw new UsageError(`Query parameter "${name}" must be a date (YYYY-MM-DD or ISO timestamp), not "${v}".`, { parameter: name });
      return d;
    };
    const minText = c.req.query('min');
    const minReplies = minText === undefined ? 5 : Number(minText);
    if (!Number.isInteger(minReplies) || minReplies < 1) throw new UsageError(`Query parameter "min" must be a whole number of replies, 1 or more, not "${minText}".`, { parameter: 'min' });
    const m = await getModel();
    return c.json(await loadReplyHistory(history.store, workspaceOf(c), m, { from: date('from'), to: date('to'), minReplies }));
  });
}
