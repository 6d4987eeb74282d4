import type { Kysely } from 'kysely';

/**
 * Empathy drills (and hiring mode, decision support only).
 * - `drill_attempts`: one participant's attempt at one week's drill scenario (a stored customer
 *   message): the emotions and needs they read (JSON arrays), the reply they wrote, the reading and
 *   reply scores they got, the ISO week, and the mode ('drill' for a team member, 'hiring' for a
 *   candidate label). Deleted with the message it answers (erasure, import undo, retention).
 * Frozen: this file never imports live app code.
 */
// No table types apply (`Kysely<unknown>`): the schema is what this migration creates.
export async function up(db: Kysely<unknown>, idType: 'integer' | 'bigserial'): Promise<void> {
  await db.schema
    .createTable('drill_attempts')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('message_id', 'bigint', (c) => c.notNull())
    .addColumn('participant', 'text', (c) => c.notNull())
    .addColumn('team', 'text')
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('emotions', 'text', (c) => c.notNull())
    .addColumn('needs', 'text', (c) => c.notNull())
    .addColumn('reply', 'text', (c) => c.notNull())
    .addColumn('reading_score', 'integer', (c) => c.notNull())
    .addColumn('reply_score', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('drill_attempts_time').on('drill_attempts')
    .columns(['workspace_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('drill_attempts_message').on('drill_attempts')
    .columns(['message_id']).execute();
}
