/**
 * The import log behind `ecoute import list|undo`: an import row is opened before a file's first batch
 * (so every row it writes carries its id) and closed once the last batch is written.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../core/ports.ts';
import type { Database } from './db-types.ts';
import { sourceDbId, toDbId } from './ids.ts';

/** One import as `ecoute import list` shows it. */
export interface ImportListing {
  id: string;
  importedAt: Date;
  sourceName: string;
  fileName: string;
  sha256: string;
  /** Records the file held, new or not. */
  records: number;
  /** Records (conversations or employee answers) and messages it created; null for imports made before migration 005. */
  recordsAdded: number | null;
  messagesAdded: number | null;
  /** False while it runs, or when it was killed (importing the file again resumes it). */
  finished: boolean;
}

/**
 * Opens the import of a file and returns its id; an unfinished import of the same bytes under the
 * same source (one that was killed) is resumed instead of opening another.
 */
export async function beginImport(
  db: Kysely<Database>, clock: Clock, workspaceId: string, sourceId: string, file: { sha256: string; fileName: string; bytes: number },
): Promise<string> {
  const source = sourceDbId(sourceId);
  const open = await db.selectFrom('imports').select('id')
    .where('workspace_id', '=', workspaceId).where('source_id', '=', source).where('sha256', '=', file.sha256)
    .where('finished_at', 'is', null).orderBy('id', 'desc').executeTakeFirst();
  if (open) return String(open.id);
  const row = await db.insertInto('imports')
    .values({
      workspace_id: workspaceId, source_id: source, sha256: file.sha256, file_name: file.fileName, bytes: file.bytes,
      records: 0, imported_at: clock().getTime(), finished_at: null,
    })
    .returning('id').executeTakeFirstOrThrow();
  return String(row.id);
}

/** Rows of `table` an import created. */
async function addedBy(db: Kysely<Database>, table: 'conversations' | 'employee_answers' | 'messages', workspaceId: string, id: number): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId).where('import_id', '=', id).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Closes an import: stores what it added. An import that added nothing is forgotten unless
 * `keepIfNothingAdded` (the first import of these bytes, remembered so they are recognised later).
 */
export async function finishImport(
  db: Kysely<Database>, clock: Clock, workspaceId: string, importId: string, records: number, keepIfNothingAdded: boolean,
): Promise<void> {
  const id = toDbId(importId) ?? -1;
  const recordsAdded = (await addedBy(db, 'conversations', workspaceId, id)) + (await addedBy(db, 'employee_answers', workspaceId, id));
  const messagesAdded = await addedBy(db, 'messages', workspaceId, id);
  if (recordsAdded === 0 && messagesAdded === 0 && !keepIfNothingAdded) {
    await db.deleteFrom('imports').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
    return;
  }
  await db.updateTable('imports')
    .set({ records, finished_at: clock().getTime(), records_added: recordsAdded, messages_added: messagesAdded })
    .where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

/** Imports of a workspace, oldest first; one, by id, when `importId` is given. */
export async function listImports(db: Kysely<Database>, workspaceId: string, importId?: string): Promise<ImportListing[]> {
  let q = db.selectFrom('imports').innerJoin('sources', 'sources.id', 'imports.source_id')
    .select([
      'imports.id', 'imports.imported_at', 'sources.name as source_name', 'imports.file_name', 'imports.sha256', 'imports.records',
      'imports.records_added', 'imports.messages_added', 'imports.finished_at',
    ])
    .where('imports.workspace_id', '=', workspaceId);
  if (importId !== undefined) q = q.where('imports.id', '=', toDbId(importId) ?? -1);
  const rows = await q.orderBy('imports.id').execute();
  return rows.map((r) => ({
    id: String(r.id),
    importedAt: new Date(Number(r.imported_at)),
    sourceName: r.source_name,
    fileName: r.file_name,
    sha256: r.sha256,
    records: Number(r.records),
    recordsAdded: r.records_added == null ? null : Number(r.records_added),
    messagesAdded: r.messages_added == null ? null : Number(r.messages_added),
    finished: r.finished_at != null,
  }));
}
