/**
 * A PostgreSQL restart under load (the database's own, private cluster): `ecoute ingest` of a large
 * file, the server stopped for 3 s in the middle. The importer says it is waiting, retries, and
 * finishes with every row stored once, without a stack trace.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/core/errors.ts';
import { withDbRetry } from '../../src/runtime/import/retry-transient.ts';
import { isTransientDbError } from '../../src/store/transient-db-error.ts';
import { hostileDir, writeGenerated } from './helpers.ts';
import { privatePostgresOrSkip, type PrivatePostgres } from './private-postgres.ts';

const dir = hostileDir('pg-restart');
let server: PrivatePostgres | null = null;
afterAll(async () => {
  server?.stop();
  await dir.cleanup();
});

describe('PostgreSQL restart during an import', () => {
  it('the importer retries with a clear message and finishes; nothing lost, nothing twice', async (t) => {
    server = await privatePostgresOrSkip(t);
    if (!server) return;
    const N = 60_000;
    const file = writeGenerated(dir, 'load.csv', (function* () {
      yield 'id,date,customer,message\n';
      for (let i = 0; i < N; i++) yield `c${i},2026-01-0${1 + (i % 9)},cust${i % 5000},Mon colis numéro ${i} est perdu depuis une semaine\n`;
    })());
    const child = spawn(process.execPath, ['bin/ecoute.js', 'ingest', file, '--no-analyze'], {
      cwd: path.resolve(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DATABASE_URL: server.url },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // Restart once the import is writing (some conversations stored).
    const probe = new pg.Client({ connectionString: server.url });
    await probe.connect();
    for (let i = 0; i < 600; i++) {
      const n = await probe.query('select count(*)::int as n from conversations').then((r) => r.rows[0].n as number).catch(() => 0);
      if (n > 2000) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await probe.end();
    await server.restart(3000);
    const code = await exited;
    expect(code, `${out}\n${err}`).toBe(0);
    expect(err).toMatch(/the database is not answering while writing a batch of .*load\.csv .*try 2 of 6 in 1 s/);
    expect(err).not.toMatch(/\n\s+at /);
    expect(out).toMatch(/load\.csv: 60 000 rows, 60 000 new|load\.csv: 60 000 rows, \d[\d ]* new, \d[\d ]* already imported/);
    const db = new pg.Client({ connectionString: server.url });
    await db.connect();
    try {
      expect((await db.query('select count(*)::int as n from conversations')).rows[0].n).toBe(N);
      expect((await db.query('select count(*)::int as n from messages')).rows[0].n).toBe(N);
    } finally {
      await db.end();
    }
  }, 240_000);
});

describe('when the database does not come back', () => {
  it('the step fails with a StoreError saying what was being done, that writes are kept, and to run the command again', async () => {
    const waits: number[] = [];
    let calls = 0;
    const down = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const err = await withDbRetry('writing a batch of x.csv', async () => { calls++; throw down; }, {
      delaysMs: [10, 20], sleep: async (ms) => { waits.push(ms); }, onRetry: () => undefined,
    }).catch((e: unknown) => e);
    expect(calls).toBe(3);
    expect(waits).toEqual([10, 20]);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toMatch(/stopped answering while writing a batch of x\.csv \(57P01: terminating connection.*\) and was still away after 3 tries.*kept.*Run the same command again/);
  });

  it('a query error is not retried', async () => {
    let calls = 0;
    const bad = Object.assign(new Error('duplicate key value violates unique constraint "x"'), { code: '23505' });
    await expect(withDbRetry('writing', async () => { calls++; throw bad; }, { delaysMs: [1, 1] })).rejects.toBe(bad);
    expect(calls).toBe(1);
    expect(isTransientDbError(Object.assign(new Error(''), { errors: [{ code: 'ECONNREFUSED' }] }))).toBe(true);
    expect(isTransientDbError(new Error('Connection terminated unexpectedly'))).toBe(true);
  });
});
