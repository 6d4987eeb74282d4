/**
 * GET /api/value: what a CX improvement is worth (src/learn/value), every assumption visible with its
 * origin and source; any assumption can be changed with ?key=value (an unknown key, a negative or a
 * share above 1 is a 400 naming the fix).
 */
import type { Hono } from 'hono';
import { UsageError } from '../core/errors.ts';
import { VALUE_KEYS, setOverride, type ValueKey } from '../learn/value/value-assumptions.ts';
import { loadValueModel } from '../runtime/learn/load-value-model.ts';
import type { Store } from '../store/store.ts';
import { workspaceOf } from './workspace-context.ts';

/** Registers GET /api/value on `app` (before its /api/* catch-all). */
export function registerValueRoutes(app: Hono, store: Store): void {
  app.get('/api/value', async (c) => {
    const overrides: Partial<Record<ValueKey, number>> = {};
    for (const [key, raw] of Object.entries(c.req.query())) {
      if (!(VALUE_KEYS as readonly string[]).includes(key)) {
        throw new UsageError(`Unknown assumption "${key}". Use any of: ${VALUE_KEYS.join(', ')} (e.g. ?saveRate=0.3).`, { parameter: key, allowed: VALUE_KEYS });
      }
      setOverride(overrides, key as ValueKey, raw);
    }
    return c.json(await loadValueModel(store, workspaceOf(c), overrides));
  });
}
