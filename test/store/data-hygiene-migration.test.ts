import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.ts';
import type { Database } from '../../src/store/db-types.ts';
import { sqliteAdapter } from '../../src/store/sqlite-dialect.ts';
import * as m001 from '../../src/store/migrations/001-initial.ts';
import * as m002 from '../../src/store/migrations/002-search-text.ts';
import * as m003 from '../../src/store/migrations/003-assessments.ts';
import * as m004 from '../../src/store/migrations/004-imports.ts';
import { openStore } from '../../src/store/open-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'ecoute-migrate-005-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 005 (data hygiene)', () => {
  it('keeps imports recorded before it: still recognised by content, listed as finished, refused by undo', async () => {
    const path = join(dir, 'v004.db');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(path) }) });
    const adapter = sqliteAdapter(path);
    const migrator = new Migrator({
      db,
      provider: {
        getMigrations: async () => ({
          '001-initial': { up: (k) => m001.up(k, 'integer') },
          '002-search-text': { up: (k) => m002.up(k as Kysely<Database>, adapter) },
          '003-assessments': { up: (k) => m003.up(k, 'integer') },
          '004-imports': { up: (k) => m004.up(k, 'integer') },
        }),
      },
    });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    await db.insertInto('workspaces').values({ id: 'w', name: 'w', settings: '{"language":"fr","desiredEmotions":{}}', created_at: 0 }).execute();
    await db.insertInto('sources').values({ id: 1, workspace_id: 'w', name: 'zendesk', kind: 'csv', created_at: 0 }).execute();
    await db.insertInto('imports').values({ workspace_id: 'w', source_id: 1, sha256: 'abc', file_name: 'old.csv', bytes: 10, records: 4, imported_at: 1000 }).execute();
    await db.destroy();

    const store = await openStore(`sqlite:${path}`);
    try {
      expect(await store.findImport('w', 'abc')).toMatchObject({ fileName: 'old.csv', records: 4 });
      const [listed] = await store.listImports('w');
      expect(listed).toMatchObject({ fileName: 'old.csv', finished: true, recordsAdded: null, messagesAdded: null });
      await expect(store.undoImport('w', listed.id)).rejects.toThrow(InputError);
      expect(await store.auditLog('w')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
