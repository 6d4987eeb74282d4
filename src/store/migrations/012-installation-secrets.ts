import type { Kysely } from 'kysely';

/**
 * Secrets of this installation (one database), created once and never shown:
 * - `installation_secrets`: name → value. 'pseudonym' is the key of the HMAC that turns customer
 *   e-mail addresses and phone numbers into "cust-…" pseudonyms, so a list of addresses cannot be
 *   hashed to re-identify customers without it.
 * Frozen: this file never imports live app code.
 */
// No table types apply (`Kysely<unknown>`): the schema is what this migration creates.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('installation_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}
