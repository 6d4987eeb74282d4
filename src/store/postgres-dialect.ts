import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Database } from './db-types.ts';
import type { DialectAdapter } from './dialect.ts';
import { postgresConnectionError } from './postgres-errors.ts';

const PG_MAX_PARAMS = 65535;
const INT8_OID = 20;

/**
 * Parses int8 (bigint ids, epoch-ms timestamps, counts) as JS numbers: every value Écoute stores is far
 * below 2^53. Set per pool, not on the global `pg.types`, so that other users of `pg` are unaffected.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

/** A PostgreSQL adapter over a `pg` pool; `schema` isolates the tables (search_path). */
export function postgresAdapter(target: { url: string; host: string; port: number; database: string }, schema?: string): DialectAdapter {
  return {
    kind: 'postgres',
    maxParams: PG_MAX_PARAMS,
    autoIdType: 'bigserial',

    async createKysely() {
      const pool = new pg.Pool({
        connectionString: target.url,
        max: 10,
        connectionTimeoutMillis: 10_000,
        types,
        options: schema ? `-c search_path=${schema}` : undefined,
      });
      // An idle client losing its server must not crash the process; the next query reports the error.
      pool.on('error', () => undefined);
      // Same for a checked-out client between two queries (a server restart mid-transaction): without a
      // listener its 'error' event kills the process; the transaction's next query fails instead.
      pool.on('connect', (client) => client.on('error', () => undefined));
      const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
      try {
        await sql`select 1`.execute(db);
      } catch (err) {
        await db.destroy().catch(() => undefined);
        throw postgresConnectionError(err, target);
      }
      return db;
    },

    async prepareNamespace(db) {
      if (schema) {
        await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
        return schema;
      }
      const { rows } = await sql<{ name: string }>`select current_schema() as name`.execute(db);
      return rows[0]?.name ?? 'public';
    },

    // Nothing here: migration 011 adds a pg_trgm GIN index on messages.search_text (when the server
    // offers pg_trgm). Its operator class serves the plain LIKE below, so `q` needs no special query: the
    // planner picks the index for a rare term and walks messages newest first for a frequent one.
    async createTextIndex() {},

    async textIndexEstimate() {
      return null;
    },

    textIndexMatch() {
      throw new Error('PostgreSQL has no text index: use a LIKE on search_text (textIndexEstimate returned null).');
    },

    async writeTransaction(db, fn) {
      return db.transaction().execute(fn);
    },

    async close(db) {
      await db.destroy();
    },
  };
}
