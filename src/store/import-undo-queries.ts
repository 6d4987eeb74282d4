import type { Kysely } from 'kysely';
import { InputError, NotFoundError } from '../core/errors.ts';
import type { Clock } from '../core/ports.ts';
import { writeAudit } from './audit-queries.ts';
import { chunkValues } from './chunk-rows.ts';
import type { Database } from './db-types.ts';
import { deleteConversations, deleteMessages, deleteOrphanCustomers, deleted, noneRemoved, type RemovedCounts } from './delete-rows.ts';
import type { DialectAdapter } from './dialect.ts';
import { toDbId } from './ids.ts';
import { listImports, type ImportListing } from './import-log-queries.ts';
import { bumpDataVersion } from './workspace-queries.ts';

/** What `import undo` removed, and the import it was. */
export interface UndoneImport {
  import: ImportListing;
  removed: RemovedCounts;
}

/** Ids of the rows of `table` that import `id` created. */
async function idsOf(trx: Kysely<Database>, table: 'conversations' | 'messages' | 'customers', workspaceId: string, id: number): Promise<number[]> {
  const rows = await trx.selectFrom(table).select('id').where('workspace_id', '=', workspaceId).where('import_id', '=', id).execute();
  return rows.map((r) => Number(r.id));
}

/**
 * Deletes what an import added — the conversations it created with all their messages, analyses,
 * survey answers and cases, the messages and survey answers it appended to conversations stored
 * before it, its employee answers, and the customers it created that nothing else references — then
 * the import row itself (the file may be imported again), with an audit line. Records that existed
 * before the import are kept. Throws NotFoundError for an unknown id, InputError for an import made
 * before migration 005 (what it added was not recorded).
 */
export async function undoImport(
  db: Kysely<Database>, adapter: DialectAdapter, clock: Clock, workspaceId: string, importId: string, actor?: string,
): Promise<UndoneImport> {
  const [listing] = await listImports(db, workspaceId, importId);
  if (!listing) throw new NotFoundError('Import', importId, 'List the imports and their ids with `ecoute import list`.');
  if (listing.finished && listing.recordsAdded === null) {
    throw new InputError(`Import ${importId} (${listing.fileName}) was made before Écoute recorded what each import adds, so it cannot be undone.`);
  }
  const id = toDbId(importId)!;
  const removed = noneRemoved();
  await adapter.writeTransaction(db, async (trx) => {
    const conversations = await idsOf(trx, 'conversations', workspaceId, id);
    const customers = await idsOf(trx, 'customers', workspaceId, id);
    for (const chunk of chunkValues(conversations, adapter.maxParams)) {
      const rows = await trx.selectFrom('conversations').select('customer_id').where('id', 'in', chunk).where('customer_id', 'is not', null).execute();
      customers.push(...rows.map((r) => Number(r.customer_id)));
    }
    await deleteConversations(trx, adapter, workspaceId, conversations, removed);
    // Messages and survey answers it appended to conversations stored before it.
    await deleteMessages(trx, adapter, await idsOf(trx, 'messages', workspaceId, id), removed);
    removed.surveyAnswers += deleted(await trx.deleteFrom('survey_answers').where('workspace_id', '=', workspaceId).where('import_id', '=', id).executeTakeFirst());
    removed.employeeAnswers += deleted(await trx.deleteFrom('employee_answers').where('workspace_id', '=', workspaceId).where('import_id', '=', id).executeTakeFirst());
    await deleteOrphanCustomers(trx, adapter, workspaceId, customers, removed);
    // Customers it created that later imports also name stay, no longer marked as this import's.
    await trx.updateTable('customers').set({ import_id: null }).where('workspace_id', '=', workspaceId).where('import_id', '=', id).execute();
    await trx.deleteFrom('imports').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
    await writeAudit(trx, clock, workspaceId, {
      actor, action: 'import.undo', target: `import:${importId}`,
      detail: { file: listing.fileName, source: listing.sourceName, sha256: listing.sha256, removed: { ...removed } },
    });
    await bumpDataVersion(trx, clock, workspaceId, { removed: true });
  });
  return { import: listing, removed };
}
