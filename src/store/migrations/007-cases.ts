import type { Kysely } from 'kysely';

/**
 * Act, part two: close-the-loop cases and root causes.
 * - `cases` gains the message and alert that raised it, its urgency and due time, the root cause it is
 *   linked to, and the times that Act's figures need (first response, resolved, closed; reopen count).
 * - `case_events`: every change of a case (created, assigned, status, note, linked), oldest first; notes
 *   are events with text. Time to first response and reopen rate are read from here.
 * - `root_causes`: the outer loop. A theme or discovered theme that gathers every case sharing it, with
 *   an owner and a status of its own.
 * Frozen: this file never imports live app code.
 */
// No table types apply (`Kysely<unknown>`): the schema is what this migration creates.
export async function up(db: Kysely<unknown>, idType: 'integer' | 'bigserial'): Promise<void> {
  await db.schema.alterTable('cases').addColumn('message_id', 'bigint').execute();
  await db.schema.alterTable('cases').addColumn('alert_id', 'text').execute();
  await db.schema.alterTable('cases').addColumn('urgency', 'text').execute();
  await db.schema.alterTable('cases').addColumn('due_at', 'bigint').execute();
  await db.schema.alterTable('cases').addColumn('root_cause_id', 'text').execute();
  await db.schema.alterTable('cases').addColumn('team', 'text').execute();
  await db.schema.alterTable('cases').addColumn('first_response_at', 'bigint').execute();
  await db.schema.alterTable('cases').addColumn('resolved_at', 'bigint').execute();
  await db.schema.alterTable('cases').addColumn('closed_at', 'bigint').execute();
  await db.schema.alterTable('cases').addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('cases_status').on('cases').columns(['workspace_id', 'status', 'due_at']).execute();
  await db.schema.createIndex('cases_root_cause').on('cases').columns(['workspace_id', 'root_cause_id']).execute();
  await db.schema.createIndex('cases_customer').on('cases').columns(['workspace_id', 'customer_id']).execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('text', 'text')
    .execute();
  await db.schema.createIndex('case_events_case').on('case_events').columns(['case_id', 'at', 'id']).execute();

  await db.schema
    .createTable('root_causes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('root_causes_key').unique().on('root_causes').columns(['workspace_id', 'key']).execute();
}
