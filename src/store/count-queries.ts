import type { Kysely } from 'kysely';
import type { StoreCounts } from './store.ts';
import type { Database } from './db-types.ts';

type Counter = { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> };

async function value(q: Counter): Promise<number> {
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Row counts of a workspace; each is an index-only count on a (workspace_id, …) index. */
export async function counts(db: Kysely<Database>, workspaceId: string): Promise<StoreCounts> {
  const [conversations, messages, customerMessages, analysed, customers, surveys, employeeAnswers] = await Promise.all([
    value(db.selectFrom('conversations').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId)),
    value(db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId)),
    value(db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).where('role', '=', 'customer')),
    value(db.selectFrom('analyses').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId)),
    value(db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId)),
    value(db.selectFrom('survey_answers').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId)),
    value(db.selectFrom('employee_answers').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId)),
  ]);
  return { conversations, messages, customerMessages, analysed, customers, surveys, employeeAnswers };
}
