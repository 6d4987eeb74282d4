import { type Clock, systemClock } from '../core/ports.ts';
import type { Store } from './store.ts';
import { checkSchemaName, parseDatabaseUrl } from './database-url.ts';
import type { DialectAdapter } from './dialect.ts';
import { KyselyStore } from './kysely-store.ts';
import { postgresAdapter } from './postgres-dialect.ts';
import { sqliteAdapter } from './sqlite-dialect.ts';

/** Options of openStore beyond the DATABASE_URL. */
export interface OpenStoreOptions {
  /** PostgreSQL schema to use (created if missing), e.g. one per test file. Ignored by SQLite. */
  schema?: string;
  /** Clock for created_at/analyzed_at stamps (tests inject a fixed one). */
  clock?: Clock;
}

/**
 * Opens the store named by a DATABASE_URL (`sqlite:./ecoute.db`, `sqlite::memory:`, `postgres://…`),
 * checks the connection and applies pending migrations. Throws ConfigError for a malformed URL and
 * StoreError (naming the fix) when the database cannot be reached.
 */
export async function openStore(url: string, opts: OpenStoreOptions = {}): Promise<Store> {
  const target = parseDatabaseUrl(url);
  const adapter: DialectAdapter =
    target.kind === 'sqlite'
      ? sqliteAdapter(target.path)
      : postgresAdapter(target, opts.schema === undefined ? undefined : checkSchemaName(opts.schema));
  const db = await adapter.createKysely();
  const store = new KyselyStore(db, adapter, opts.clock ?? systemClock);
  try {
    await store.migrate();
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
  return store;
}
