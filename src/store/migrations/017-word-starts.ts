import { type Kysely, sql } from 'kysely';

/**
 * PostgreSQL: the 2-letter word-start search of customer messages reads a narrow table instead of the
 * messages themselves. Migration 015's word index (a GIN index on an expression of messages.search_text)
 * finds the matches of a frequent 2-letter term ("ab": 29,000 of a million messages) without rechecking
 * them, but a bitmap scan still visits every match's row of `messages`, the widest table (text, folded
 * text, copies of the conversation's columns): 17,000 pages, 0.2 s once they no longer fit the shared
 * buffers, and every search with a theme (`q=ab&theme=delay`) pays it to intersect the matches with
 * the theme's messages.
 *
 * `message_word_starts` holds, per customer message, the distinct first two characters of its words (a
 * word as the row check cuts it: a run of letters and digits of the folded text), under a GIN index:
 * 78 MB for 500,000 customer messages against the messages' 271 MB, and the ids of those 29,000 matches
 * read in 20–35 ms instead of 200 ms (1M messages, default shared_buffers). A trigger keeps
 * it in step with messages (insert, and a change of text or role); deleting a message deletes its row
 * (foreign key, on delete cascade). Migration 015's word index is dropped: nothing reads it any more,
 * and every import would keep paying to maintain it.
 *
 * SQLite: nothing to do; its FTS5 word table (015) answers from the index alone.
 *
 * Frozen: the SQL is written here, not taken from the live dialect adapter.
 */
export async function up(db: Kysely<unknown>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect === 'postgres') await postgresUp(db);
}

async function postgresUp(db: Kysely<unknown>): Promise<void> {
  await sql`create table message_word_starts (
    message_id bigint primary key references messages (id) on delete cascade,
    workspace_id text not null,
    starts text[] not null
  )`.execute(db);
  // The first two characters of each word of 2 or more; a 1-character word starts no 2-letter term.
  await sql`create function message_word_starts_of(search_text text) returns text[] language sql immutable parallel safe as $$
    select coalesce(array_agg(distinct left(w, 2)), '{}') from regexp_split_to_table(search_text, '[^[:alnum:]]+') as w where length(w) >= 2
  $$`.execute(db);
  await sql`insert into message_word_starts (message_id, workspace_id, starts)
    select id, workspace_id, message_word_starts_of(search_text) from messages where role = 'customer' and search_text is not null`.execute(db);
  await sql`create index message_word_starts_gin on message_word_starts using gin (starts)`.execute(db);
  // The schema of the tables is fixed at creation: the trigger then works whatever a writer's search_path.
  await sql`create function message_word_starts_sync() returns trigger language plpgsql set search_path from current as $$
    begin
      if tg_op = 'UPDATE' then
        delete from message_word_starts where message_id = old.id;
      end if;
      if new.role = 'customer' and new.search_text is not null then
        insert into message_word_starts (message_id, workspace_id, starts)
          values (new.id, new.workspace_id, message_word_starts_of(new.search_text));
      end if;
      return null;
    end
  $$`.execute(db);
  await sql`create trigger messages_word_starts after insert or update of search_text, role on messages
    for each row execute function message_word_starts_sync()`.execute(db);
  await sql`drop index if exists messages_customer_words`.execute(db);
  await sql`analyze message_word_starts`.execute(db);
}
