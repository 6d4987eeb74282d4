import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { DialectAdapter } from '../dialect.ts';
import type { Database } from '../db-types.ts';
import * as m001 from './001-initial.ts';
import * as m002 from './002-search-text.ts';

/**
 * The numbered migrations, in order. Listed statically (not read from disk) so they work from any
 * install layout. Add `002-….ts` here; never edit a released migration.
 */
export function migrationProvider(adapter: DialectAdapter): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        '001-initial': { up: (db: Kysely<any>) => m001.up(db, adapter.autoIdType) },
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        '002-search-text': { up: (db: Kysely<any>) => m002.up(db as Kysely<Database>, adapter) },
      };
    },
  };
}
