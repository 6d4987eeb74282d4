import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { StoreCounts } from './store.ts';
import type { Database } from './db-types.ts';

/** A query selecting one count as `n` (drivers return it as a number, a string or a bigint). */
type CountQuery = { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> };

/** Runs a count query and returns the count as a number. */
export async function countOf(q: CountQuery): Promise<number> {
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/**
 * Counts the rows of `q`, stopping at `cap`: `select count(*) from (q limit cap)` reads at most `cap`
 * index entries, however many rows match.
 */
export function countUpTo<DB, TB extends keyof DB, O>(db: Kysely<Database>, q: SelectQueryBuilder<DB, TB, O>, cap: number): Promise<number> {
  return countOf(db.selectFrom(q.limit(cap).as('p')).select((eb) => eb.fn.countAll<number>().as('n')));
}

/** Row counts of a workspace; each is an index-only count on a (workspace_id, …) index. */
export async function counts(db: Kysely<Database>, workspaceId: string): Promise<StoreCounts> {
  const rowsOf = (table: 'conversations' | 'messages' | 'analyses' | 'customers' | 'survey_answers' | 'employee_answers') =>
    countOf(db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId));
  const [conversations, messages, customerMessages, analysed, customers, surveys, employeeAnswers] = await Promise.all([
    rowsOf('conversations'),
    rowsOf('messages'),
    countOf(db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).where('role', '=', 'customer')),
    rowsOf('analyses'),
    rowsOf('customers'),
    rowsOf('survey_answers'),
    rowsOf('employee_answers'),
  ]);
  return { conversations, messages, customerMessages, analysed, customers, surveys, employeeAnswers };
}
