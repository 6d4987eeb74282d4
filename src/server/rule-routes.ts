/**
 * Alert rules and their alerts over HTTP: list, add (validated: a 422 names the field and the fix),
 * read with every version, update (a new version), remove (retire), test on past messages (writes
 * nothing), and the alerts they raised with acknowledgement.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { UsageError } from '../core/errors.ts';
import type { Clock } from '../core/ports.ts';
import { testRule } from '../runtime/act/test-rule.ts';
import type { Store } from '../store/store.ts';
import { workspaceOf } from './workspace-context.ts';

const RULE_SHAPE = '{"name": "...", "conditions": {"churn": true}, "actions": [{"type": "case"}], "dedupeWindow": "24h"}';

/** The JSON body, or a 400 saying what to send. */
async function jsonBody(c: Context, shape: string): Promise<unknown> {
  return c.req.json().catch(() => {
    throw new UsageError(`The request body is not valid JSON. Send ${shape} with content-type application/json.`);
  });
}

/** A query or body field that must parse, else a 400 naming it. */
function parse<T>(schema: z.ZodType<T>, value: unknown, where: 'body' | 'query'): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue.path.join('.');
  const place = where === 'body' ? (field ? `Body field "${field}"` : 'Body') : `Query parameter "${field}"`;
  throw new UsageError(`${place}: ${issue.message}.`, { parameter: field });
}

const date = z.iso.datetime({ offset: true, error: 'must be an ISO timestamp such as 2026-03-01T00:00:00Z' })
  .or(z.iso.date({ error: 'must be a date such as 2026-03-01' })).transform((s) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s));

const TestBodySchema = z.strictObject({
  /** A rule definition to try before adding it… */
  rule: z.unknown().optional(),
  /** …or the id of a stored rule. */
  id: z.string().min(1).optional(),
  since: date.optional(),
  until: date.optional(),
  limit: z.number().int().min(1).max(1000).default(50),
  lang: z.enum(['fr', 'en']).optional(),
}, { error: (iss) => (iss.code === 'unrecognized_keys' ? `unknown field "${iss.keys.join('", "')}": send rule or id, and optionally since, until, limit, lang` : undefined) })
  .refine((b) => (b.rule === undefined) !== (b.id === undefined), 'send exactly one of "rule" (a definition) and "id" (a stored rule)');

const AlertQuerySchema = z.object({
  rule: z.string().min(1).optional(),
  unacknowledged: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
  limit: z.coerce.number({ error: 'must be a whole number from 1 to 1000' }).int('must be a whole number from 1 to 1000').min(1, 'must be at least 1').max(1000, 'must be at most 1000').default(100),
});

/** Mounts /api/rules and /api/alerts on `app` (before its /api/* catch-all). */
export function registerRuleRoutes(app: Hono, store: Store, clock: Clock): void {
  app.get('/api/rules', async (c) => {
    const { all } = parse(z.object({ all: z.enum(['true', 'false'], { error: 'must be true or false' }).optional() }), c.req.query(), 'query');
    return c.json({ rules: await store.listRules(workspaceOf(c), { includeRemoved: all === 'true' }) });
  });

  app.post('/api/rules', async (c) => {
    const rule = await store.addRule(workspaceOf(c), await jsonBody(c, RULE_SHAPE), 'api');
    return c.json({ rule }, 201);
  });

  app.post('/api/rules/test', async (c) => {
    const body = parse(TestBodySchema, await jsonBody(c, '{"rule": {...}} or {"id": "rule-…"}, with optional "since", "until", "limit", "lang"'), 'body');
    const workspaceId = workspaceOf(c);
    const rule = body.id !== undefined ? await store.getRule(workspaceId, body.id) : body.rule;
    return c.json(await testRule(store, workspaceId, rule, { clock, since: body.since, until: body.until, limit: body.limit, lang: body.lang }));
  });

  app.get('/api/rules/:id', async (c) => {
    const versions = await store.ruleVersions(workspaceOf(c), c.req.param('id'));
    return c.json({ rule: versions[0], versions });
  });

  app.put('/api/rules/:id', async (c) => {
    const rule = await store.updateRule(workspaceOf(c), c.req.param('id'), await jsonBody(c, RULE_SHAPE), 'api');
    return c.json({ rule });
  });

  app.delete('/api/rules/:id', async (c) => c.json({ rule: await store.removeRule(workspaceOf(c), c.req.param('id')) }));

  app.get('/api/alerts', async (c) => {
    const q = parse(AlertQuerySchema, c.req.query(), 'query');
    return c.json({ alerts: await store.listAlerts(workspaceOf(c), { ruleId: q.rule, unacknowledged: q.unacknowledged === 'true', limit: q.limit }) });
  });

  app.post('/api/alerts/:id/ack', async (c) => c.json({ alert: await store.acknowledgeAlert(workspaceOf(c), c.req.param('id')) }));
}
