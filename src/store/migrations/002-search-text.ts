import type { Kysely } from 'kysely';
import { fold } from '../../analyze/text.ts';
import type { Database } from '../db-types.ts';
import type { DialectAdapter } from '../dialect.ts';

const PAGE = 5000;

/**
 * Adds messages.search_text = fold(text) (lowercase, no diacritics) so that `q` is case- and
 * accent-insensitive with the same LIKE on both dialects, backfills it, then lets the dialect build its
 * substring index (SQLite: FTS5 trigram).
 */
export async function up(db: Kysely<Database>, adapter: DialectAdapter): Promise<void> {
  await db.schema.alterTable('messages').addColumn('search_text', 'text').execute();
  for (;;) {
    const rows = await db.selectFrom('messages').select(['id', 'text']).where('search_text', 'is', null).orderBy('id').limit(PAGE).execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      await db.updateTable('messages').set({ search_text: fold(r.text) }).where('id', '=', r.id).execute();
    }
  }
  await adapter.createTextIndex(db);
}
