import type { Kysely } from 'kysely';
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

/**
 * Accent folding as it was when this migration was written (frozen: migrations never run live app
 * code, so a later change to src/core/fold.ts cannot change what this migration wrote).
 */
function fold(s: string): string {
  return s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}
