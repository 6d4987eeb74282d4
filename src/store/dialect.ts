import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Database } from './db-types.ts';

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
   * Counts, up to `cap`, messages whose search_text contains `folded`, using the text index; null when the
   * dialect has no such index (the caller then scans with LIKE).
   */
  textIndexEstimate(db: Kysely<Database>, folded: string, cap: number): Promise<number | null>;
  /** `messageId` is one of the messages whose search_text contains `folded`, via the text index. */
  textIndexMatch(messageId: Expression<number>, folded: string): Expression<SqlBool>;
  /** Runs `fn` in a write transaction (SQLite: BEGIN IMMEDIATE, so concurrent writers wait instead of failing). */
  writeTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  /** Releases the connection(s), after any housekeeping. */
  close(db: Kysely<Database>): Promise<void>;
}

/** Escapes `%`, `_` and `\` so user text matches literally inside a LIKE pattern (use with `escape '\'`). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
