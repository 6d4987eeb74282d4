import type { Kysely } from 'kysely';

/**
 * Insights follow the data incrementally: a reader keeps a workspace's facts in memory and, when the
 * data version moves, reads only what changed since the version it last read. New messages and survey
 * answers are found by id (rows are inserted, never updated); the two tables whose rows change in place,
 * and deletions, need a marker. This migration adds:
 * - `analyses.change_version` and `customers.change_version`: the workspace data version of the write
 *   transaction that last wrote the row. The writer bumps `workspaces.data_version` in the same
 *   transaction and holds that row's lock until it commits, so the rows stamped `v` become visible
 *   together with `data_version = v`: a reader that read version V and then the rows stamped above
 *   its previous version misses nothing. Existing rows get 0 (a first read loads everything anyway).
 * - the indexes `analyses_change` and `customers_change` on (workspace_id, change_version): a delta
 *   read costs what changed, not a scan of every analysis.
 * - `workspaces.removed_version`: the data version of the last transaction that deleted facts
 *   (retention, erasure, an undone import); a reader that last read an older version reloads everything.
 * Frozen: this file never imports live app code.
 */
// No table types apply (`Kysely<unknown>`): the schema is what the migrations created.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('analyses').addColumn('change_version', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('customers').addColumn('change_version', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('workspaces').addColumn('removed_version', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('analyses_change').on('analyses').columns(['workspace_id', 'change_version']).execute();
  await db.schema.createIndex('customers_change').on('customers').columns(['workspace_id', 'change_version']).execute();
}
