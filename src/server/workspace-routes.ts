/**
 * `GET /api/workspaces`: the workspaces the caller may use, each with their role there, and the one
 * this request is in. Switching needs no POST: the next request names another workspace (header
 * X-Ecoute-Workspace or ?workspace=), and the server remembers the dashboard's choice in a cookie.
 */
import type { Context, Hono } from 'hono';
import type { Clock } from '../core/ports.ts';
import type { Role } from '../core/roles.ts';
import type { Store } from '../store/store.ts';
import type { WorkspaceMembership } from '../store/workspace-directory-queries.ts';
import { accountsOn, authenticate } from './auth.ts';
import { workspaceOf } from './workspace-context.ts';

/** Everyone is admin of the open demo's workspaces: with no user there is nobody to restrict. */
const OPEN_ROLE: Role = 'admin';

/** The workspaces a request's caller may use: all of the database while accounts are off; else theirs. */
async function usable(c: Context, store: Store, clock: Clock, defaultId: string): Promise<WorkspaceMembership[]> {
  const on = await accountsOn(c, store);
  const who = on || c.req.header('authorization') ? await authenticate(c, store, clock).catch(() => null) : null;
  if (who?.via === 'token') {
    // A token is of one workspace: it never lists the others, even their names.
    const { workspaceId, role } = who.token;
    const entry = (await store.listWorkspaces()).find((w) => w.id === workspaceId);
    return [{ id: workspaceId, name: entry?.name ?? workspaceId, role }];
  }
  if (who?.via === 'session') return store.workspacesOfUser(who.session.userId);
  const all = await store.listWorkspaces();
  if (!all.some((w) => w.id === defaultId)) all.push({ id: defaultId, name: defaultId });
  return all.sort((a, b) => a.id.localeCompare(b.id)).map((w) => ({ ...w, role: OPEN_ROLE }));
}

/** Registers GET /api/workspaces on `app` (before its /api/* catch-all); `defaultId` is the server's default. */
export function registerWorkspaceRoutes(app: Hono, store: Store, clock: Clock, defaultId: string): void {
  app.get('/api/workspaces', async (c) => {
    const current = workspaceOf(c);
    const workspaces = await usable(c, store, clock, defaultId);
    return c.json({
      current,
      default: defaultId,
      open: !(await accountsOn(c, store)),
      workspaces: workspaces.map((w) => ({ ...w, current: w.id === current })),
    });
  });
}
