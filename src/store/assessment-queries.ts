import type { Kysely, Selectable } from 'kysely';
import type { Clock } from '../core/ports.ts';
import type { AssessmentsTable, Database } from './db-types.ts';
import { insertWorkspaceIfMissing } from './workspace-queries.ts';

/**
 * A stored CX maturity self-assessment. The store keeps answers and scores as they were computed
 * (plain records, not the question bank's types): the bank evolves, the history must still read.
 */
export interface StoredAssessment {
  id: number;
  workspaceId: string;
  createdAt: Date;
  language: 'fr' | 'en';
  answers: Record<string, number>;
  scores: { overall: number; dimensions: Record<string, number> };
  stage: string;
}

/** What the caller provides; id and date are the store's. */
export type NewAssessment = Omit<StoredAssessment, 'id' | 'workspaceId' | 'createdAt'>;

function toAssessment(r: Selectable<AssessmentsTable>): StoredAssessment {
  return {
    id: Number(r.id),
    workspaceId: r.workspace_id,
    createdAt: new Date(Number(r.created_at)),
    language: r.language === 'en' ? 'en' : 'fr',
    answers: JSON.parse(r.answers) as Record<string, number>,
    scores: JSON.parse(r.scores) as StoredAssessment['scores'],
    stage: r.stage,
  };
}

/**
 * Stores an assessment. The data version is not bumped: insights do not read assessments, so there is
 * no cached computation to invalidate.
 */
export async function saveAssessment(db: Kysely<Database>, clock: Clock, workspaceId: string, a: NewAssessment): Promise<StoredAssessment> {
  const row = {
    workspace_id: workspaceId,
    created_at: clock().getTime(),
    language: a.language,
    answers: JSON.stringify(a.answers),
    scores: JSON.stringify(a.scores),
    stage: a.stage,
  };
  const id = await db.transaction().execute(async (trx) => {
    await insertWorkspaceIfMissing(trx, clock, workspaceId);
    return (await trx.insertInto('assessments').values(row).returning('id').executeTakeFirstOrThrow()).id;
  });
  return toAssessment({ ...row, id });
}

/** Assessments of a workspace, newest first (`limit`: at most that many). */
export async function listAssessments(db: Kysely<Database>, workspaceId: string, limit?: number): Promise<StoredAssessment[]> {
  let q = db.selectFrom('assessments').selectAll().where('workspace_id', '=', workspaceId)
    .orderBy('created_at', 'desc').orderBy('id', 'desc');
  if (limit !== undefined) q = q.limit(limit);
  return (await q.execute()).map(toAssessment);
}
