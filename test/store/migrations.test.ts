import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/db-types.ts';
import * as m001 from '../../src/store/migrations/001-initial.ts';
import { openStore } from '../../src/store/open-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'ecoute-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migrations', () => {
  it('upgrades a database made by 001: backfills search_text and indexes it for q', async () => {
    const path = join(dir, 'old.db');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(path) }) });
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => ({ '001-initial': { up: (k) => m001.up(k, 'integer') } }) },
    });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    await db.insertInto('workspaces').values({ id: 'w', name: 'w', settings: '{"language":"fr","desiredEmotions":{}}', created_at: 0 }).execute();
    await db.insertInto('sources').values({ id: 1, workspace_id: 'w', name: 's', kind: 'csv', created_at: 0 }).execute();
    await db.insertInto('conversations').values({
      id: 1, workspace_id: 'w', source_id: 1, natural_key: 'k', external_id: null, channel: 'email', brand: null, team: null,
      agent: null, customer_id: null, subject: null, started_at: 0, created_at: 0,
    }).execute();
    const texts = ['Réponse très tardive', 'Colis ÉGARÉ à Noël', 'Merci'];
    for (const [seq, text] of texts.entries()) {
      // search_text does not exist yet: insert through a raw row without it.
      await db.insertInto('messages').values({
        workspace_id: 'w', conversation_id: 1, seq, role: 'customer', author: null, sent_at: seq, language: 'fr', text,
        channel: 'email', brand: null, team: null, agent: null, customer_id: null, analysis_version: null,
      } as never).execute();
    }
    await db.destroy();

    const store = await openStore(`sqlite:${path}`);
    try {
      expect((await store.messageFacts('w', { q: 'egare' })).map((f) => f.text)).toEqual(['Colis ÉGARÉ à Noël']);
      expect((await store.messageFacts('w', { q: 'REPONSE TRES' })).map((f) => f.text)).toEqual(['Réponse très tardive']);
      expect((await store.messageFacts('w', { q: 'me' })).map((f) => f.text)).toEqual(['Merci']);
      const source = await store.ensureSource('w', 's', 'csv');
      await store.writeConversations('w', source, [{
        naturalKey: 'k2', channel: 'chat', startedAt: new Date(10), surveys: [],
        messages: [{ role: 'customer', at: new Date(10), text: 'Encore égaré' }],
      }]);
      expect((await store.messageFacts('w', { q: 'égaré' })).map((f) => f.text)).toEqual(['Colis ÉGARÉ à Noël', 'Encore égaré']);
    } finally {
      await store.close();
    }
  });
});
