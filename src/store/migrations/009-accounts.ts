import type { Kysely } from 'kysely';

/**
 * Accounts (issue 17).
 * - `users`: people who log in to the dashboard; `email` unique (stored lower-case), `password_hash` a
 *   scrypt hash with its salt and cost, `disabled` 0/1.
 * - `memberships`: a user's role in one workspace (admin, analyst, agent, viewer): roles are per
 *   workspace from the start, so serving several workspaces later changes no table.
 * - `sessions`: dashboard log-ins; `id` is the SHA-256 of the cookie's value (never the value), with
 *   the CSRF token the dashboard sends back on every change, and an expiry.
 * - `api_tokens`: tokens for scripts, scoped to one workspace and one role; `token_hash` the SHA-256 of
 *   the token (shown once), `revoked_at` set when revoked (the row stays, for the audit log's sake).
 * Frozen: this file never imports live app code.
 */
// No table types apply (`Kysely<unknown>`): the schema is what this migration creates.
export async function up(db: Kysely<unknown>, idType: 'integer' | 'bigserial'): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('user_id', 'bigint', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('memberships_pk', ['user_id', 'workspace_id'])
    .execute();
  await db.schema.createIndex('memberships_workspace').on('memberships').columns(['workspace_id']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'bigint', (c) => c.notNull())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').columns(['user_id']).execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema.createIndex('api_tokens_workspace').on('api_tokens').columns(['workspace_id', 'name']).execute();
}
