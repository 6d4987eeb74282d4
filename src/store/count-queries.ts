import type { Kysely } from 'kysely';
import type { StoreCounts } from './store.ts';
import type { Database } from './db-types.ts';

/** Row counts of a workspace; each is an index-only count on a (workspace_id, …) index. */
export async function counts(db: Kysely<Database>, workspaceId: string): Promise<StoreCounts> {
  const count = async (q: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }) =>
    Number((await q.executeTakeFirstOrThrow()).n);
  const n = <T extends keyof Database>(table: T) =>
    db.selectFrom(table as 'messages').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId);
  const [conversations, messages, customerMessages, analysed, customers, surveys, employeeAnswers] = await Promise.all([
    count(n('conversations')),
    count(n('messages')),
    count(n('messages').where('role', '=', 'customer')),
    count(n('analyses')),
    count(n('customers')),
    count(n('survey_answers')),
    count(n('employee_answers')),
  ]);
  return { conversations, messages, customerMessages, analysed, customers, surveys, employeeAnswers };
}
