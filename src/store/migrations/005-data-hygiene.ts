import { sql, type Kysely } from 'kysely';

/** Tables whose rows an import creates, so that `ecoute import undo` can find them again. */
const TRACKED = ['conversations', 'messages', 'survey_answers', 'employee_answers', 'customers'] as const;

/**
 * Data hygiene (GDPR): undoing an import, erasing a customer, retention.
 * - `import_id` (nullable, no foreign key) on every table an import writes: the import that created the
 *   row (null for rows stored before this migration, or a customer an import only referenced).
 * - `imports.finished_at` (null while an import runs or after it was killed; the resumed import reuses
 *   the row), `imports.records_added` / `messages_added` (null for imports recorded before this
 *   migration, which cannot be undone). Existing imports are backfilled as finished.
 * - `audit_log`: one line per erasure, undo or retention run (actor "cli" by default; detail is JSON).
 * Frozen: this file never imports live app code.
 */
// No table types apply (`Kysely<unknown>`): the schema is what this migration creates.
export async function up(db: Kysely<unknown>, idType: 'integer' | 'bigserial'): Promise<void> {
  for (const table of TRACKED) {
    await db.schema.alterTable(table).addColumn('import_id', 'bigint').execute();
    await db.schema.createIndex(`${table}_import`).on(table).column('import_id').execute();
  }
  await db.schema.alterTable('imports').addColumn('finished_at', 'bigint').execute();
  await db.schema.alterTable('imports').addColumn('records_added', 'integer').execute();
  await db.schema.alterTable('imports').addColumn('messages_added', 'integer').execute();
  await sql`update imports set finished_at = imported_at`.execute(db);

  await db.schema
    .createTable('audit_log')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull().defaultTo('cli'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_workspace').on('audit_log').columns(['workspace_id', 'at', 'id']).execute();
}
