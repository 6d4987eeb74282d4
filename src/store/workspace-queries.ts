import type { Kysely, Selectable } from 'kysely';
import { NotFoundError } from '../core/errors.ts';
import type { Clock } from '../core/ports.ts';
import { type Workspace, type WorkspaceSettings, WorkspaceSettingsSchema } from '../core/workspace.ts';
import type { Database, WorkspacesTable } from './db-types.ts';

function toWorkspace(row: Selectable<WorkspacesTable>): Workspace {
  return {
    id: row.id,
    name: row.name,
    settings: WorkspaceSettingsSchema.parse(JSON.parse(row.settings)),
    createdAt: new Date(Number(row.created_at)),
  };
}

/** Creates the workspace row if missing (inside any transaction); never changes an existing one. */
export async function insertWorkspaceIfMissing(db: Kysely<Database>, clock: Clock, id: string, name?: string): Promise<void> {
  await db
    .insertInto('workspaces')
    .values({
      id,
      name: name ?? id,
      settings: JSON.stringify(WorkspaceSettingsSchema.parse({})),
      created_at: clock().getTime(),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** Finds or creates a workspace. */
export async function ensureWorkspace(db: Kysely<Database>, clock: Clock, id: string, name?: string): Promise<Workspace> {
  await insertWorkspaceIfMissing(db, clock, id, name);
  const row = await db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return toWorkspace(row);
}

/** Replaces a workspace's settings (validated); throws NotFoundError if it does not exist. */
export async function updateWorkspaceSettings(db: Kysely<Database>, id: string, settings: WorkspaceSettings): Promise<Workspace> {
  const valid = WorkspaceSettingsSchema.parse(settings);
  const result = await db
    .updateTable('workspaces')
    .set((eb) => ({ settings: JSON.stringify(valid), data_version: eb('data_version', '+', 1) }))
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new NotFoundError('Workspace', id);
  const row = await db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return toWorkspace(row);
}

/** Finds or creates a source by name; returns its id. */
export async function ensureSource(db: Kysely<Database>, clock: Clock, workspaceId: string, name: string, kind: string): Promise<string> {
  await insertWorkspaceIfMissing(db, clock, workspaceId);
  await db
    .insertInto('sources')
    .values({ workspace_id: workspaceId, name, kind, created_at: clock().getTime() })
    .onConflict((oc) => oc.columns(['workspace_id', 'name']).doNothing())
    .execute();
  const row = await db
    .selectFrom('sources')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return String(row.id);
}

/**
 * Bumps the workspace's data version; call once per write transaction. Returns the new version, which
 * the transaction stamps on the rows it changes in place (`change_version`, migration 016): the row's
 * lock is held until commit, so stamped rows become visible with the version. `removed`: the
 * transaction deletes facts, so incremental readers must reload everything (`removed_version`).
 */
export async function bumpDataVersion(db: Kysely<Database>, clock: Clock, workspaceId: string, opts: { removed?: boolean } = {}): Promise<number> {
  await insertWorkspaceIfMissing(db, clock, workspaceId);
  const row = await db
    .updateTable('workspaces')
    // Both dialects read the old value on the right of every SET: removed_version becomes the new version.
    .set((eb) => ({
      data_version: eb('data_version', '+', 1),
      ...(opts.removed ? { removed_version: eb('data_version', '+', 1) } : {}),
    }))
    .where('id', '=', workspaceId)
    .returning('data_version')
    .executeTakeFirstOrThrow();
  return Number(row.data_version);
}

/** The workspace's data version and the version of its last deletion of facts (0 for a workspace never written). */
export async function changeMarkers(db: Kysely<Database>, workspaceId: string): Promise<{ dataVersion: number; removedVersion: number }> {
  const row = await db.selectFrom('workspaces').select(['data_version', 'removed_version']).where('id', '=', workspaceId).executeTakeFirst();
  return { dataVersion: row ? Number(row.data_version) : 0, removedVersion: row ? Number(row.removed_version) : 0 };
}

/** The workspace's data version; 0 for a workspace never written. */
export async function dataVersion(db: Kysely<Database>, workspaceId: string): Promise<number> {
  const row = await db.selectFrom('workspaces').select('data_version').where('id', '=', workspaceId).executeTakeFirst();
  return row ? Number(row.data_version) : 0;
}
