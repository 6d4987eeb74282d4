/**
 * Raw access to a test target (dialects.ts), for tests that look under the store: its dialect adapter,
 * and a PostgreSQL client on its schema.
 */
import pg from 'pg';
import { parseDatabaseUrl } from '../../src/store/database-url.ts';
import type { DialectAdapter } from '../../src/store/dialect.ts';
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
