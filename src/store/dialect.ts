import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Database } from './db-types.ts';
import type { TextSearch } from './text-search.ts';

/**
 * Everything that differs between SQLite and PostgreSQL, in one place. Queries are written once against
 * Kysely; they ask the adapter only for what cannot be expressed identically. Values need no conversion:
 * both dialects store epoch-ms bigints, JSON text and 0/1 integers (PostgreSQL int8 is parsed to number).
 * "Insert or ignore" is `ON CONFLICT DO NOTHING`, which both dialects accept, so it is not here.
 */
export interface DialectAdapter {
  readonly kind: 'sqlite' | 'postgres';
  /** Most bound parameters one statement may carry (SQLite 32766, PostgreSQL 65535). */
  readonly maxParams: number;
  /** Column type of auto-increment primary keys. */
  readonly autoIdType: 'integer' | 'bigserial';
  /** Opens the connection (pool), applies connection settings and checks it works; throws StoreError. */
  createKysely(): Promise<Kysely<Database>>;
  /**
   * Prepares the namespace migrations run in and returns it (PostgreSQL: the schema, created if missing;
   * SQLite: undefined). The migrator needs it explicitly: without it Kysely would see another schema's
   * migration tables in the same database and think this one is already set up.
   */
  prepareNamespace(db: Kysely<Database>): Promise<string | undefined>;
  /** Creates the substring index on messages.search_text, if the dialect has one (SQLite: FTS5 trigram). */
  createTextIndex(db: Kysely<Database>): Promise<void>;
  /**
   * About how many messages `search` matches, up to `cap`, from a text index; null when no index serves
   * it (the caller then scans with LIKE). A `word-start` search always has one (migration 015).
   * SQLite counts in the FTS5 index. PostgreSQL extrapolates from the workspace's newest customer
   * messages (counting through pg_trgm rechecks every candidate row), then, under `cap`, reads the
   * matching ids: the page query gets them as a list whose length the planner knows.
   */
  textIndexLookup(db: Kysely<Database>, workspaceId: string, search: TextSearch, cap: number): Promise<TextIndexLookup | null>;
  /**
   * `messageId` is one of the messages `search` matches, via the text index (textIndexLookup not null):
   * one of `ids` when the lookup read them.
   */
  textIndexMatch(messageId: Expression<number>, search: TextSearch, ids: readonly number[] | null): Expression<SqlBool>;
  /**
   * A word of the message (id `messageId`, folded text `searchText`) starts with `text`, for a
   * `word-start` search with many matches: PostgreSQL checks each row walked newest first (a page fills
   * in a few hundred rows), SQLite still reads the FTS5 word index (one prefix entry, cheap however long).
   */
  wordStartMatch(messageId: Expression<number>, searchText: Expression<string>, text: string): Expression<SqlBool>;
  /** Runs `fn` in a write transaction (SQLite: BEGIN IMMEDIATE, so concurrent writers wait instead of failing). */
  writeTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  /** Releases the connection(s), after any housekeeping. */
  close(db: Kysely<Database>): Promise<void>;
}

/** What a text index says of a search: about how many messages match, and their ids when it read them. */
export interface TextIndexLookup {
  estimate: number;
  ids: readonly number[] | null;
  /**
   * True: textIndexMatch without ids reads only the index (SQLite FTS5 rowids), so it suits any plan.
   * False: it reads every match's row (pg_trgm rechecks each candidate), which pays only to intersect
   * the matches with a label's messages; when messages drive, the rows are walked and checked instead.
   */
  indexOnly: boolean;
}

/** Escapes `%`, `_` and `\` so user text matches literally inside a LIKE pattern (use with `escape '\'`). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
