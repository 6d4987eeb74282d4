/**
 * Analyses the alert rules have not run on yet (migration 014). saveAnalyses() marks each analysis it
 * stores as rules-pending in its own transaction; the caller runs the rules, then clears the mark. A
 * process killed in between leaves the mark, and the next analysis run finds those messages here and
 * runs the rules on them (alerts are written at most once per rule and message, so running them again
 * on a message whose alerts did commit writes nothing twice).
 */
import { sql, type Kysely } from 'kysely';
import { InputError } from '../core/errors.ts';
import { chunkValues } from './chunk-rows.ts';
import type { Database } from './db-types.ts';
import type { DialectAdapter } from './dialect.ts';
import { toDbId } from './ids.ts';

/** Narrows rulesPendingMessages(): only marks old enough, and paging by id. */
export interface RulesPendingQuery {
  /**
   * Only analyses stored before this time: the queue's sweep leaves younger marks to the job that is
   * still running its rules on them (racing it would be harmless, one alert per rule and message, but wasted).
   */
  analyzedBefore?: Date;
  /** Only ids after this one (a sweep pages on without meeting a mark it could not clear twice). */
  afterId?: string;
}

/**
 * Up to `limit` messages of the workspace whose analysis still waits for the alert rules, by id.
 * The literal `= 1` (not a bound parameter) lets both planners use the partial index over pending rows.
 */
export async function rulesPendingMessages(
  db: Kysely<Database>, workspaceId: string, limit: number, opts: RulesPendingQuery = {},
): Promise<string[]> {
  let q = db
    .selectFrom('analyses')
    .select('message_id')
    .where('workspace_id', '=', workspaceId)
    .where('rules_pending', '=', sql.lit(1));
  if (opts.analyzedBefore !== undefined) q = q.where('analyzed_at', '<', opts.analyzedBefore.getTime());
  if (opts.afterId !== undefined) {
    const after = toDbId(opts.afterId);
    if (after === null) throw new InputError(`Message id "${opts.afterId}" is invalid. Pass afterId as an id rulesPendingMessages() returned.`);
    q = q.where('message_id', '>', after);
  }
  const rows = await q.orderBy('message_id').limit(limit).execute();
  return rows.map((r) => String(r.message_id));
}

/**
 * Clears the mark of these messages once the rules' alerts are written (or when the workspace has no
 * message rules: one UPDATE per chunk either way). Does not bump the insights data version: nothing the
 * insights read has changed.
 */
export async function markRulesChecked(
  db: Kysely<Database>, adapter: DialectAdapter, workspaceId: string, messageIds: readonly string[],
): Promise<void> {
  const ids = messageIds.map((id) => {
    const n = toDbId(id);
    if (n === null) throw new InputError(`Message id "${id}" is invalid. Pass ids returned by rulesPendingMessages() or pendingAnalysis().`);
    return n;
  });
  for (const chunk of chunkValues([...new Set(ids)], adapter.maxParams)) {
    await db
      .updateTable('analyses')
      .set({ rules_pending: 0 })
      .where('workspace_id', '=', workspaceId)
      .where('message_id', 'in', chunk)
      .where('rules_pending', '=', sql.lit(1))
      .execute();
  }
}
