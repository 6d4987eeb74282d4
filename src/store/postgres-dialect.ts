import pg from 'pg';
import { type Expression, Kysely, PostgresDialect, type RawBuilder, sql } from 'kysely';
import type { Database } from './db-types.ts';
import { containsPattern, type DialectAdapter } from './dialect.ts';
import { hasTrigram, type TextSearch } from './text-search.ts';
import { postgresConnectionError } from './postgres-errors.ts';

const PG_MAX_PARAMS = 65535;
const INT8_OID = 20;

/**
 * Parses int8 (bigint ids, epoch-ms timestamps, counts) as JS numbers: every value Écoute stores is far
 * below 2^53. Set per pool, not on the global `pg.types`, so that other users of `pg` are unaffected.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

/** Customer messages sampled, newest first, to estimate how many a search term matches. */
const SAMPLE = 1000;
/** Below this estimate, the matching ids are read first (up to MAX_IDS of them). */
const FETCH_BELOW = 4000;
const MAX_IDS = 2000;

/** A regular expression prefix: what follows starts a word (a run of letters and digits), as migration 017 cuts words. */
const WORD_START = '(^|[^[:alnum:]])';

/**
 * The ids of the customer messages `search` matches, as the customer indexes serve them, each from a
 * narrow table rather than the messages' wide rows: a substring through migration 018's table of folded
 * customer texts (its trigram index, then the recheck of each candidate on its narrow row); a 2-letter
 * word start through migration 017's table of word starts.
 */
function indexedIds(search: TextSearch, workspaceId?: string): RawBuilder<{ id: number }> {
  const inWorkspace = workspaceId === undefined ? sql`` : sql` and workspace_id = ${workspaceId}`;
  return search.match === 'word-start'
    ? sql`select message_id as id from message_word_starts where starts @> array[${search.text}]::text[]${inWorkspace}`
    : sql`select message_id as id from message_search_texts where search_text like ${containsPattern(search.text)} escape '\\'${inWorkspace}`;
}

/** A word of `searchText` starts with `text`, checked on the row (no index): the same answer as migration 017's table. */
function wordStartOnRow(searchText: Expression<string>, text: string): RawBuilder<boolean> {
  return sql`${searchText} ~ ${WORD_START + text}`;
}

/** `search` checked on a row `s` (no index): the same answer as indexedIds. */
function rowMatch(search: TextSearch): RawBuilder<boolean> {
  return search.match === 'word-start'
    ? wordStartOnRow(sql.ref('s.search_text'), search.text)
    : sql`s.search_text like ${containsPattern(search.text)} escape '\\'`;
}

/** A PostgreSQL adapter over a `pg` pool; `schema` isolates the tables (search_path). */
export function postgresAdapter(target: { url: string; host: string; port: number; database: string }, schema?: string): DialectAdapter {
  // Whether migration 018 could build the trigram index of customer texts (it needs pg_trgm); asked once.
  let customerTrigram: Promise<boolean> | undefined;
  const hasCustomerTrigramIndex = (db: Kysely<Database>): Promise<boolean> => {
    customerTrigram ??= sql<{ ok: boolean }>`select to_regclass('message_search_texts_trgm') is not null as ok`
      .execute(db)
      .then(({ rows }) => rows[0]?.ok === true)
      .catch((err: unknown) => {
        customerTrigram = undefined; // a database that was unreachable is asked again next time
        throw err;
      });
    return customerTrigram;
  };
  return {
    kind: 'postgres',
    maxParams: PG_MAX_PARAMS,
    autoIdType: 'bigserial',

    async createKysely() {
      const pool = new pg.Pool({
        connectionString: target.url,
        max: 10,
        connectionTimeoutMillis: 10_000,
        types,
        options: schema ? `-c search_path=${schema}` : undefined,
      });
      // An idle client losing its server must not crash the process; the next query reports the error.
      pool.on('error', () => undefined);
      // Same for a checked-out client between two queries (a server restart mid-transaction): without a
      // listener its 'error' event kills the process; the transaction's next query fails instead.
      pool.on('connect', (client) => client.on('error', () => undefined));
      const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
      try {
        await sql`select 1`.execute(db);
      } catch (err) {
        await db.destroy().catch(() => undefined);
        throw postgresConnectionError(err, target);
      }
      return db;
    },

    async prepareNamespace(db) {
      if (schema) {
        await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
        return schema;
      }
      const { rows } = await sql<{ name: string }>`select current_schema() as name`.execute(db);
      return rows[0]?.name ?? 'public';
    },

    // Nothing here: migration 011 adds a pg_trgm GIN index on messages.search_text (when the server
    // offers pg_trgm), whose operator class serves the plain LIKE of searches over every role; migrations
    // 017 and 018 add the customer-only tables and indexes that textIndexMatch below reads.
    async createTextIndex() {},

    async textIndexLookup(db, workspaceId, search, cap) {
      if (!search.customers) return null; // every role: the plain LIKE, served by 011's index
      const wordStart = search.match === 'word-start'; // its table (017) needs no extension
      if (!wordStart && (!hasTrigram(search.text) || !(await hasCustomerTrigramIndex(db)))) return null;
      // Counting through an index rechecks every candidate row (0.3 s for a frequent term): the newest
      // customer messages of the workspace give the share instead, the rows of the term's table the total
      // (a table's, not an index's: a trigram index counts one row per trigram entry).
      const table = wordStart ? 'message_word_starts' : 'message_search_texts';
      const { rows } = await sql<{ sampled: number; hits: number; total: number }>`select count(*) as sampled,
          count(*) filter (where ${rowMatch(search)}) as hits,
          (select reltuples from pg_class where oid = to_regclass(${table})) as total
        from (select search_text from messages where workspace_id = ${workspaceId} and role = 'customer'
          order by sent_at desc, id desc limit ${SAMPLE}) s`.execute(db);
      const { sampled, hits, total } = rows[0] ?? { sampled: 0, hits: 0, total: 0 };
      // A sample that is not full holds every customer message of the workspace: its count is exact.
      const estimate = Number(sampled) < SAMPLE ? Number(hits) : Math.round((Number(hits) / SAMPLE) * Math.max(Number(total), SAMPLE));
      if (estimate >= cap) return { estimate: cap, ids: null, indexOnly: false };
      if (estimate > FETCH_BELOW) return { estimate, ids: null, indexOnly: false };
      // Few matches: read their ids through the index, so the page query gets a list the planner sizes
      // exactly. Inside the page query it would misjudge them (search_text's statistics count every
      // role: a term agents write looks frequent) and hash-join whole tables. Bitmap scans only: with
      // a LIMIT the planner would otherwise hope to find them soon by scanning, and read every row.
      const found = await db.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        await sql`set local enable_indexscan = off`.execute(trx);
        return sql<{ id: number }>`${indexedIds(search, workspaceId)} limit ${MAX_IDS + 1}`.execute(trx);
      });
      if (found.rows.length > MAX_IDS) return { estimate: Math.max(estimate, found.rows.length), ids: null, indexOnly: false };
      return { estimate: found.rows.length, ids: found.rows.map((r) => Number(r.id)), indexOnly: false };
    },

    textIndexMatch(messageId, search, ids) {
      if (ids !== null) return sql<boolean>`${messageId} = any(${[...ids]}::bigint[])`;
      // OFFSET 0 keeps the subquery apart, so it is planned on its own (a bitmap scan of its index).
      return sql<boolean>`${messageId} in (${indexedIds(search)} offset 0)`;
    },

    wordStartMatch(_messageId, searchText, text) {
      return wordStartOnRow(searchText, text);
    },

    async writeTransaction(db, fn) {
      return db.transaction().execute(fn);
    },

    async close(db) {
      await db.destroy();
    },
  };
}
