import type { Kysely } from 'kysely';
import type { Clock } from '../core/ports.ts';
import { writeAudit } from './audit-queries.ts';
import type { Database } from './db-types.ts';
import { deleteConversations, deleteOrphanCustomers, noneRemoved, type RemovedCounts } from './delete-rows.ts';
import type { DialectAdapter } from './dialect.ts';
import { bumpDataVersion } from './workspace-queries.ts';

/** Outcome of a retention run. */
export interface RetentionResult {
  months: number;
  /** Conversations whose last message is before this instant are (or would be) removed. */
  cutoff: Date;
  dryRun: boolean;
  removed: RemovedCounts;
}

/** `now` minus `months` calendar months (UTC; the 31st of a shorter month rolls to its end). */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** Thrown inside the transaction of a dry run so that everything it deleted is rolled back. */
class DryRunRollback extends Error {}

/**
 * Deletes the conversations whose last message (their start when they have none) is older than
 * `months` months, with their messages, analyses, survey answers and cases, and the customers left
 * with nothing; writes an audit line. `dryRun` does the same inside a transaction it rolls back, so
 * the counts are exact and nothing changes. `months` 0 keeps everything.
 */
export async function applyRetention(
  db: Kysely<Database>, adapter: DialectAdapter, clock: Clock, workspaceId: string, months: number,
  opts: { dryRun?: boolean; actor?: string } = {},
): Promise<RetentionResult> {
  const cutoff = monthsBefore(clock(), months);
  const result: RetentionResult = { months, cutoff, dryRun: opts.dryRun ?? false, removed: noneRemoved() };
  if (months <= 0) return result;
  const removed = noneRemoved();
  try {
    await adapter.writeTransaction(db, async (trx) => {
      const old = await trx.selectFrom('conversations as c')
        .leftJoin('messages as m', 'm.conversation_id', 'c.id')
        .select(['c.id', 'c.customer_id'])
        .where('c.workspace_id', '=', workspaceId)
        .groupBy(['c.id', 'c.customer_id', 'c.started_at'])
        .having((eb) => eb(eb.fn.coalesce(eb.fn.max('m.sent_at'), 'c.started_at'), '<', cutoff.getTime()))
        .execute();
      if (old.length === 0) return;
      await deleteConversations(trx, adapter, workspaceId, old.map((c) => Number(c.id)), removed);
      const customers = old.flatMap((c) => (c.customer_id == null ? [] : [Number(c.customer_id)]));
      await deleteOrphanCustomers(trx, adapter, workspaceId, customers, removed);
      if (opts.dryRun) throw new DryRunRollback();
      await writeAudit(trx, clock, workspaceId, {
        actor: opts.actor, action: 'retention.apply', target: `older-than:${cutoff.toISOString()}`, detail: { months, removed: { ...removed } },
      });
      await bumpDataVersion(trx, clock, workspaceId, { removed: true });
    });
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
  }
  result.removed = removed;
  return result;
}
