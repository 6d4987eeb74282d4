import type { Kysely } from 'kysely';
import type { Clock } from '../core/ports.ts';
import type { ImportRecord, StoredElsewhere } from './store.ts';
import { chunkValues } from './chunk-rows.ts';
import type { Database } from './db-types.ts';
import type { DialectAdapter } from './dialect.ts';
import { sourceDbId } from './ids.ts';

/** The first recorded import of a file with these bytes in the workspace, or null. */
export async function findImport(db: Kysely<Database>, workspaceId: string, sha256: string): Promise<ImportRecord | null> {
  const row = await db
    .selectFrom('imports')
    .innerJoin('sources', 'sources.id', 'imports.source_id')
    .select(['sources.name as source_name', 'imports.file_name', 'imports.imported_at', 'imports.records'])
    .where('imports.workspace_id', '=', workspaceId)
    .where('imports.sha256', '=', sha256)
    // An unfinished import (running, or killed) does not make the bytes known: importing them again resumes it.
    .where('imports.finished_at', 'is not', null)
    .orderBy('imports.imported_at')
    .orderBy('imports.id')
    .executeTakeFirst();
  if (!row) return null;
  return { sourceName: row.source_name, fileName: row.file_name, importedAt: new Date(Number(row.imported_at)), records: Number(row.records) };
}

/** Records a finished import (called once the file's last batch is written). */
export async function recordImport(
  db: Kysely<Database>, clock: Clock, workspaceId: string, sourceId: string,
  file: { sha256: string; fileName: string; bytes: number; records: number },
): Promise<void> {
  await db
    .insertInto('imports')
    .values({
      workspace_id: workspaceId, source_id: sourceDbId(sourceId), sha256: file.sha256, file_name: file.fileName,
      bytes: file.bytes, records: file.records, imported_at: clock().getTime(),
    })
    .execute();
}

/**
 * Conversations with these external ids stored under another source, with their message texts: a
 * record exported again in another file (a ticket in both a Zendesk CSV and its JSON export) is
 * recognised by id and content, not stored twice.
 */
export async function storedElsewhere(
  db: Kysely<Database>, adapter: DialectAdapter, workspaceId: string, sourceId: string, externalIds: string[],
): Promise<StoredElsewhere[]> {
  const byId = new Map<number, StoredElsewhere>();
  for (const chunk of chunkValues([...new Set(externalIds)], adapter.maxParams)) {
    const rows = await db
      .selectFrom('conversations')
      .innerJoin('sources', 'sources.id', 'conversations.source_id')
      .leftJoin('messages', 'messages.conversation_id', 'conversations.id')
      .select(['conversations.id', 'conversations.external_id', 'sources.name as source_name', 'messages.text'])
      .where('conversations.workspace_id', '=', workspaceId)
      .where('conversations.source_id', '!=', sourceDbId(sourceId))
      .where('conversations.external_id', 'in', chunk)
      .orderBy('conversations.id')
      .execute();
    for (const r of rows) {
      const id = Number(r.id);
      let found = byId.get(id);
      if (!found) byId.set(id, (found = { externalId: r.external_id ?? '', sourceName: r.source_name, texts: [] }));
      if (r.text !== null) found.texts.push(r.text);
    }
  }
  return [...byId.values()];
}
