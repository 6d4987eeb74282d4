/**
 * Runs a store suite on both dialects: SQLite (a real file in a temp dir) and PostgreSQL (the server from
 * test/setup/postgres.ts, one schema per store so test files can run in parallel). Without PostgreSQL the
 * postgres half is skipped with a visible reason, except under CI=true where it fails.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, inject, it } from 'vitest';
import type { Clock } from '../../src/core/ports.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';

export type Dialect = 'sqlite' | 'postgres';
export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

/** Where a test store lives; `url` + `schema` can be handed to a child process. */
export interface TestTarget {
  url: string;
  schema?: string;
}

export interface DialectContext {
  dialect: Dialect;
  /** A new target (fresh SQLite file / fresh PostgreSQL schema). */
  target(): TestTarget;
  /** Opens (and migrates) a store on a target; closed automatically after the suite. */
  open(target?: TestTarget, clock?: Clock): Promise<Store>;
}

export function dialectSuite(name: string, body: (ctx: DialectContext) => void): void {
  describe.each(DIALECTS)(`${name} [%s]`, (dialect) => {
    const pgUrl = inject('pgUrl');
    if (dialect === 'postgres' && !pgUrl) {
      const reason = inject('pgSkipReason') ?? 'PostgreSQL unavailable';
      if (process.env.CI === 'true') {
        it('has a PostgreSQL server (required when CI=true)', () => {
          throw new Error(`PostgreSQL tests cannot run: ${reason}. Set TEST_DATABASE_URL or install PostgreSQL 15.`);
        });
      } else {
        it.skip(`PostgreSQL tests skipped: ${reason} (set TEST_DATABASE_URL to run them)`, () => undefined);
      }
      return;
    }

    const dir = dialect === 'sqlite' ? mkdtempSync(join(tmpdir(), 'ecoute-store-')) : '';
    const schemas: string[] = [];
    const stores: Store[] = [];
    let n = 0;
    const target = (): TestTarget => {
      n += 1;
      if (dialect === 'sqlite') return { url: `sqlite:${join(dir, `store-${n}.db`)}` };
      const schema = `t_${randomBytes(6).toString('hex')}_${n}`;
      schemas.push(schema);
      return { url: pgUrl!, schema };
    };
    const open = async (t: TestTarget = target(), clock?: Clock) => {
      const store = await openStore(t.url, { schema: t.schema, clock });
      stores.push(store);
      return store;
    };

    afterAll(async () => {
      await Promise.all(stores.map((s) => s.close().catch(() => undefined)));
      if (dialect === 'sqlite') rmSync(dir, { recursive: true, force: true });
      else if (schemas.length > 0) {
        const client = new pg.Client({ connectionString: pgUrl! });
        await client.connect();
        try {
          for (const s of schemas) await client.query(`drop schema if exists "${s}" cascade`);
        } finally {
          await client.end();
        }
      }
    });

    body({ dialect, target, open });
  });
}
