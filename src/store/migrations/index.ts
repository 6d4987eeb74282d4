import type { Migration, MigrationProvider } from 'kysely';
import type { DialectAdapter } from '../dialect.ts';
import * as m001 from './001-initial.ts';
import * as m002 from './002-search-text.ts';
import * as m003 from './003-assessments.ts';
import * as m004 from './004-imports.ts';
import * as m005 from './005-data-hygiene.ts';
import * as m006 from './006-alert-rules.ts';
import * as m007 from './007-cases.ts';
import * as m008 from './008-corrections.ts';
import * as m009 from './009-accounts.ts';
import * as m010 from './010-drills.ts';
import * as m011 from './011-search-trigram-index.ts';
import * as m012 from './012-installation-secrets.ts';
import * as m013 from './013-customer-public-ids.ts';
import * as m014 from './014-rules-pending.ts';
import * as m015 from './015-customer-search-indexes.ts';
import * as m016 from './016-change-versions.ts';
import * as m017 from './017-word-starts.ts';
import * as m018 from './018-customer-search-texts.ts';

/**
 * The numbered migrations, in order. Listed statically (not read from disk) so they work from any
 * install layout. Add the next numbered file here; never edit a released migration.
 */
export function migrationProvider(adapter: DialectAdapter): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        '001-initial': { up: (db) => m001.up(db, adapter.autoIdType) },
        '002-search-text': { up: (db) => m002.up(db, adapter) },
        '003-assessments': { up: (db) => m003.up(db, adapter.autoIdType) },
        '004-imports': { up: (db) => m004.up(db, adapter.autoIdType) },
        '005-data-hygiene': { up: (db) => m005.up(db, adapter.autoIdType) },
        '006-alert-rules': { up: (db) => m006.up(db, adapter.autoIdType) },
        '007-cases': { up: (db) => m007.up(db, adapter.autoIdType) },
        '008-corrections': { up: (db) => m008.up(db, adapter.autoIdType) },
        '009-accounts': { up: (db) => m009.up(db, adapter.autoIdType) },
        '010-drills': { up: (db) => m010.up(db, adapter.autoIdType) },
        '011-search-trigram-index': { up: (db) => m011.up(db, adapter.kind) },
        '012-installation-secrets': { up: (db) => m012.up(db) },
        '013-customer-public-ids': { up: (db) => m013.up(db) },
        '014-rules-pending': { up: (db) => m014.up(db) },
        '015-customer-search-indexes': { up: (db) => m015.up(db, adapter.kind) },
        '016-change-versions': { up: (db) => m016.up(db) },
        '017-word-starts': { up: (db) => m017.up(db, adapter.kind) },
        '018-customer-search-texts': { up: (db) => m018.up(db, adapter.kind) },
      };
    },
  };
}
