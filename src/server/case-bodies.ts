/**
 * The JSON bodies and query strings of the case routes, validated with zod. A malformed one is a 400
 * (UsageError) naming the field and what it accepts; a well-formed one the store refuses (a move not
 * allowed, an unknown message) is answered by the store's own error.
 */
import { z } from 'zod';
import { CASE_PRIORITIES, CASE_STATUSES, ROOT_CAUSE_STATUSES } from '../core/act.ts';
import { UsageError } from '../core/errors.ts';
import { resolvePeriod } from '../insights/filter-input.ts';
import type { CaseFilter, CaseScope, CaseUpdate, OpenCaseInput } from '../store/case-store.ts';
import { INSIGHT_QUERY_PARAMS, parseInsightFilter, rejectUnknownParams, sharedFilterQuery } from './insight-filter-params.ts';

const name = z.string().trim().max(200);
const when = z.string().datetime({ offset: true, message: 'must be an ISO 8601 time such as 2026-03-01T17:00:00Z' }).transform((s) => new Date(s));
/** Who acts: the dashboard and API callers say who they are; 'rule' is kept for the alert engine. */
const actor = z.string().trim().min(1).max(200).refine((a) => a !== 'rule', { message: '"rule" is reserved for alert rules; give your name' }).optional();

export const OpenCaseBody = z.object({
  messageId: z.string().regex(/^\d{1,15}$/, 'must be a message id from GET /api/messages').nullish(),
  title: z.string().trim().min(1).max(300).nullish(),
  owner: name.nullish(),
  team: name.nullish(),
  priority: z.enum(CASE_PRIORITIES).nullish(),
  dueAt: when.nullish(),
  customerId: z.string().max(100).nullish(),
  conversationId: z.string().max(100).nullish(),
  actor,
}).strict();

export const UpdateCaseBody = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  owner: name.nullable().optional(),
  team: name.nullable().optional(),
  dueAt: when.nullable().optional(),
  rootCauseId: z.string().max(100).nullable().optional(),
  actor,
}).strict();

export const NoteBody = z.object({ text: z.string().min(1).max(10_000), actor }).strict();

export const RootCauseBody = z.object({ key: z.string().min(1).max(120), title: z.string().trim().min(1).max(300).nullish(), owner: name.nullish() }).strict();

export const UpdateRootCauseBody = z.object({
  owner: name.nullable().optional(),
  status: z.enum(ROOT_CAUSE_STATUSES).optional(),
  title: z.string().trim().min(1).max(300).optional(),
}).strict();

/** Parses `raw` with `schema`, or throws a UsageError naming the first bad field and the expected shape. */
export function parseBody<T extends z.ZodType>(schema: T, raw: unknown, shape: string): z.infer<T> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue.path.join('.') || 'body';
  const problem = issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}` : `field "${field}": ${issue.message}`;
  throw new UsageError(`Body ${problem}. Send ${shape}.`, { parameter: field });
}

/** The API's body → the store's input (the actor defaults to 'api'). */
export function toOpenCaseInput(b: z.infer<typeof OpenCaseBody>): OpenCaseInput {
  return { ...b, actor: b.actor ?? 'api' };
}

export function toCaseUpdate(b: z.infer<typeof UpdateCaseBody>): CaseUpdate {
  return { ...b, actor: b.actor ?? 'api' };
}

const CASE_OWN_QUERY = ['status', 'owner', 'overdue', 'rootCause', 'customer', 'limit'] as const;
/** Every parameter GET /api/cases accepts: its own, then the dashboard's shared filter. */
export const CASE_QUERY_PARAMS = [...CASE_OWN_QUERY, ...INSIGHT_QUERY_PARAMS] as const;

/**
 * The dashboard's shared filter (period, from, to, team, segment, channel, brand, language) of a case
 * query, validated by the insight views' parser so both answer the same 400s, and resolved against
 * `now`: the period becomes a range of opened dates.
 */
export function parseCaseScope(q: Record<string, string>, now: Date): CaseScope {
  const f = parseInsightFilter(sharedFilterQuery(q));
  const range = resolvePeriod(f, now);
  const scope: CaseScope = {};
  if (range.from !== null) scope.openedFrom = new Date(range.from);
  if (range.to !== null) scope.openedBefore = new Date(range.to);
  for (const k of ['team', 'segment', 'channel', 'brand', 'language'] as const) if (f[k] !== undefined) scope[k] = f[k];
  return scope;
}

/** GET /api/cases/figures query → scope: only the shared filter; anything else is a 400 naming the fix. */
export function parseFiguresQuery(q: Record<string, string>, now: Date): CaseScope {
  rejectUnknownParams(q, INSIGHT_QUERY_PARAMS);
  return parseCaseScope(q, now);
}

/** GET /api/cases query → filter; unknown parameters and bad values are 400s naming the fix. */
export function parseCaseQuery(q: Record<string, string>, now: Date): CaseFilter {
  rejectUnknownParams(q, CASE_QUERY_PARAMS);
  const filter: CaseFilter = parseCaseScope(q, now);
  if (q.status) {
    if (!(CASE_STATUSES as readonly string[]).includes(q.status)) throw new UsageError(`Query parameter "status" has unknown value "${q.status}". Use one of: ${CASE_STATUSES.join(', ')}.`, { parameter: 'status' });
    filter.status = q.status as CaseFilter['status'];
  }
  if (q.overdue) {
    if (q.overdue !== 'true' && q.overdue !== 'false') throw new UsageError(`Query parameter "overdue" must be true or false, not "${q.overdue}".`, { parameter: 'overdue' });
    filter.overdue = q.overdue === 'true';
  }
  if (q.limit) {
    const n = Number(q.limit);
    if (!Number.isInteger(n) || n < 1 || n > 1000) throw new UsageError(`Query parameter "limit" must be a whole number from 1 to 1000, not "${q.limit}".`, { parameter: 'limit' });
    filter.limit = n;
  }
  if (q.owner) filter.owner = q.owner.slice(0, 200);
  if (q.rootCause) filter.rootCauseId = q.rootCause.slice(0, 100);
  if (q.customer) filter.customerId = q.customer.slice(0, 100);
  return filter;
}
