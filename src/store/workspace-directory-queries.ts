/**
 * Which workspaces a database holds and which of them a user may enter: what the server needs to
 * choose a request's workspace and to offer the dashboard's switcher (src/server/resolve-workspace.ts).
 */
import type { Kysely } from 'kysely';
import { parseRole, type Role } from '../core/roles.ts';
import type { Database } from './db-types.ts';
import { toDbId } from './ids.ts';

/** A workspace as a switcher lists it. */
export interface WorkspaceEntry {
  id: string;
  name: string;
}

/** A workspace where a user has a role, with that role. */
export interface WorkspaceMembership extends WorkspaceEntry {
  role: Role;
}

/** Every workspace of the database, by id. */
export async function listWorkspaces(db: Kysely<Database>): Promise<WorkspaceEntry[]> {
  const rows = await db.selectFrom('workspaces').select(['id', 'name']).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name }));
}

/**
 * The workspaces where a user has a role, by id; none for a disabled or unknown user. A membership may
 * name a workspace nothing was written to yet (`ecoute user add` before any import): its name is its id.
 */
export async function workspacesOfUser(db: Kysely<Database>, userId: string): Promise<WorkspaceMembership[]> {
  const id = toDbId(userId);
  if (id === null) return [];
  const rows = await db.selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .leftJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
    .select(['memberships.workspace_id', 'memberships.role', 'workspaces.name'])
    .where('memberships.user_id', '=', id).where('users.disabled', '=', 0)
    .orderBy('memberships.workspace_id').execute();
  // An unknown role value means a newer version wrote it: least power, as roleOf reads it.
  return rows.map((r) => ({ id: r.workspace_id, name: r.name ?? r.workspace_id, role: parseRole(r.role) ?? 'viewer' }));
}
