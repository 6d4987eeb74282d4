import type { Kysely } from 'kysely';

/**
 * Label corrections and idempotent ingestion over HTTP.
 * - `corrections`: a person's correction of one finding of one message (emotions, needs, themes, stage,
 *   churn, urgency, vulnerable, sentiment), the value as JSON, who made it and when. Rows are appended,
 *   never updated: the latest per (message, field) wins and the earlier ones stay as history.
 * - `ingest_requests`: the answer of each `POST /api/messages` sent with an `Idempotency-Key`, with the
 *   SHA-256 of its body, so an exact replay gets the first answer and a reused key with another body
 *   is refused.
 * Frozen: this file never imports live app code.
 */
// No table types apply (`Kysely<unknown>`): the schema is what this migration creates.
export async function up(db: Kysely<unknown>, idType: 'integer' | 'bigserial'): Promise<void> {
  await db.schema
    .createTable('corrections')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'bigint', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('corrections_message').on('corrections')
    .columns(['workspace_id', 'message_id', 'field', 'at', 'id']).execute();

  await db.schema
    .createTable('ingest_requests')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('body_sha256', 'text', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ingest_requests_key').unique().on('ingest_requests')
    .columns(['workspace_id', 'idempotency_key']).execute();
}
