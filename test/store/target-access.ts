/**
 * Raw access to a test target (dialects.ts), for tests that look under the store: its dialect adapter,
 * a PostgreSQL client on its schema, and a database left at an older migration (upgrade tests).
 */
import { type Kysely, Migrator } from 'kysely';
import pg from 'pg';
import { parseDatabaseUrl } from '../../src/store/database-url.ts';
import type { Database } from '../../src/store/db-types.ts';
import { migrationProvider } from '../../src/store/migrations/index.ts';
import type { DialectAdapter } from '../../src/store/dialect.ts';
import type { FactScan } from '../../src/store/fact-select.ts';
import { postgresAdapter } from '../../src/store/postgres-dialect.ts';
import { sqliteAdapter } from '../../src/store/sqlite-dialect.ts';
import type { TestTarget } from './dialects.ts';

/** The dialect adapter the store opens on `t`. */
export function adapterFor(t: TestTarget): DialectAdapter {
  const parsed = parseDatabaseUrl(t.url);
  return parsed.kind === 'sqlite' ? sqliteAdapter(parsed.path) : postgresAdapter(parsed, t.schema);
}

/** Runs `fn` with a PostgreSQL client whose search path is `t`'s schema, closed afterwards. */
export async function withClient<T>(t: TestTarget, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  try {
    await client.query(`set search_path = "${t.schema}"`);
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Migrates `t` with the migrations named before `first` only (e.g. '015': up to 014), as an older
 * version left it; the caller writes its rows, closes `db` (adapter.close) and opens the store to upgrade.
 */
export async function migratedBefore(t: TestTarget, first: string): Promise<{ adapter: DialectAdapter; db: Kysely<Database> }> {
  const adapter = adapterFor(t);
  const db = await adapter.createKysely();
  const all = await migrationProvider(adapter).getMigrations();
  const older = Object.fromEntries(Object.entries(all).filter(([name]) => name < first));
  const migrator = new Migrator({ db, provider: { getMigrations: async () => older }, migrationTableSchema: await adapter.prepareNamespace(db) });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  return { adapter, db };
}

/**
 * The page query of `scan` exactly as listMessages builds it (newest first, one row beyond the page of
 * 50), and its PostgreSQL plan after what autovacuum does following a bulk write (statistics, GIN's
 * pending list merged) with only bitmap scans allowed: an index that can serve the query must show.
 */
export async function explainPage(t: TestTarget, scan: FactScan): Promise<{ sql: string; plan: string }> {
  const page = scan.query.orderBy(scan.at, 'desc').orderBy(scan.id, 'desc').limit(51).compile();
  const plan = await withClient(t, async (c) => {
    await c.query('vacuum analyze messages');
    await c.query('set enable_seqscan = off');
    await c.query('set enable_indexscan = off');
    return (await c.query<{ 'QUERY PLAN': string }>(`explain ${page.sql}`, [...page.parameters])).rows.map((r) => r['QUERY PLAN']).join('\n');
  });
  return { sql: page.sql, plan };
}
