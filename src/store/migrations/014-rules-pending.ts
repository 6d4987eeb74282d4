import { sql, type Kysely } from 'kysely';

/**
 * Alerts are never lost to a crash. Storing a batch's analyses and running the alert rules on those
 * messages are two transactions; a process killed between them left messages analysed (so never
 * picked up again) without their alerts. This migration adds:
 * - `analyses.rules_pending` (1: the analysis is stored, the alert rules have not run on it yet;
 *   0: they have, or the analysis was stored without rules). Set in the transaction that stores the
 *   analysis, cleared once the rules' alerts are written, so the next analysis run finds what a killed
 *   one left behind. Existing analyses get 0: whatever they raised (or lost) before cannot be told apart,
 *   and raising months-old alerts on an upgrade would page people for nothing.
 * - the partial index `analyses_rules_pending` over the pending rows only: finding them costs
 *   O(pending), not a scan of every analysis, and clearing the flag leaves the index empty again.
 * Frozen: this file never imports live app code.
 */
// No table types apply (`Kysely<unknown>`): the schema is what the migrations created.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('analyses').addColumn('rules_pending', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema
    .createIndex('analyses_rules_pending')
    .on('analyses')
    .columns(['workspace_id', 'message_id'])
    .where(sql.ref('rules_pending'), '=', 1)
    .execute();
}
