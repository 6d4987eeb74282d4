import { type Kysely, sql } from 'kysely';
import type { Database } from '../db-types.ts';

/**
 * PostgreSQL: a GIN trigram index (pg_trgm) on messages.search_text, so that the listening station's `q`
 * — `search_text LIKE '%folded term%'`, unchanged — reads the matching rows instead of scanning every
 * message. pg_trgm's operator class serves the built-in LIKE operator, so no query changes and terms of
 * fewer than 3 characters (no trigram) are still answered by the same LIKE. SQLite needs nothing: it
 * has had its FTS5 trigram index since migration 002.
 *
 * Frozen: the SQL is written here, not taken from the live dialect adapter.
 */
export async function up(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect !== 'postgres') return;
  const namespace = await trigramNamespace(db);
  // Without pg_trgm search stays correct, only slower: the upgrade must not stop the server for it.
  if (namespace === null) return;
  await sql`create index if not exists messages_search_trgm on messages
    using gin (search_text ${sql.id(namespace, 'gin_trgm_ops')})`.execute(db);
}

/**
 * The schema holding pg_trgm, installing it if needed; null when this server or role cannot install it.
 * An extension belongs to the whole database while Écoute's tables live in one schema per instance, so
 * it goes to `public` when that schema exists and accepts it: dropping one instance's schema must not
 * drop the extension (and with it the indexes of the other instances). Two instances migrating at once
 * cannot race here: Kysely's migration lock is one advisory lock for the whole database.
 */
async function trigramNamespace(db: Kysely<Database>): Promise<string | null> {
  const installed = await extensionSchema(db);
  if (installed !== null) return installed;
  const { rows } = await sql<{ ok: boolean }>`select coalesce(has_schema_privilege('public', 'CREATE'), false) as ok
    from pg_namespace where nspname = 'public'`.execute(db);
  // Migrations run in one transaction: a refused CREATE EXTENSION must only undo itself.
  await sql`savepoint ecoute_pg_trgm`.execute(db);
  try {
    if (rows[0]?.ok) await sql`create extension if not exists pg_trgm schema public`.execute(db);
    else await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`release savepoint ecoute_pg_trgm`.execute(db);
  } catch {
    await sql`rollback to savepoint ecoute_pg_trgm`.execute(db);
    return null;
  }
  return extensionSchema(db);
}

async function extensionSchema(db: Kysely<Database>): Promise<string | null> {
  const { rows } = await sql<{ name: string }>`select n.nspname as name from pg_extension e
    join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db);
  return rows[0]?.name ?? null;
}
