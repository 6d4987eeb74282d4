import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { ROOT_CAUSE_STATUSES, type RootCause, type RootCauseStatus } from '../core/act.ts';
import { InputError, NotFoundError } from '../core/errors.ts';
import { labelOf } from '../core/label-names.ts';
import type { Clock } from '../core/ports.ts';
import { WorkspaceSettingsSchema } from '../core/workspace.ts';
import type { RootCauseSummary } from './case-store.ts';
import { toRootCause } from './case-rows.ts';
import type { Database } from './db-types.ts';

const KEY = /^[a-z0-9][a-z0-9_:.-]{0,119}$/;

/** A theme key as stored: lower case, e.g. "delay" or "discovered:late-refunds"; InputError otherwise. */
function validKey(key: string): string {
  const k = key.trim().toLowerCase();
  if (!KEY.test(k)) {
    throw new InputError(`Root cause key "${key}" is invalid. Use the theme's code, e.g. "delay" or "discovered:late-refunds" (letters, digits, _ : . -).`);
  }
  return k;
}

/**
 * Finds or creates the root cause of a theme. The title defaults to the theme's name in the workspace's
 * language (built-in themes) or the key; a title or owner passed for an existing root cause replaces the stored one.
 */
export async function upsertRootCause(
  db: Kysely<Database>, clock: Clock, workspaceId: string, input: { key: string; title?: string | null; owner?: string | null },
): Promise<RootCause> {
  const key = validKey(input.key);
  const at = clock().getTime();
  const ws = await db.selectFrom('workspaces').select('settings').where('id', '=', workspaceId).executeTakeFirst();
  const lang = ws ? WorkspaceSettingsSchema.parse(JSON.parse(ws.settings)).language : 'fr';
  const title = input.title?.trim() || labelOf('themes', key)[lang];
  await db.insertInto('root_causes').values({
    id: randomUUID(), workspace_id: workspaceId, key, title, owner: input.owner?.trim() || null, status: 'open', created_at: at, updated_at: at,
  }).onConflict((oc) => oc.columns(['workspace_id', 'key']).doNothing()).execute();
  const row = await db.selectFrom('root_causes').selectAll().where('workspace_id', '=', workspaceId).where('key', '=', key).executeTakeFirstOrThrow();
  const change: { title?: string; owner?: string | null } = {};
  if (input.title?.trim() && input.title.trim() !== row.title) change.title = input.title.trim();
  if (input.owner !== undefined && (input.owner?.trim() || null) !== row.owner) change.owner = input.owner?.trim() || null;
  if (Object.keys(change).length === 0) return toRootCause(row);
  return updateRootCause(db, clock, workspaceId, row.id, change);
}

/** Changes a root cause's owner, status or title. */
export async function updateRootCause(
  db: Kysely<Database>, clock: Clock, workspaceId: string, id: string, update: { owner?: string | null; status?: RootCauseStatus; title?: string },
): Promise<RootCause> {
  if (update.status !== undefined && !(ROOT_CAUSE_STATUSES as readonly string[]).includes(update.status)) {
    throw new InputError(`Root cause status "${update.status}" is unknown. Use one of: ${ROOT_CAUSE_STATUSES.join(', ')}.`);
  }
  if (update.title !== undefined && !update.title.trim()) throw new InputError('A root cause title cannot be empty. Name the problem in a few words.');
  const row = await db.updateTable('root_causes').set({
    updated_at: clock().getTime(),
    ...(update.owner !== undefined ? { owner: update.owner?.trim() || null } : {}),
    ...(update.status !== undefined ? { status: update.status } : {}),
    ...(update.title !== undefined ? { title: update.title.trim() } : {}),
  }).where('workspace_id', '=', workspaceId).where('id', '=', id).returningAll().executeTakeFirst();
  if (!row) throw new NotFoundError('Root cause', id, 'List root causes with GET /api/root-causes or `ecoute cases causes`.');
  return toRootCause(row);
}

/** Root causes with how many cases each gathers (and how many are still open), most cases first. */
export async function listRootCauses(db: Kysely<Database>, workspaceId: string): Promise<RootCauseSummary[]> {
  const rows = await db.selectFrom('root_causes as r')
    .leftJoin('cases as c', (j) => j.onRef('c.root_cause_id', '=', 'r.id').onRef('c.workspace_id', '=', 'r.workspace_id'))
    .selectAll('r')
    .select((eb) => [
      eb.fn.count<number | string>('c.id').as('cases'),
      sql<number | string>`sum(case when c.status in ('resolved', 'closed') or c.id is null then 0 else 1 end)`.as('open_cases'),
    ])
    .where('r.workspace_id', '=', workspaceId)
    .groupBy(['r.id', 'r.workspace_id', 'r.key', 'r.title', 'r.owner', 'r.status', 'r.created_at', 'r.updated_at'])
    .execute();
  return rows
    .map((r) => ({ ...toRootCause(r), cases: Number(r.cases), openCases: Number(r.open_cases) }))
    .sort((a, b) => b.cases - a.cases || a.key.localeCompare(b.key));
}
