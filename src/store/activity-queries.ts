import type { Kysely } from 'kysely';
import type { Database } from './db-types.ts';

/**
 * The time of the latest customer message or survey answer of a workspace before `before`, or null
 * when there is none. The digest uses it to cover the latest complete period that has data (an import
 * of last year's export must not give an empty "this week"). Both reads walk an index backwards
 * (messages_role, survey_answers_time), so this stays one index probe each on a million rows.
 */
export async function latestActivity(db: Kysely<Database>, workspaceId: string, before: Date): Promise<Date | null> {
  const t = before.getTime();
  const [message, answer] = await Promise.all([
    db.selectFrom('messages').select('sent_at').where('workspace_id', '=', workspaceId).where('role', '=', 'customer')
      .where('sent_at', '<', t).orderBy('sent_at', 'desc').limit(1).executeTakeFirst(),
    db.selectFrom('survey_answers').select('answered_at').where('workspace_id', '=', workspaceId)
      .where('answered_at', '<', t).orderBy('answered_at', 'desc').limit(1).executeTakeFirst(),
  ]);
  const times = [message?.sent_at, answer?.answered_at].filter((x) => x !== undefined && x !== null).map(Number);
  return times.length === 0 ? null : new Date(Math.max(...times));
}
