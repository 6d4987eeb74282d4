import { type Kysely, sql } from 'kysely';

/**
 * Search indexes over customer messages only, the messages the listening station searches (its `q`
 * always comes with the customer-only filter). Indexing what is searched, rather than every message and
 * filtering after, keeps a term that agents write all the time ("votre demande") from reading every
 * one of its matches only to find that no customer wrote it; and it halves what each search reads.
 *
 * - A substring (trigram) index: SQLite, the FTS5 table `messages_customer_fts`; PostgreSQL, the
 *   partial GIN index `messages_customer_trgm` (`where role = 'customer'`), when pg_trgm is installed
 *   (migration 011 installed it where it could; without it search stays correct, only slower).
 * - A word index for 2-letter terms, which have no trigram: SQLite, the FTS5 table
 *   `messages_customer_words` (unicode61 words, prefix index of 2 characters); PostgreSQL, the partial
 *   GIN index `messages_customer_words` on the `simple` tsvector of the text's runs of letters and
 *   digits. A 2-letter term thus matches the start of a word, on both stores.
 *
 * SQLite's tables are contentless (content='', contentless_delete=1): they hold only the index, and
 * triggers keep them in step with messages for customer rows. The indexes built in 002 and 011 stay:
 * other callers may search every role.
 *
 * Frozen: the SQL is written here, not taken from the live dialect adapter.
 */
export async function up(db: Kysely<unknown>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect === 'sqlite') await sqliteUp(db);
  else await postgresUp(db);
}

async function sqliteUp(db: Kysely<unknown>): Promise<void> {
  await sql`create virtual table messages_customer_fts using fts5(search_text, content='', contentless_delete=1,
    tokenize='trigram case_sensitive 1')`.execute(db);
  await sql`create virtual table messages_customer_words using fts5(search_text, content='', contentless_delete=1,
    tokenize='unicode61 remove_diacritics 2', prefix='2')`.execute(db);
  await sql`insert into messages_customer_fts(rowid, search_text)
    select id, search_text from messages where role = 'customer' and search_text is not null`.execute(db);
  await sql`insert into messages_customer_words(rowid, search_text)
    select id, search_text from messages where role = 'customer' and search_text is not null`.execute(db);
  await sql`create trigger messages_customer_search_insert after insert on messages
    when new.role = 'customer' and new.search_text is not null begin
      insert into messages_customer_fts(rowid, search_text) values (new.id, new.search_text);
      insert into messages_customer_words(rowid, search_text) values (new.id, new.search_text);
    end`.execute(db);
  await sql`create trigger messages_customer_search_delete after delete on messages
    when old.role = 'customer' begin
      delete from messages_customer_fts where rowid = old.id;
      delete from messages_customer_words where rowid = old.id;
    end`.execute(db);
  // A message that changes text, or role, leaves the index and comes back if it is (still) a customer's.
  await sql`create trigger messages_customer_search_update after update of search_text, role on messages begin
      delete from messages_customer_fts where rowid = old.id;
      delete from messages_customer_words where rowid = old.id;
      insert into messages_customer_fts(rowid, search_text)
        select new.id, new.search_text where new.role = 'customer' and new.search_text is not null;
      insert into messages_customer_words(rowid, search_text)
        select new.id, new.search_text where new.role = 'customer' and new.search_text is not null;
    end`.execute(db);
}

async function postgresUp(db: Kysely<unknown>): Promise<void> {
  // Extensions belong to the database; 011 put pg_trgm where this role could (or nowhere).
  const { rows } = await sql<{ name: string }>`select n.nspname as name from pg_extension e
    join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db);
  const trgm = rows[0]?.name;
  if (trgm !== undefined) {
    await sql`create index if not exists messages_customer_trgm on messages
      using gin (search_text ${sql.id(trgm, 'gin_trgm_ops')}) where role = 'customer'`.execute(db);
  }
  // Words as SQLite's unicode61 cuts them: runs of letters and digits.
  await sql`create index if not exists messages_customer_words on messages
    using gin (to_tsvector('simple'::regconfig, regexp_replace(search_text, '[^[:alnum:]]+', ' ', 'g')))
    where role = 'customer'`.execute(db);
}
