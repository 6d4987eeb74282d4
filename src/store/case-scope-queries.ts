import type { Kysely } from 'kysely';
import type { CaseScope } from './case-store.ts';
import type { Database } from './db-types.ts';

/**
 * The cases of a workspace narrowed to the dashboard's shared filter, as one query written once for
 * SQLite and PostgreSQL: the case's own opened date and team, and the segment, channel, brand and
 * language of the message that raised it (and of that message's customer).
 *
 * The message and customer are joined by their primary keys (`cases.message_id` → `messages.id`,
 * `messages.customer_id` → `customers.id`), never through the case's `customer_id` text, so the
 * filter does not depend on how case rows name their customer. Left joins keep cases without a
 * message in an unscoped list; a segment, channel, brand or language filter then excludes them (a
 * NULL never equals a value). Column names are qualified: `customer_id` and `created_at` exist on
 * more than one of the joined tables.
 */
export function scopedCases(db: Kysely<Database>, workspaceId: string, scope: CaseScope = {}) {
  let q = db.selectFrom('cases')
    .leftJoin('messages as m', (join) => join.onRef('m.id', '=', 'cases.message_id').onRef('m.workspace_id', '=', 'cases.workspace_id'))
    .leftJoin('customers as cu', 'cu.id', 'm.customer_id')
    .selectAll('cases')
    .where('cases.workspace_id', '=', workspaceId);
  if (scope.openedFrom) q = q.where('cases.created_at', '>=', scope.openedFrom.getTime());
  if (scope.openedBefore) q = q.where('cases.created_at', '<', scope.openedBefore.getTime());
  if (scope.team) q = q.where('cases.team', '=', scope.team);
  if (scope.segment) q = q.where('cu.segment', '=', scope.segment);
  if (scope.channel) q = q.where('m.channel', '=', scope.channel);
  if (scope.brand) q = q.where('m.brand', '=', scope.brand);
  if (scope.language) q = q.where('m.language', '=', scope.language);
  return q;
}
