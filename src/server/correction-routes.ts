/**
 * Label corrections of a message's findings: `PUT /api/messages/:id/corrections` {field, value, actor?}
 * stores one (the latest per field wins), `GET` lists them: the latest per field, and every one made.
 * The listening station then shows the corrected value (GET /api/messages carries `corrections`).
 */
import type { Hono } from 'hono';
import { latestCorrections } from '../core/correction.ts';
import { NotFoundError, UsageError } from '../core/errors.ts';
import type { Store } from '../store/store.ts';
import { workspaceOf } from './workspace-context.ts';

const BODY_HINT = 'Send {"field": "emotions"|"needs"|"themes"|"stage"|"churn"|"urgency"|"vulnerable"|"sentiment", "value": ..., "actor": "who (optional)"}';

/** Mounts the correction routes on `app`. */
export function registerCorrectionRoutes(app: Hono, store: Store): void {
  app.put('/api/messages/:id/corrections', async (c) => {
    const raw: unknown = await c.req.json().catch(() => {
      throw new UsageError(`The request body is not valid JSON. ${BODY_HINT} with content-type application/json.`);
    });
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new UsageError(`The request body must be a JSON object. ${BODY_HINT}.`);
    const body = raw as Record<string, unknown>;
    if (!('field' in body)) throw new UsageError(`Body field "field" is missing. ${BODY_HINT}.`, { parameter: 'field' });
    if (!('value' in body)) throw new UsageError(`Body field "value" is missing (null is a value: no stage). ${BODY_HINT}.`, { parameter: 'value' });
    const actor = body.actor === undefined ? 'api' : body.actor;
    if (typeof actor !== 'string' || actor.trim() === '' || actor.length > 200) {
      throw new UsageError('Body field "actor" must be the name or address of who corrects (1–200 characters), or left out.', { parameter: 'actor' });
    }
    const correction = await store.addCorrection(workspaceOf(c), c.req.param('id'), { field: body.field, value: body.value, actor: actor.trim() });
    return c.json({ correction }, 201);
  });

  app.get('/api/messages/:id/corrections', async (c) => {
    const workspaceId = workspaceOf(c);
    const id = c.req.param('id');
    const history = await store.listCorrections(workspaceId, [id]);
    if (history.length === 0) {
      // An unknown message is a 404; a known one without corrections has an empty list.
      const facts = await store.factsOfMessages(workspaceId, [id]);
      if (facts.length === 0) throw new NotFoundError('Message', id, 'Take a message id from GET /api/messages (the listening station).');
    }
    return c.json({ corrections: latestCorrections(history), history: [...history].reverse() });
  });
}
