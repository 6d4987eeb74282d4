/**
 * The workspace a request acts on, resolved once per request by a middleware and read by every route
 * through `workspaceOf(c)`, so no route holds a workspace fixed at construction. How it is chosen (token,
 * header, query, cookie, default) and who may enter it is resolve-workspace.ts's business; this file
 * only carries the request's wish to the resolver and its answer to the routes.
 */
import type { Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { UsageError } from '../core/errors.ts';

/** The header the dashboard's switcher (and any script) names the workspace with. */
export const WORKSPACE_HEADER = 'x-ecoute-workspace';
/** The query parameter that does the same where a header cannot be sent (a link, a download). */
export const WORKSPACE_PARAM = 'workspace';
/** The cookie that remembers the dashboard's last choice. */
export const WORKSPACE_COOKIE = 'ecoute_workspace';

/** What a request asked for, before anyone checked it. */
export interface WorkspaceAsk {
  /** The workspace named by the header or the query parameter, or null. */
  explicit: string | null;
  /** The workspace the cookie remembers, or null (never an error: a stale cookie is simply passed over). */
  remembered: string | null;
}

declare module 'hono' {
  interface ContextVariableMap {
    /** The workspace this request reads and changes (set by installWorkspace). */
    workspaceId: string;
    /** What the request asked for (set by installWorkspace, for the resolver and the log-in). */
    workspaceAsk: WorkspaceAsk;
  }
}

/** How a request's workspace is chosen from what it asked for; throws a 403/404 to refuse it. */
export type WorkspaceResolver = (c: Context, ask: WorkspaceAsk) => string | Promise<string>;

/** The workspace of this request; every query of a route is scoped by it. */
export function workspaceOf(c: Context): string {
  const id = c.get('workspaceId');
  // A route mounted before the middleware would otherwise read every workspace's default silently.
  if (!id) throw new Error('workspaceOf() called before installWorkspace(): mount the middleware first.');
  return id;
}

/** What this request asked for (header, query, cookie); empty before installWorkspace ran. */
export function workspaceAskOf(c: Context): WorkspaceAsk {
  return c.get('workspaceAsk') ?? { explicit: null, remembered: null };
}

/** Workspace ids as `ECOUTE_WORKSPACE` gives them: visible characters, no spaces, at most 100. */
const ID_RULE = /^[\x21-\x7e]{1,100}$/;

function checkedId(value: string, where: string, parameter: string): string {
  const id = value.trim();
  if (!ID_RULE.test(id)) {
    throw new UsageError(`${where} ${JSON.stringify(value)} is not a workspace id: use 1–100 visible characters without spaces, such as "default". GET /api/workspaces lists yours.`, { parameter });
  }
  return id;
}

/** Reads the request's wish; a header and a query parameter that disagree are a 400, not a guess. */
export function readWorkspaceAsk(c: Context): WorkspaceAsk {
  const header = c.req.header(WORKSPACE_HEADER);
  const param = c.req.query(WORKSPACE_PARAM);
  const fromHeader = header === undefined || header === '' ? null : checkedId(header, 'Header "X-Ecoute-Workspace"', WORKSPACE_HEADER);
  const fromQuery = param === undefined || param === '' ? null : checkedId(param, `Query parameter "${WORKSPACE_PARAM}"`, WORKSPACE_PARAM);
  if (fromHeader && fromQuery && fromHeader !== fromQuery) {
    throw new UsageError(`The X-Ecoute-Workspace header names "${fromHeader}" but ?${WORKSPACE_PARAM}= names "${fromQuery}". Name the workspace once.`, { parameter: WORKSPACE_PARAM });
  }
  const cookie = getCookie(c, WORKSPACE_COOKIE);
  return { explicit: fromHeader ?? fromQuery, remembered: cookie && ID_RULE.test(cookie) ? cookie : null };
}

/**
 * The request without its `?workspace=`: the parameter is this middleware's, so the routes that refuse
 * unknown query parameters (deliveries, scorecards, value) never see it.
 */
function withoutWorkspaceParam(c: Context): void {
  const url = new URL(c.req.url);
  if (!url.searchParams.has(WORKSPACE_PARAM)) return;
  url.searchParams.delete(WORKSPACE_PARAM);
  const raw = c.req.raw;
  c.req.raw = new Request(url, { method: raw.method, headers: raw.headers, body: raw.body, signal: raw.signal, duplex: 'half' } as RequestInit);
}

/** Sets the request's workspace on every /api route (install before the auth check and the routes). */
export function installWorkspace(app: Hono, resolve: WorkspaceResolver): void {
  app.use('/api/*', async (c, next) => {
    const ask = readWorkspaceAsk(c);
    c.set('workspaceAsk', ask);
    withoutWorkspaceParam(c);
    c.set('workspaceId', await resolve(c, ask));
    await next();
  });
}
