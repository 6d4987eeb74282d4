/**
 * Queries of the analysis jobs (see analysis-job-store.ts). Pages are keyed by message id, not by
 * offset, so a page costs the same at the start and at the end of a million-message workspace, and
 * messages analysed meanwhile do not shift the pages.
 */
import type { Kysely } from 'kysely';
import type { BacklogQuery, BatchMessage } from './analysis-job-store.ts';
import { chunkValues } from './chunk-rows.ts';
import type { Database } from './db-types.ts';
import { toDbId } from './ids.ts';

/** The customer messages among `messageIds` in the workspace, in id order; invalid ids are skipped. */
export async function messagesForAnalysis(
  db: Kysely<Database>, maxParams: number, workspaceId: string, messageIds: readonly string[],
): Promise<BatchMessage[]> {
  const ids = [...new Set(messageIds.map(toDbId).filter((id): id is number => id !== null))];
  const out: BatchMessage[] = [];
  for (const chunk of chunkValues(ids, maxParams)) {
    const rows = await db.selectFrom('messages')
      .select(['id', 'text', 'language', 'analysis_version'])
      .where('workspace_id', '=', workspaceId)
      .where('role', '=', 'customer')
      .where('id', 'in', chunk)
      .orderBy('id')
      .execute();
    for (const r of rows) out.push({ messageId: String(r.id), text: r.text, language: r.language, analysisVersion: r.analysis_version });
  }
  return out.sort((a, b) => Number(a.messageId) - Number(b.messageId));
}

/** One page of ids of messages awaiting analysis by `q.modelVersion`, above `q.afterId`. */
export async function analysisBacklog(db: Kysely<Database>, workspaceId: string, q: BacklogQuery): Promise<string[]> {
  const after = q.afterId === undefined ? 0 : toDbId(q.afterId) ?? 0;
  const rows = await db.selectFrom('messages')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'customer')
    .where('id', '>', after)
    .where((eb) => {
      const other = eb('analysis_version', '<>', q.modelVersion);
      return q.kind === 'stale' ? other : eb.or([eb('analysis_version', 'is', null), other]);
    })
    .orderBy('id')
    .limit(q.limit)
    .execute();
  return rows.map((r) => String(r.id));
}
