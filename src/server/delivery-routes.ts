/**
 * Alert deliveries over HTTP: the outbox with every attempt (to see what reached whom, and why not),
 * and sending a failed delivery again once its rule or receiver is fixed.
 */
import type { Hono } from 'hono';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../core/delivery.ts';
import { UsageError } from '../core/errors.ts';
import type { Clock } from '../core/ports.ts';
import type { OutboxStore } from '../store/outbox-store.ts';
import { rejectUnknownParams } from './insight-filter-params.ts';
import { workspaceOf } from './workspace-context.ts';

/** Query parameters of GET /api/deliveries (also listed in the OpenAPI document). */
export const DELIVERY_QUERY_PARAMS = ['status', 'limit'] as const;
export const DEFAULT_DELIVERY_LIMIT = 100;
export const MAX_DELIVERY_LIMIT = 1000;

function parseQuery(query: Record<string, string>): { status?: DeliveryStatus; limit: number } {
  rejectUnknownParams(query, DELIVERY_QUERY_PARAMS);
  let status: DeliveryStatus | undefined;
  if (query.status !== undefined && query.status !== '') {
    if (!(DELIVERY_STATUSES as readonly string[]).includes(query.status)) {
      throw new UsageError(`Query parameter "status" has unknown value "${query.status}". Use one of: ${DELIVERY_STATUSES.join(', ')}.`, { parameter: 'status', allowed: DELIVERY_STATUSES });
    }
    status = query.status as DeliveryStatus;
  }
  let limit = DEFAULT_DELIVERY_LIMIT;
  if (query.limit !== undefined && query.limit !== '') {
    limit = Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_DELIVERY_LIMIT) {
      throw new UsageError(`Query parameter "limit" must be a whole number from 1 to ${MAX_DELIVERY_LIMIT}, not "${query.limit}".`, { parameter: 'limit' });
    }
  }
  return { status, limit };
}

/**
 * Registers GET /api/deliveries (newest first, each with its attempts; webhook URLs without their
 * secret part) and POST /api/deliveries/:id/retry (a failed delivery back to pending: 404 for an
 * unknown id, 422 when it is not failed) on `app`, before its /api/* catch-all.
 */
export function registerDeliveryRoutes(app: Hono, store: OutboxStore, clock: Clock): void {
  app.get('/api/deliveries', async (c) => {
    const { status, limit } = parseQuery(c.req.query());
    return c.json({ deliveries: await store.listDeliveries(workspaceOf(c), { status, limit }) });
  });

  app.post('/api/deliveries/:id/retry', async (c) => c.json({ delivery: await store.retryDelivery(workspaceOf(c), c.req.param('id'), clock()) }));
}
