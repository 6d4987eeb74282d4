import type { Kysely } from 'kysely';

/**
 * Adds `imports`: one row per file imported, keyed by the SHA-256 of its bytes, so the same file
 * imported again under another --source (or none, whose default is the file name) is recognised and
 * not stored twice. Frozen: this file never imports live app code.
 */
// No table types apply (`Kysely<unknown>`): the schema is what this migration creates.
export async function up(db: Kysely<unknown>, idType: 'integer' | 'bigserial'): Promise<void> {
  await db.schema
    .createTable('imports')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('source_id', 'bigint', (c) => c.notNull().references('sources.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bigint', (c) => c.notNull())
    .addColumn('records', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'bigint', (c) => c.notNull())
    .execute();
  // Lookups are by content within a workspace; the same bytes may be recorded once per source.
  await db.schema.createIndex('imports_content').on('imports').columns(['workspace_id', 'sha256']).execute();
}
