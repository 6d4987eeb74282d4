import { type Kysely, sql } from 'kysely';

/**
 * PostgreSQL: a substring search of customer messages (`q=facture` in the listening station) reads and
 * rechecks a narrow table of their folded text instead of the rows of `messages`. pg_trgm's index is
 * lossy for `LIKE '%facture%'`: every candidate it returns is rechecked on its row. Through migration
 * 015's partial index those rows were the messages themselves, the widest table (text, folded text,
 * copies of the conversation's columns): `q=facture&theme=delay`, a 3 %-frequent term with a theme it
 * never meets, rechecked 31,804 candidates in 18,881 blocks of `messages` before the theme ruled them
 * all out (179 ms at the 95th percentile on a million messages, the one search over 100 ms).
 *
 * `message_search_texts` holds, per customer message, its workspace and folded text (`search_text`), under
 * a GIN trigram index: the same candidates are rechecked in 7,617 blocks (61 MB of table and a 47 MB
 * index for 500,000 customer messages). A trigger keeps it in step with messages (insert, and a change
 * of text or role); deleting a message deletes its row (foreign key, on delete cascade). The table is
 * made even without pg_trgm, so that an owner who installs the extension later only has to create the
 * index (README). 015's partial trigram index stays: where a term is too frequent for its ids to be
 * read first, the LIKE is checked on the messages walked, and counting those matches (`q=je suis&
 * theme=delay`) still goes through it (108 ms with it, 244 ms through 011's index of every role).
 *
 * SQLite: nothing to do; its FTS5 trigram table (015) holds only the index and answers from it.
 *
 * Frozen: the SQL is written here, not taken from the live dialect adapter.
 */
export async function up(db: Kysely<unknown>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect === 'postgres') await postgresUp(db);
}

async function postgresUp(db: Kysely<unknown>): Promise<void> {
  await sql`create table message_search_texts (
    message_id bigint primary key references messages (id) on delete cascade,
    workspace_id text not null,
    search_text text not null
  )`.execute(db);
  await sql`insert into message_search_texts (message_id, workspace_id, search_text)
    select id, workspace_id, search_text from messages where role = 'customer' and search_text is not null`.execute(db);
  // Extensions belong to the database; 011 put pg_trgm where this role could (or nowhere).
  const { rows } = await sql<{ name: string }>`select n.nspname as name from pg_extension e
    join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db);
  const trgm = rows[0]?.name;
  if (trgm !== undefined) {
    await sql`create index message_search_texts_trgm on message_search_texts
      using gin (search_text ${sql.id(trgm, 'gin_trgm_ops')})`.execute(db);
  }
  // The schema of the tables is fixed at creation: the trigger then works whatever a writer's search_path.
  await sql`create function message_search_texts_sync() returns trigger language plpgsql set search_path from current as $$
    begin
      if tg_op = 'UPDATE' then
        delete from message_search_texts where message_id = old.id;
      end if;
      if new.role = 'customer' and new.search_text is not null then
        insert into message_search_texts (message_id, workspace_id, search_text)
          values (new.id, new.workspace_id, new.search_text);
      end if;
      return null;
    end
  $$`.execute(db);
  await sql`create trigger messages_search_texts after insert or update of search_text, role on messages
    for each row execute function message_search_texts_sync()`.execute(db);
  await sql`analyze message_search_texts`.execute(db);
}
