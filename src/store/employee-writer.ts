import type { Kysely } from 'kysely';
import type { EmployeeSurveyInput } from '../core/employee-survey.ts';
import type { Clock } from '../core/ports.ts';
import type { WriteResult } from './store.ts';
import { chunkRows } from './chunk-rows.ts';
import type { Database } from './db-types.ts';
import type { DialectAdapter } from './dialect.ts';
import { sourceDbId, toDbId } from './ids.ts';
import { bumpDataVersion } from './workspace-queries.ts';

/**
 * Writes employee survey answers in one transaction, skipping natural keys already stored (idempotent
 * re-import). Employee comments are not customer messages, so `newMessageIds` is always empty.
 */
export async function writeEmployeeAnswers(
  db: Kysely<Database>,
  adapter: DialectAdapter,
  clock: Clock,
  workspaceId: string,
  sourceId: string,
  batch: EmployeeSurveyInput[],
  /** The import writing them (beginImport), recorded on each new row so it can be undone. */
  importId?: string,
): Promise<WriteResult> {
  const source = sourceDbId(sourceId);
  if (batch.length === 0) return { inserted: 0, updated: 0, skipped: 0, newMessageIds: [] };
  const rows = batch.map((a) => ({
    workspace_id: workspaceId,
    source_id: source,
    natural_key: a.naturalKey,
    team: a.team,
    period: a.period,
    enps: a.enps ?? null,
    items: JSON.stringify(a.items ?? {}),
    comment: a.comment ?? null,
    answered_at: a.at.getTime(),
    import_id: toDbId(importId),
  }));
  return adapter.writeTransaction(db, async (trx) => {
    let inserted = 0;
    for (const chunk of chunkRows(dedupe(rows), adapter.maxParams)) {
      const returned = await trx
        .insertInto('employee_answers')
        .values(chunk)
        .onConflict((oc) => oc.columns(['workspace_id', 'natural_key']).doNothing())
        .returning('id')
        .execute();
      inserted += returned.length;
    }
    if (inserted > 0) await bumpDataVersion(trx, clock, workspaceId);
    return { inserted, updated: 0, skipped: batch.length - inserted, newMessageIds: [] };
  });
}

/** PostgreSQL refuses a statement that conflicts with itself only for DO UPDATE; dedupe anyway to count right. */
function dedupe<T extends { natural_key: string }>(rows: T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.natural_key) ? false : (seen.add(r.natural_key), true)));
}
