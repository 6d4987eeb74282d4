/**
 * Who is calling, and may they: one middleware before every API route. With no user defined the API is
 * open (the local demo, as before accounts existed); once one exists, every /api route but the health
 * check and the log-in answers 401 without a session cookie or an API token of the request's workspace
 * (workspace-context.ts), 403 when the role there may not do what the request does (src/core/roles.ts),
 * and 403 when a cookie-authenticated change comes without its CSRF token. Exports, changes and reads of one customer's history are written
 * to the audit log with who did them.
 */
import type { Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { ForbiddenError, UnauthorizedError } from '../core/access-errors.ts';
import { can, isUnsafeMethod, rolesAllowed, routeAccess, TOKEN_PREFIX_TEXT, type Action, type Role } from '../core/roles.ts';
import { sameSecret, secretHash } from '../runtime/accounts/credentials.ts';
import type { Clock } from '../core/ports.ts';
import type { ApiTokenInfo, SessionInfo } from '../store/account-store.ts';
import { erasedCustomerTarget } from '../store/erase-queries.ts';
import type { Store } from '../store/store.ts';
import { workspaceOf } from './workspace-context.ts';

/** The dashboard's session cookie. */
export const SESSION_COOKIE = 'ecoute_session';
/** The header carrying the CSRF token on cookie-authenticated changes. */
export const CSRF_HEADER = 'x-csrf-token';

/** Routes that answer whoever calls: the health check and the log-in itself. */
const PUBLIC = /^\/api\/(health|session)$/;

/** Someone identified: a dashboard user (by session cookie) or a script (by API token). */
export interface Principal {
  via: 'session' | 'token';
  /** For the audit log: the user's e-mail, or `token:NAME`. */
  actor: string;
  role: Role;
  /** The session's CSRF token (sessions only). */
  csrfToken?: string;
  /** The SHA-256 of the session id (sessions only), to log out. */
  sessionHash?: string;
  email?: string;
  name?: string | null;
}

const LOGIN_HINT = 'Log in on the dashboard, or send `Authorization: Bearer ec_…` with an API token of this workspace (`ecoute token create NAME --role ROLE`).';

/**
 * True when accounts are on (any user exists): the API then needs a session or a token. Asked once per
 * request, however many steps ask (the workspace resolver, the auth check, a route).
 */
export function accountsOn(c: Context, store: Store): Promise<boolean> {
  let on = c.get('accountsOn');
  if (!on) {
    on = store.countUsers().then((n) => n > 0);
    c.set('accountsOn', on);
  }
  return on;
}

/** The credentials a request carries, checked but not yet tied to a workspace. */
export type Credentials =
  | { via: 'token'; token: ApiTokenInfo }
  | { via: 'session'; session: SessionInfo; sessionHash: string };

declare module 'hono' {
  interface ContextVariableMap {
    /** The request's credentials, looked up once (the resolver of its workspace and the auth check share them). */
    credentials: Promise<Credentials | null>;
    /** Whether any user exists, looked up once per request (accountsOn). */
    accountsOn: Promise<boolean>;
    /** Who passed the auth check (unset while accounts are off): routes name them in what they record. */
    principal: Principal;
  }
}

async function lookUp(c: Context, store: Store, clock: Clock): Promise<Credentials | null> {
  const auth = c.req.header('authorization');
  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth.trim());
    if (!m || !m[1].startsWith(TOKEN_PREFIX_TEXT)) throw new UnauthorizedError(`The Authorization header is not "Bearer ec_…". ${LOGIN_HINT}`);
    const token = await store.useApiToken(secretHash(m[1]));
    if (!token) throw new UnauthorizedError(`This API token is unknown (mistyped, or from another database). ${LOGIN_HINT}`);
    if (token.revokedAt) throw new UnauthorizedError(`The API token "${token.name}" was revoked on ${token.revokedAt.toISOString()}. Create another with \`ecoute token create NAME --role ROLE\`.`);
    return { via: 'token', token };
  }
  const cookie = getCookie(c, SESSION_COOKIE);
  if (!cookie) return null;
  const sessionHash = secretHash(cookie);
  const session = await store.findSession(sessionHash, clock());
  if (!session) throw new UnauthorizedError(`Your session has expired or was closed. ${LOGIN_HINT}`);
  return { via: 'session', session, sessionHash };
}

/**
 * The credentials of a request (an API token, with its one workspace, or a session's user), or null when
 * it carries neither; an unknown or revoked token or an expired session is refused (401). Looked up once
 * per request, however many times it is asked.
 */
export function authenticate(c: Context, store: Store, clock: Clock): Promise<Credentials | null> {
  let found = c.get('credentials');
  if (!found) {
    found = lookUp(c, store, clock);
    // Whoever asks gets the refusal; an unasked one must not be an unhandled rejection.
    found.catch(() => undefined);
    c.set('credentials', found);
  }
  return found;
}

/**
 * The principal of a request in a workspace, or null when it carries neither a session cookie nor a
 * bearer token. A token that is unknown, revoked or of another workspace, or a user without a role in
 * `workspaceId`, is refused with the reason (401 or 403).
 */
export async function identify(c: Context, store: Store, workspaceId: string, clock: Clock): Promise<Principal | null> {
  const found = await authenticate(c, store, clock);
  if (!found) return null;
  if (found.via === 'token') {
    const { token } = found;
    if (token.workspaceId !== workspaceId) {
      throw new ForbiddenError(`The API token "${token.name}" is for workspace "${token.workspaceId}", not "${workspaceId}". Create one in this workspace with \`ECOUTE_WORKSPACE=${workspaceId} ecoute token create NAME --role ROLE\`.`);
    }
    return { via: 'token', actor: `token:${token.name}`, role: token.role };
  }
  const { session, sessionHash } = found;
  const role = await store.roleOf(workspaceId, session.userId);
  if (!role) throw new ForbiddenError(`${session.email} has no role in workspace "${workspaceId}". An admin can give one with \`ECOUTE_WORKSPACE=${workspaceId} ecoute user add ${session.email} --role viewer\`.`);
  return { via: 'session', actor: session.email, role, csrfToken: session.csrfToken, sessionHash, email: session.email, name: session.name };
}

/** Refuses a cookie-authenticated change without the session's CSRF token (a form posted from another site). */
export function checkCsrf(c: Context, principal: Pick<Principal, 'via' | 'csrfToken'>): void {
  if (principal.via !== 'session' || !isUnsafeMethod(c.req.method)) return;
  const sent = c.req.header(CSRF_HEADER) ?? '';
  if (!principal.csrfToken || !sameSecret(sent, principal.csrfToken)) {
    throw new ForbiddenError(`This change came without the session's CSRF token. Send it in the ${CSRF_HEADER} header (GET /api/session gives it); the dashboard does so itself, so reload it.`, { reason: 'csrf' });
  }
}

function refuse(who: Principal, action: Action, workspaceId: string): never {
  const allowed = rolesAllowed(action);
  const least = allowed[allowed.length - 1];
  const fix = who.via === 'token'
    ? `Use a token with that role (\`ECOUTE_WORKSPACE=${workspaceId} ecoute token create NAME --role ${least}\`).`
    : `An admin can change it with \`ECOUTE_WORKSPACE=${workspaceId} ecoute user add ${who.email ?? 'EMAIL'} --role ${least}\`.`;
  throw new ForbiddenError(
    `Your role in workspace "${workspaceId}" is ${who.role}, which may not ${action}: this needs ${allowed.join(' or ')}. ${fix}`,
    { role: who.role, action, allowed },
  );
}

/** Installs the check on every /api route, in the request's workspace (after installWorkspace, before any route). */
export function installAuth(app: Hono, store: Store, clock: Clock): void {
  app.use('/api/*', async (c, next) => {
    if (PUBLIC.test(c.req.path) || !(await accountsOn(c, store))) return next();
    const workspaceId = workspaceOf(c);
    const principal = await identify(c, store, workspaceId, clock);
    if (!principal) throw new UnauthorizedError(`This workspace needs a log-in. ${LOGIN_HINT}`);
    const url = new URL(c.req.url);
    const { action, exports } = routeAccess(c.req.method, c.req.path, url.searchParams);
    if (!can(principal.role, action)) refuse(principal, action, workspaceId);
    if (exports && !can(principal.role, 'export')) refuse(principal, 'export', workspaceId);
    checkCsrf(c, principal);
    c.set('principal', principal);
    await next();
    const changes = isUnsafeMethod(c.req.method) && action !== 'read';
    const personal = c.req.method === 'GET' && /^\/api\/customers\/[^/]+\/history$/.test(c.req.path);
    if (exports || changes || personal) {
      await store.recordAudit(workspaceId, {
        actor: principal.actor,
        action: exports ? 'api.export' : personal ? 'api.read-customer' : `api.${action}`,
        target: auditTarget(c.req.method, c.req.path, url.search),
        detail: { status: c.res.status, role: principal.role, via: principal.via },
      });
    }
  });
}

/**
 * What the audit log names for a request: its method and path, except that an erased customer's id
 * is kept only as the hashed target the erasure itself writes (the log must not keep what was erased).
 */
export function auditTarget(method: string, path: string, search: string): string {
  const erase = method === 'DELETE' ? /^\/api\/customers\/([^/]+)$/.exec(path) : null;
  if (erase) {
    let id = erase[1];
    try { id = decodeURIComponent(id); } catch { /* a malformed escape: hash it as sent */ }
    return `DELETE /api/customers/${erasedCustomerTarget(id)}`;
  }
  return `${method} ${path}${search}`;
}
