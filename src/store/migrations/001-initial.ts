import type { Kysely } from 'kysely';

/**
 * Initial schema. Every table carries workspace_id. Types are chosen to behave identically on SQLite and
 * PostgreSQL: epoch-ms bigint timestamps (ordering and range scans use plain integer comparisons), JSON as
 * text, booleans as 0/1 integers.
 *
 * Index choices (the listening station on 1M messages; see listening-queries.ts):
 * - messages (workspace_id, sent_at, id): the newest-first stream and keyset cursor, date ranges.
 * - messages (workspace_id, channel|role|brand|customer_id, sent_at, id): an equality filter plus the stream
 *   order, so a rare channel/brand or one customer's history is read without sorting.
 * - messages (workspace_id, role, analysis_version, sent_at, id): `pendingAnalysis` in O(limit).
 * - analyses (workspace_id, stage, sent_at, message_id) and analysis_labels (workspace_id, kind, label,
 *   sent_at, message_id): a stage/theme/emotion/need filter walks only matching rows, newest first.
 * Language and team are low-cardinality: the stream index plus a row filter serves them.
 */
// No table types apply (`Kysely<unknown>`): the schema is what this migration creates.
export async function up(db: Kysely<unknown>, idType: 'integer' | 'bigserial'): Promise<void> {
  await db.schema
    .createTable('workspaces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('data_version', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sources')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('sources_workspace_name', ['workspace_id', 'name'])
    .execute();

  await db.schema
    .createTable('customers')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('segment', 'text')
    .addColumn('value', 'double precision')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('customers_workspace_external', ['workspace_id', 'external_id'])
    .execute();

  await db.schema
    .createTable('conversations')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('source_id', 'bigint', (c) => c.notNull().references('sources.id'))
    .addColumn('natural_key', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('brand', 'text')
    .addColumn('team', 'text')
    .addColumn('agent', 'text')
    .addColumn('customer_id', 'bigint', (c) => c.references('customers.id'))
    .addColumn('subject', 'text')
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('conversations_workspace_natural_key', ['workspace_id', 'natural_key'])
    .execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'bigint', (c) => c.notNull().references('conversations.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('author', 'text')
    .addColumn('sent_at', 'bigint', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('brand', 'text')
    .addColumn('team', 'text')
    .addColumn('agent', 'text')
    .addColumn('customer_id', 'bigint', (c) => c.references('customers.id'))
    .addColumn('analysis_version', 'text')
    .addUniqueConstraint('messages_conversation_seq', ['conversation_id', 'seq'])
    .execute();

  await db.schema
    .createTable('survey_answers')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'bigint', (c) => c.notNull().references('conversations.id'))
    .addColumn('customer_id', 'bigint', (c) => c.references('customers.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('answered_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('employee_answers')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('source_id', 'bigint', (c) => c.notNull().references('sources.id'))
    .addColumn('natural_key', 'text', (c) => c.notNull())
    .addColumn('team', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('enps', 'integer')
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('answered_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('employee_answers_workspace_natural_key', ['workspace_id', 'natural_key'])
    .execute();

  await db.schema
    .createTable('analyses')
    .addColumn('message_id', 'bigint', (c) => c.primaryKey().references('messages.id'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('model_version', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('sentiment_label', 'text', (c) => c.notNull())
    .addColumn('sentiment_score', 'double precision', (c) => c.notNull())
    .addColumn('primary_emotion', 'text')
    .addColumn('primary_need', 'text')
    .addColumn('primary_theme', 'text')
    .addColumn('stage', 'text')
    .addColumn('churn_intent', 'integer', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('vulnerable', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'bigint', (c) => c.notNull())
    .addColumn('analyzed_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('analysis_labels')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'bigint', (c) => c.notNull().references('messages.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('sent_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('analysis_labels_pk', ['message_id', 'kind', 'label'])
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('conversation_id', 'text')
    .addColumn('customer_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner', 'text')
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('acknowledged', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  const indexes: [string, string, string[]][] = [
    ['messages_stream', 'messages', ['workspace_id', 'sent_at', 'id']],
    ['messages_channel', 'messages', ['workspace_id', 'channel', 'sent_at', 'id']],
    ['messages_role', 'messages', ['workspace_id', 'role', 'sent_at', 'id']],
    ['messages_brand', 'messages', ['workspace_id', 'brand', 'sent_at', 'id']],
    ['messages_customer', 'messages', ['workspace_id', 'customer_id', 'sent_at', 'id']],
    ['messages_pending', 'messages', ['workspace_id', 'role', 'analysis_version', 'sent_at', 'id']],
    ['analyses_stage', 'analyses', ['workspace_id', 'stage', 'sent_at', 'message_id']],
    ['analysis_labels_filter', 'analysis_labels', ['workspace_id', 'kind', 'label', 'sent_at', 'message_id']],
    ['survey_answers_time', 'survey_answers', ['workspace_id', 'answered_at']],
    ['survey_answers_conversation', 'survey_answers', ['conversation_id']],
    ['conversations_customer', 'conversations', ['customer_id']],
    ['employee_answers_time', 'employee_answers', ['workspace_id', 'answered_at']],
    ['cases_workspace', 'cases', ['workspace_id', 'created_at']],
    ['alerts_workspace', 'alerts', ['workspace_id', 'created_at']],
  ];
  for (const [name, table, columns] of indexes) {
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  }
}
