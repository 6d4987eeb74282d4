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

/** Bumps the workspace's data version; call once per write transaction. */
export async function bumpDataVersion(db: Kysely<Database>, clock: Clock, workspaceId: string): Promise<void> {
  await insertWorkspaceIfMissing(db, clock, workspaceId);
  await db
    .updateTable('workspaces')
    .set((eb) => ({ data_version: eb('data_version', '+', 1) }))
    .where('id', '=', workspaceId)
    .execute();
}

/** The workspace's data version; 0 for a workspace never written. */
export async function dataVersion(db: Kysely<Database>, workspaceId: string): Promise<number> {
  const row = await db.selectFrom('workspaces').select('data_version').where('id', '=', workspaceId).executeTakeFirst();
  return row ? Number(row.data_version) : 0;
}
