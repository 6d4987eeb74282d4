/**
 * Which workspace a request acts on, and whether its caller may enter it. In order: an API token's own
 * workspace (a token is scoped to one); the workspace the request names (X-Ecoute-Workspace header or
 * ?workspace=, the dashboard's switcher); the one the cookie remembers; else the server's default. A
 * user acts only where they have a role (store.roleOf); with accounts off (no user) the local demo is
 * open on the workspaces of its database. A refusal never tells whether another workspace exists: a
 * user asking for a workspace where they have no role gets the same 403 whether it holds data or not.
 */
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { ForbiddenError } from '../core/access-errors.ts';
import { NotFoundError } from '../core/errors.ts';
import type { Clock } from '../core/ports.ts';
import type { Store } from '../store/store.ts';
import type { WorkspaceMembership } from '../store/workspace-directory-queries.ts';
import { accountsOn, authenticate, type Credentials } from './auth.ts';
import { needsSecureCookie } from './cookie-security.ts';
import { WORKSPACE_COOKIE, type WorkspaceAsk, type WorkspaceResolver } from './workspace-context.ts';

/** How long the dashboard's choice is remembered: long enough to outlive many log-ins. */
const REMEMBER_DAYS = 180;

/** The 403 for a workspace the user may not enter: the same words whether it exists or not. */
export function noRoleIn(workspaceId: string, email: string): ForbiddenError {
  return new ForbiddenError(
    `${email} has no role in workspace "${workspaceId}" (or there is no such workspace). Work in one of yours (GET /api/workspaces lists them; the dashboard's workspace menu shows them), or ask an admin of "${workspaceId}" to add you: \`ECOUTE_WORKSPACE=${workspaceId} ecoute user add ${email} --role viewer\`.`,
    { workspace: workspaceId, reason: 'workspace' },
  );
}

function tokenElsewhere(name: string, own: string, asked: string): ForbiddenError {
  return new ForbiddenError(
    `The API token "${name}" is for workspace "${own}", not "${asked}": a token acts in its own workspace only. Leave out X-Ecoute-Workspace and ?workspace=, or use a token of "${asked}" (\`ECOUTE_WORKSPACE=${asked} ecoute token create NAME --role ROLE\`).`,
    { workspace: asked, reason: 'workspace' },
  );
}

/**
 * A user's workspace from their memberships: the one asked for (403 without a role there), else the
 * remembered one, else the default, else their first, where they have a role; null when they have none.
 */
export function pickWorkspace(memberships: readonly WorkspaceMembership[], ask: WorkspaceAsk, defaultId: string, email: string): WorkspaceMembership | null {
  const find = (id: string | null) => (id === null ? undefined : memberships.find((m) => m.id === id));
  if (ask.explicit !== null) {
    const asked = find(ask.explicit);
    if (!asked) throw noRoleIn(ask.explicit, email);
    return asked;
  }
  // A stale cookie (a role since removed) is passed over silently: it was a convenience, not a request.
  return find(ask.remembered) ?? find(defaultId) ?? memberships[0] ?? null;
}

/** The open demo's workspaces: those of the database, and the default even before anything is written. */
async function openWorkspace(store: Store, ask: WorkspaceAsk, defaultId: string): Promise<string> {
  const known = async (id: string) => id === defaultId || (await store.listWorkspaces()).some((w) => w.id === id);
  if (ask.explicit !== null) {
    if (await known(ask.explicit)) return ask.explicit;
    const ids = [...new Set([defaultId, ...(await store.listWorkspaces()).map((w) => w.id)])].sort();
    throw new NotFoundError('Workspace', ask.explicit, `This server has: ${ids.join(', ')}. Name one of them, or import data into "${ask.explicit}" first (\`ECOUTE_WORKSPACE=${ask.explicit} ecoute ingest FILE\`).`);
  }
  if (ask.remembered !== null && (await known(ask.remembered))) return ask.remembered;
  return defaultId;
}

/** Sets the cookie that remembers the dashboard's workspace (at log-in, and when the switcher changes it). */
export function rememberWorkspace(c: Context, workspaceId: string): void {
  setCookie(c, WORKSPACE_COOKIE, workspaceId, {
    httpOnly: true, sameSite: 'Strict', path: '/', secure: needsSecureCookie(c), maxAge: REMEMBER_DAYS * 86_400,
  });
}

/** Remembers an accepted explicit choice, so links and downloads (which send no header) follow it. */
function remember(c: Context, ask: WorkspaceAsk, chosen: string): void {
  if (ask.explicit === chosen && ask.remembered !== chosen) rememberWorkspace(c, chosen);
}

/** The credentials, or null when they are missing or refused: the auth check that follows says why. */
async function credentialsOrNull(c: Context, store: Store, clock: Clock): Promise<Credentials | null> {
  try {
    return await authenticate(c, store, clock);
  } catch {
    return null;
  }
}

/** The resolver `createApp` installs: `defaultId` is the server's default workspace (ECOUTE_WORKSPACE). */
export function workspaceResolver(store: Store, clock: Clock, defaultId: string): WorkspaceResolver {
  return async (c, ask) => {
    const on = await accountsOn(c, store);
    // With accounts off a token is still honoured for its workspace, never required.
    const who = on || c.req.header('authorization') ? await credentialsOrNull(c, store, clock) : null;
    if (who?.via === 'token') {
      const own = who.token.workspaceId;
      if (ask.explicit !== null && ask.explicit !== own) throw tokenElsewhere(who.token.name, own, ask.explicit);
      return own;
    }
    if (!on) {
      const chosen = await openWorkspace(store, ask, defaultId);
      remember(c, ask, chosen);
      return chosen;
    }
    // Nobody identified: only the log-in and the health check answer, and neither shows a workspace's data.
    if (!who) return defaultId;
    const mine = pickWorkspace(await store.workspacesOfUser(who.session.userId), ask, defaultId, who.session.email);
    // No role anywhere: the default, where the auth check refuses with its own message.
    if (!mine) return defaultId;
    remember(c, ask, mine.id);
    return mine.id;
  };
}
