/**
 * Test helper: outbox rows written straight into the table (the rule writer's job in the app), through
 * a second Kysely connection on the same test target, so store and runtime tests need no rule.
 */
import type { Kysely } from 'kysely';
import { parseDatabaseUrl } from '../../src/store/database-url.ts';
import type { Database } from '../../src/store/db-types.ts';
import { postgresAdapter } from '../../src/store/postgres-dialect.ts';
import { sqliteAdapter } from '../../src/store/sqlite-dialect.ts';
import type { TestTarget } from './dialects.ts';

/** A raw connection to a (migrated) test target; destroy it after use. */
export async function openRawDb(target: TestTarget): Promise<Kysely<Database>> {
  const parsed = parseDatabaseUrl(target.url);
  const adapter = parsed.kind === 'sqlite' ? sqliteAdapter(parsed.path) : postgresAdapter(parsed, target.schema);
  return adapter.createKysely();
}

/** What a test says about an outbox row; the rest gets defaults. */
export interface OutboxRowSpec {
  id: string;
  workspaceId?: string;
  channel?: 'email' | 'webhook';
  destination: string;
  format?: string;
  payload?: unknown;
  idempotencyKey?: string;
  createdAt: Date;
  nextAttemptAt?: Date;
}

/** Inserts a pending outbox row, as the rule writer would (next attempt = creation time unless given). */
export async function insertOutboxRow(db: Kysely<Database>, spec: OutboxRowSpec): Promise<void> {
  const channel = spec.channel ?? 'webhook';
  await db.insertInto('outbox').values({
    id: spec.id,
    workspace_id: spec.workspaceId ?? 'w1',
    alert_id: `alert-${spec.id}`,
    channel,
    destination: spec.destination,
    format: spec.format ?? (channel === 'email' ? 'email' : 'json'),
    payload: JSON.stringify(spec.payload ?? (channel === 'email' ? { subject: `Alert ${spec.id}`, text: `Customer needs a call back (${spec.id}).` } : { event: 'alert', alert: { id: `alert-${spec.id}` } })),
    idempotency_key: spec.idempotencyKey ?? `rule-1:1:${spec.id}:0`,
    next_attempt_at: (spec.nextAttemptAt ?? spec.createdAt).getTime(),
    lease_until: null,
    last_error: null,
    created_at: spec.createdAt.getTime(),
    delivered_at: null,
  }).execute();
}
