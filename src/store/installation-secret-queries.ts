import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Clock } from '../core/ports.ts';
import type { Database } from './db-types.ts';

/**
 * The key of customer pseudonyms (HMAC-SHA-256), one per database, created on first use and then
 * read back, so pseudonyms are stable across imports. A database that already holds "cust-"
 * pseudonyms when the key is first asked for (made before keys existed) gets the empty key, which
 * keeps those pseudonyms as they were (unsalted SHA-256): the same customer keeps one id.
 * The insert is "if absent", so two processes asking at once end with one key.
 */
export async function pseudonymSecret(db: Kysely<Database>, clock: Clock): Promise<string> {
  const read = async (): Promise<string | undefined> =>
    (await sql<{ value: string }>`select value from installation_secrets where name = 'pseudonym'`.execute(db)).rows[0]?.value;
  const existing = await read();
  if (existing !== undefined) return existing;
  const legacy = (await sql<{ n: number }>`select 1 as n from customers where external_id like 'cust-%' limit 1`.execute(db)).rows.length > 0;
  const value = legacy ? '' : randomBytes(32).toString('hex');
  await sql`insert into installation_secrets (name, value, created_at) values ('pseudonym', ${value}, ${clock().getTime()}) on conflict (name) do nothing`.execute(db);
  return (await read()) ?? value;
}
