/**
 * The listening station's messages (`GET /api/messages`, filtered and paged) and one customer's whole
 * history with their risk (`GET /api/customers/:id/history`).
 */
import type { Hono } from 'hono';
import { NotFoundError } from '../core/errors.ts';
import type { Clock } from '../core/ports.ts';
import { customerRisk } from '../insights/customers-at-risk.ts';
import { isOwnBrand } from '../insights/own-brand.ts';
import type { Store } from '../store/store.ts';
import type { Insights } from '../insights/types.ts';
import type { ViewCaches } from './view-cache.ts';
import { parseMessageQuery } from './query-params.ts';
import { workspaceOf } from './workspace-context.ts';

/** How to find a customer's id, for a 404. */
export const CUSTOMER_ID_HINT = 'A customer is named by its "c_…" id, as given in this workspace\'s messages, risk list, cases and alerts (GET /api/messages, GET /api/risk); numbers and other workspaces\' ids are not accepted.';

/** Mounts the message and customer-history routes on `app`. */
export function registerMessageRoutes(app: Hono, store: Store, caches: ViewCaches<Insights>, clock: Clock): void {
  app.get('/api/messages', async (c) => {
    const { filter, limit, cursor } = parseMessageQuery(c.req.query(), clock());
    return c.json(await store.listMessages(workspaceOf(c), filter, limit, cursor));
  });

  app.get('/api/customers/:id/history', async (c) => {
    const workspaceId = workspaceOf(c);
    const id = c.req.param('id');
    const messages = await store.customerHistory(workspaceId, id);
    // `id` is the customer's public id ("c_…", customer-public-ids.ts): a sequential number, or a customer
    // of another workspace, is not found, so ids cannot be walked to read every history.
    if (messages.length === 0) throw new NotFoundError('Customer', id, CUSTOMER_ID_HINT);
    const first = messages.find((m) => m.customerRef !== null || m.customerName !== null) ?? messages[0];
    const insights = await caches.for(workspaceId).get();
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
}
