/**
 * `ecoute customer erase ID` with the public id the dashboard, API, cases and alerts show ("c_…"); a
 * sequential number erases nothing. Real CLI process, real SQLite file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';

const bin = fileURLToPath(new URL('../../bin/ecoute.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ecoute-customer-erase-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = `sqlite:${join(dir, 'erase.db')}`;
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, DATABASE_URL: db, ECOUTE_WORKSPACE: 'w' } });

writeFileSync(join(dir, 'tickets.csv'), 'ticket_id,date,customer_id,message\nT1,2026-01-05,C1,"Mon colis est en retard, inadmissible"\nT2,2026-01-06,C2,"Merci beaucoup, parfait"\nT3,2026-01-07,C1,"Toujours rien reçu"\n');

async function withStore<T>(fn: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore(db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

describe('ecoute customer erase with a public id (real CLI, SQLite file)', () => {
  it('erases the customer named by its "c_…" id; a sequential number erases nothing', async () => {
    expect(run('ingest', 'tickets.csv').status).toBe(0);
    const id = await withStore(async (s) => (await s.messageFacts('w')).find((f) => f.customerRef === 'C1')!.customerId!);
    expect(id).toMatch(/^c_[a-z2-7]{16}$/);

    for (const n of ['1', '2']) {
      const r = run('customer', 'erase', n);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`Customer "${n}": nothing left to erase in workspace "w" (the request is logged).\n`);
    }
    expect(await withStore((s) => s.counts('w'))).toMatchObject({ conversations: 3, customers: 2 });

    const erase = run('customer', 'erase', id);
    expect(erase.status, erase.stderr).toBe(0);
    expect(erase.stdout).toBe(`Erased customer "${id}": removed 2 conversations, 2 messages, 2 analyses, 1 customer.\n`);
    expect(await withStore((s) => s.counts('w'))).toMatchObject({ conversations: 1, customers: 1 });
    expect(await withStore((s) => s.customerHistory('w', id))).toEqual([]);
    expect(run('customer', 'erase', id).stdout).toMatch(/nothing left to erase/);
  });

  it('says in its help which ids it takes', () => {
    const help = run('customer', '--help');
    expect(help.stdout + help.stderr).toMatch(/public id \("c_…"/);
  });
});
