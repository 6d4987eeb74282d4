import type { Kysely } from 'kysely';

/**
 * Act, part one: alert rules and the durable delivery outbox.
 * - `alert_rules`: one row per rule version. A rule keeps its `rule_id`; every change writes a new
 *   `version` and marks the previous one `active = 0`, so an alert always names the rule text it fired on.
 *   `definition` is the rule as JSON (conditions and actions, validated by the app).
 * - `alerts` gains what links it to the rule, message and customer that raised it, and the key that
 *   deduplicates it per rule and customer within the rule's window.
 * - `outbox`: one delivery (e-mail or webhook) per alert action, written in the same transaction as the
 *   alert. `idempotency_key` is unique (the receiver's de-duplication key, and ours on re-evaluation);
 *   `lease_until` lets several workers claim deliveries without sending one twice at once.
 * - `delivery_attempts`: every attempt with its outcome, for the log and for rate limits.
 * Frozen: this file never imports live app code.
 */
// No table types apply (`Kysely<unknown>`): the schema is what this migration creates.
export async function up(db: Kysely<unknown>, idType: 'integer' | 'bigserial'): Promise<void> {
  await db.schema
    .createTable('alert_rules')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().defaultTo('cli'))
    .execute();
  await db.schema.createIndex('alert_rules_version').unique().on('alert_rules')
    .columns(['workspace_id', 'rule_id', 'version']).execute();
  await db.schema.createIndex('alert_rules_active').on('alert_rules').columns(['workspace_id', 'active']).execute();

  await db.schema.alterTable('alerts').addColumn('rule_id', 'text').execute();
  await db.schema.alterTable('alerts').addColumn('rule_version', 'integer').execute();
  await db.schema.alterTable('alerts').addColumn('message_id', 'bigint').execute();
  await db.schema.alterTable('alerts').addColumn('customer_id', 'text').execute();
  await db.schema.alterTable('alerts').addColumn('dedupe_key', 'text').execute();
  await db.schema.createIndex('alerts_dedupe').on('alerts').columns(['workspace_id', 'dedupe_key', 'created_at']).execute();
  await db.schema.createIndex('alerts_message_rule').unique().on('alerts').columns(['rule_id', 'message_id']).execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('alert_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('destination', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('lease_until', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('delivered_at', 'bigint')
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('outbox_workspace').on('outbox').columns(['workspace_id', 'created_at']).execute();

  await db.schema
    .createTable('delivery_attempts')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('outbox_id', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('destination', 'text', (c) => c.notNull())
    .addColumn('attempted_at', 'bigint', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('http_status', 'integer')
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('delivery_attempts_outbox').on('delivery_attempts').columns(['outbox_id', 'attempted_at']).execute();
  await db.schema.createIndex('delivery_attempts_destination').on('delivery_attempts').columns(['destination', 'attempted_at']).execute();
}
