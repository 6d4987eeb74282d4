/**
 * Hostile use, family "the same file twice at once": two imports of one file running concurrently
 * against one database (two stores, as two `ecoute ingest` processes would hold) both finish, and
 * every conversation is stored once. Real SQLite file and real PostgreSQL.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { runImport } from '../../src/runtime/import/run-import.ts';
import { dialectSuite } from '../store/dialects.ts';
import { hostileDir, writeFile } from './helpers.ts';

const dir = hostileDir('concurrent');
afterAll(() => dir.cleanup());

dialectSuite('concurrent imports of one file', ({ open, target, dialect }) => {
  it('both finish without a duplicate-key failure; nothing is stored twice', async () => {
    const t = target();
    const a = await open(t);
    const b = await open(t);
    const rows = ['id,date,customer,message'];
    for (let i = 0; i < 3000; i++) rows.push(`c${i},2026-01-0${1 + (i % 9)},cust${i % 400},message ${i} ${'x'.repeat(i % 50)}`);
    const file = writeFile(dir, `same-${dialect}.csv`, rows.join('\n') + '\n');
    const [ra, rb] = await Promise.all([
      runImport({ store: a, workspaceId: 'w', files: [file], batchSize: 100 }),
      runImport({ store: b, workspaceId: 'w', files: [file], batchSize: 100 }),
    ]);
    const stored = (ra.totals.inserted + rb.totals.inserted);
    expect(stored).toBe(3000);
    expect(ra.totals.rejected + rb.totals.rejected).toBe(0);
    const counts = await a.counts('w');
    expect(counts.conversations).toBe(3000);
    expect(counts.messages).toBe(3000);
    expect(counts.customers).toBe(400);
  }, 120_000);
});

/** Runs `ecoute ingest` as a real process; resolves with its exit status and output. */
function ingestProcess(file: string, databaseUrl: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/ecoute.js', 'ingest', file], {
      cwd: path.resolve(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DATABASE_URL: databaseUrl, ECOUTE_WORKERS: '1' },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('two `ecoute ingest` processes on one PostgreSQL database', () => {
  const pgUrl = inject('pgUrl');
  it.skipIf(!pgUrl)('both exit 0, every message stored once and analysed once', async () => {
    const name = `hostile_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgUrl! });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(pgUrl!);
    url.pathname = `/${name}`;
    try {
      const rows = ['id,date,customer,message'];
      for (let i = 0; i < 1500; i++) rows.push(`c${i},2026-01-0${1 + (i % 9)},cust${i % 200},Mon colis ${i} est perdu et personne ne répond`);
      const file = writeFile(dir, 'same-cli.csv', rows.join('\n') + '\n');
      const [a, b] = await Promise.all([ingestProcess(file, url.toString()), ingestProcess(file, url.toString())]);
      expect(a.code, a.out).toBe(0);
      expect(b.code, b.out).toBe(0);
      const db = new pg.Client({ connectionString: url.toString() });
      await db.connect();
      try {
        const n = async (q: string) => Number((await db.query(q)).rows[0].n);
        expect(await n('select count(*) as n from messages')).toBe(1500);
        expect(await n('select count(*) as n from conversations')).toBe(1500);
        expect(await n('select count(*) as n from analyses')).toBe(1500);
      } finally {
        await db.end();
      }
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await admin.end();
    }
  }, 180_000);
});
