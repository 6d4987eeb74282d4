import BetterSqlite3 from 'better-sqlite3';
import { type Expression, Kysely, type RawBuilder, SqliteDialect, sql } from 'kysely';
import { StoreError } from '../core/errors.ts';
import type { Database } from './db-types.ts';
import type { DialectAdapter } from './dialect.ts';
import type { TextSearch } from './text-search.ts';

/** SQLite's default SQLITE_MAX_VARIABLE_NUMBER since 3.32 (better-sqlite3 bundles a recent SQLite). */
const SQLITE_MAX_PARAMS = 32766;

/** An FTS5 phrase query: with the trigram tokenizer it matches the text as a substring. */
function phrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The FTS5 table and query that answer `search`, or null when none does (a substring of under 3
 * characters). Customer searches use the customer-only tables of migration 015; the others the
 * all-messages trigram table of migration 002.
 */
function ftsLookup(search: TextSearch): { table: RawBuilder<unknown>; query: string } | null {
  if (search.match === 'word-start') return { table: sql.raw('messages_customer_words'), query: `${phrase(search.text)}*` };
  if ([...search.text].length < 3) return null; // trigrams cannot serve shorter terms
  return { table: sql.raw(search.customers ? 'messages_customer_fts' : 'messages_fts'), query: phrase(search.text) };
}

/** `messageId` is among the rows of an FTS5 table answering a query (ftsLookup). */
function ftsMatch(messageId: Expression<number>, lookup: { table: RawBuilder<unknown>; query: string }): RawBuilder<boolean> {
  return sql<boolean>`${messageId} in (select rowid from ${lookup.table} where ${lookup.table} match ${lookup.query})`;
}

/** A SQLite adapter over better-sqlite3 for a file path or `:memory:`. */
export function sqliteAdapter(path: string): DialectAdapter {
  return {
    kind: 'sqlite',
    maxParams: SQLITE_MAX_PARAMS,
    autoIdType: 'integer',

    async createKysely() {
      let database: BetterSqlite3.Database;
      try {
        database = new BetterSqlite3(path);
        // WAL lets the server read while an import writes; NORMAL sync is durable across app crashes
        // (the last transactions may roll back on power loss, never corrupt). Foreign keys are off by default.
        database.pragma('journal_mode = WAL');
        database.pragma('synchronous = NORMAL');
        database.pragma('foreign_keys = ON');
        database.pragma('busy_timeout = 10000');
        database.pragma('temp_store = MEMORY');
        // Up to 256 MiB of page cache (allocated as used): index inserts into a 1M-message database
        // stay mostly in memory.
        database.pragma('cache_size = -262144');
        // Refreshes planner statistics when needed, bounded in cost (SQLite's advice for long-lived connections).
        database.pragma('optimize = 0x10002');
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        throw new StoreError(
          `Cannot open SQLite database "${path}": ${reason}. Check that the directory exists and is writable, or fix DATABASE_URL.`,
          { path },
        );
      }
      return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
    },

    async prepareNamespace() {
      return undefined;
    },

    async createTextIndex(db) {
      // FTS5 trigram index over the folded text: substring search uses it for terms of 3+ characters.
      // External content (no copy of the text); triggers keep it in step with messages.
      await sql`create virtual table if not exists messages_fts using fts5(
        search_text, content='messages', content_rowid='id', tokenize='trigram case_sensitive 1')`.execute(db);
      await sql`create trigger if not exists messages_fts_insert after insert on messages begin
        insert into messages_fts(rowid, search_text) values (new.id, new.search_text); end`.execute(db);
      await sql`create trigger if not exists messages_fts_delete after delete on messages begin
        insert into messages_fts(messages_fts, rowid, search_text) values ('delete', old.id, old.search_text); end`.execute(db);
      await sql`create trigger if not exists messages_fts_update after update of search_text on messages begin
        insert into messages_fts(messages_fts, rowid, search_text) values ('delete', old.id, old.search_text);
        insert into messages_fts(rowid, search_text) values (new.id, new.search_text); end`.execute(db);
      await sql`insert into messages_fts(messages_fts) values ('rebuild')`.execute(db);
    },

    async textIndexLookup(db, _workspaceId, search, cap) {
      const lookup = ftsLookup(search);
      if (lookup === null) return null;
      const { rows } = await sql<{ n: number }>`select count(*) as n from (
        select rowid from ${lookup.table} where ${lookup.table} match ${lookup.query} limit ${cap})`.execute(db);
      // No ids: SQLite reads the FTS5 subquery of textIndexMatch as fast as a list of them.
      return { estimate: Number(rows[0]?.n ?? 0), ids: null, indexOnly: true };
    },

    textIndexMatch(messageId, search) {
      const lookup = ftsLookup(search);
      if (lookup === null) throw new Error(`No text index serves "${search.text}": check textIndexLookup first (it returned null).`);
      return ftsMatch(messageId, lookup);
    },

    wordStartMatch(messageId, _searchText, text) {
      // The same word table and prefix query as a word-start textIndexMatch (ftsLookup).
      return ftsMatch(messageId, ftsLookup({ text, match: 'word-start', customers: true })!);
    },

    async writeTransaction(db, fn) {
      return db.connection().execute(async (conn) => {
        await sql`begin immediate`.execute(conn);
        try {
          const result = await fn(conn);
          await sql`commit`.execute(conn);
          return result;
        } catch (err) {
          await sql`rollback`.execute(conn).catch(() => undefined);
          throw err;
        }
      });
    },

    async close(db) {
      // Keeps planner statistics fresh for the indexes (cheap; recommended before closing).
      await sql`pragma optimize`.execute(db).catch(() => undefined);
      await db.destroy();
    },
  };
}
