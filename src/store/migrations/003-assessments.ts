import type { Kysely } from 'kysely';

/**
 * The CX maturity self-assessments of a workspace, kept to follow the trend. Answers and scores are
 * JSON text (their shape follows the question bank, which changes more often than the schema); the
 * stage is a column so that history can be listed without parsing. The auto-increment id gives a
 * stable order to assessments taken within the same millisecond.
 */
// No table types apply (`Kysely<unknown>`): the schema is what this migration creates.
export async function up(db: Kysely<unknown>, idType: 'integer' | 'bigserial'): Promise<void> {
  await db.schema
    .createTable('assessments')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('scores', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessments_workspace').on('assessments').columns(['workspace_id', 'created_at', 'id']).execute();
}
