/**
 * The dashboard's log-in: `POST /api/session` {email, password} sets the session cookie (HttpOnly,
 * SameSite=Strict, Secure unless plain HTTP on this machine) and answers the CSRF token;
 * `GET /api/session` says who is logged in, or that the workspace is open (no user defined);
 * `DELETE /api/session` logs out.
 */
import type { Context, Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { UnauthorizedError } from '../core/access-errors.ts';
import { EcouteError, UsageError } from '../core/errors.ts';
import type { Clock } from '../core/ports.ts';
import { DUMMY_PASSWORD_HASH, newSecret, secretHash, verifyPassword } from '../runtime/accounts/credentials.ts';
import type { Store } from '../store/store.ts';
import { accountsOn, authenticate, checkCsrf, identify, SESSION_COOKIE } from './auth.ts';
import { needsSecureCookie } from './cookie-security.ts';
import { pickWorkspace, rememberWorkspace } from './resolve-workspace.ts';
import { workspaceAskOf, workspaceOf } from './workspace-context.ts';

/** How long a log-in lasts: a working day, so a forgotten browser does not stay logged in for long. */
export const SESSION_HOURS = 12;

/** Failed log-ins allowed per e-mail in a window, after which the log-in is refused until it ends. */
export const LOGIN_FAILURES = { max: 10, windowMs: 15 * 60_000 };

/**
 * Counts failed log-ins per e-mail (in memory: one server process), so that guessing a password online
 * takes 10 tries per quarter of an hour, whichever addresses the guesses come from.
 */
function loginThrottle(clock: Clock) {
  const failures = new Map<string, { count: number; since: number }>();
  const live = (email: string, now: number) => {
    const f = failures.get(email);
    return f && now - f.since < LOGIN_FAILURES.windowMs ? f : undefined;
  };
  return {
    check(email: string): void {
      const now = clock().getTime();
      const f = live(email, now);
      if (f && f.count >= LOGIN_FAILURES.max) {
        const wait = Math.ceil((f.since + LOGIN_FAILURES.windowMs - now) / 60_000);
        throw new EcouteError('too_many_logins', `Too many failed log-ins for ${email}: try again in ${wait} min, or ask an admin to set a new password (\`ecoute user remove\` then \`ecoute user add\`).`, 429);
      }
    },
    failed(email: string): void {
      const now = clock().getTime();
      if (failures.size > 10_000) for (const [k, v] of failures) if (now - v.since >= LOGIN_FAILURES.windowMs) failures.delete(k);
      const f = live(email, now);
      failures.set(email, f ? { count: f.count + 1, since: f.since } : { count: 1, since: now });
    },
    succeeded(email: string): void {
      failures.delete(email);
    },
  };
}

async function readLogin(c: Context): Promise<{ email: string; password: string }> {
  const shape = 'Send {"email": "...", "password": "..."} with content-type application/json.';
  // JSON only: a form posted from another site cannot log a browser in under someone else's account.
  if (!(c.req.header('content-type') ?? '').startsWith('application/json')) throw new UsageError(`The log-in must be JSON. ${shape}`);
  const body: unknown = await c.req.json().catch(() => null);
  const { email, password } = (body ?? {}) as Record<string, unknown>;
  if (typeof email !== 'string' || typeof password !== 'string' || !email || !password) throw new UsageError(`The log-in needs an e-mail and a password. ${shape}`);
  return { email, password };
}

/**
 * Mounts the session routes on `app`. A log-in opens the workspace the request names (403 without a
 * role there), else the remembered one, else `defaultWorkspaceId`, else the user's first where they
 * have a role: the answer says which, and the cookie remembers it.
 */
export function registerSessionRoutes(app: Hono, store: Store, clock: Clock, defaultWorkspaceId: string): void {
  const throttle = loginThrottle(clock);
  app.post('/api/session', async (c) => {
    const { email: given, password } = await readLogin(c);
    const email = given.trim().toLowerCase();
    throttle.check(email);
    const user = await store.findUserByEmail(email);
    // An unknown e-mail costs the same hash as a wrong password, so answers do not tell which it was.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
    if (!user || !ok || user.disabled) throttle.failed(email);
    if (!user || !ok || user.disabled) throw new UnauthorizedError('Wrong e-mail or password. Check both; an admin can reset an account with `ecoute user remove` then `ecoute user add`.');
    const mine = pickWorkspace(await store.workspacesOfUser(user.id), workspaceAskOf(c), defaultWorkspaceId, user.email);
    if (!mine) throw new UnauthorizedError(`${user.email} has no role in any workspace. An admin can give one with \`ECOUTE_WORKSPACE=${defaultWorkspaceId} ecoute user add ${user.email} --role viewer\`.`);
    const { id: workspaceId, role } = mine;
    throttle.succeeded(email);
    const sessionId = newSecret();
    const csrfToken = newSecret();
    const now = clock();
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
    await store.createSession({ idHash: secretHash(sessionId), userId: user.id, csrfToken, expiresAt, now });
    setCookie(c, SESSION_COOKIE, sessionId, {
      httpOnly: true, sameSite: 'Strict', path: '/', secure: needsSecureCookie(c), maxAge: SESSION_HOURS * 3600,
    });
    rememberWorkspace(c, workspaceId);
    await store.recordAudit(workspaceId, { actor: user.email, action: 'session.login', target: 'POST /api/session', detail: { role } });
    return c.json({ open: false, user: { email: user.email, name: user.name }, role, workspace: workspaceId, csrfToken, expiresAt: expiresAt.toISOString() });
  });

  app.get('/api/session', async (c) => {
    const workspaceId = workspaceOf(c);
    if (!(await accountsOn(c, store))) return c.json({ open: true, workspace: workspaceId, role: 'admin' });
    const who = await identify(c, store, workspaceId, clock);
    if (!who) throw new UnauthorizedError('Nobody is logged in. Log in with POST /api/session {email, password}.');
    return c.json({
      open: false, workspace: workspaceId, role: who.role, via: who.via,
      user: who.email ? { email: who.email, name: who.name ?? null } : null,
      token: who.via === 'token' ? who.actor.slice('token:'.length) : null,
      csrfToken: who.csrfToken ?? null,
    });
  });

  app.delete('/api/session', async (c) => {
    // Whatever workspace the request is in: logging out needs the session, not a role.
    const found = (await accountsOn(c, store)) ? await authenticate(c, store, clock).catch(() => null) : null;
    if (found?.via === 'session') {
      checkCsrf(c, { via: 'session', csrfToken: found.session.csrfToken });
      await store.deleteSession(found.sessionHash);
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: needsSecureCookie(c), httpOnly: true, sameSite: 'Strict' });
    return c.body(null, 204);
  });
}
