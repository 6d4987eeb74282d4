import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';

const bin = fileURLToPath(new URL('../../bin/ecoute.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ecoute-hygiene-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = `sqlite:${join(dir, 'hygiene.db')}`;
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, DATABASE_URL: db, ECOUTE_WORKSPACE: 'w' } });

const HEADER = 'ticket_id,date,customer_id,message,nps\n';
writeFileSync(join(dir, 'jan.csv'), `${HEADER}T1,2026-01-05,C1,"Mon colis est en retard, inadmissible",3\nT2,2026-01-06,C2,"Merci beaucoup, parfait",10\nT3,2020-01-07,C1,"Toujours rien reçu",2\n`);
writeFileSync(join(dir, 'feb.csv'), `${HEADER}T4,2026-02-05,C3,"Facture fausse",4\nT5,2026-02-06,C1,"Je vais résilier",0\n`);

async function counts() {
  const store = await openStore(db);
  try {
    return await store.counts('w');
  } finally {
    await store.close();
  }
}

describe('data hygiene commands (real CLI, SQLite file)', () => {
  it('import list shows each import, import undo removes what it added, an unknown id names the fix', async () => {
    expect(run('ingest', 'jan.csv').status).toBe(0);
    const before = await counts();
    expect(run('ingest', 'feb.csv').status).toBe(0);
    const list = run('import', 'list');
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/^\s+1\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+jan\.csv\s+jan\.csv\s+[0-9a-f]{12}\s+3 records\s+\+3 records\s+\+3 messages$/m);
    expect(list.stdout).toMatch(/^\s+2\s.*feb\.csv.*\+2 records\s+\+2 messages$/m);

    const undo = run('import', 'undo', '2');
    expect(undo.status).toBe(0);
    expect(undo.stdout).toBe('Undid import 2 (feb.csv, source feb.csv): removed 2 conversations, 2 messages, 2 analyses, 2 survey answers, 1 customer.\n');
    expect(await counts()).toEqual(before);
    expect(run('import', 'list').stdout).not.toContain('feb.csv');

    const unknown = run('import', 'undo', '2');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/Import "2" was not found.*ecoute import list/);
    expect(run('import', 'undo').status).toBe(2);
    // Undone, the file can be imported again.
    expect(run('ingest', 'feb.csv').stdout).toMatch(/2 new/);
  });

  it('customer erase removes the customer and says what; erasing again says nothing was left', async () => {
    const erase = run('customer', 'erase', 'C1');
    expect(erase.status).toBe(0);
    expect(erase.stdout).toBe('Erased customer "C1": removed 3 conversations, 3 messages, 3 analyses, 3 survey answers, 1 customer.\n');
    expect(await counts()).toMatchObject({ conversations: 2, customers: 2 });
    const again = run('customer', 'erase', 'C1');
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/nothing left to erase/);
    const store = await openStore(db);
    try {
      expect((await store.auditLog('w')).map((a) => a.action)).toEqual(['customer.erase', 'customer.erase', 'import.undo']);
    } finally {
      await store.close();
    }
  });

  it('retention apply follows workspace --retention-months; --dry-run deletes nothing', async () => {
    expect(run('retention', 'apply').stdout).toMatch(/keeps everything.*--retention-months/);
    writeFileSync(join(dir, 'old.csv'), `${HEADER}T9,2019-03-01,C9,"Très vieux message",5\n`);
    expect(run('ingest', 'old.csv').status).toBe(0);
    expect(run('workspace', '--retention-months', 'six').status).toBe(2);
    expect(JSON.parse(run('workspace', '--retention-months', '24').stdout).settings.retentionMonths).toBe(24);
    const dry = run('retention', 'apply', '--dry-run');
    expect(dry.stdout).toMatch(/^Dry run, nothing deleted: would remove 1 conversation, 1 message, 1 analysis, 1 survey answer, 1 customer/);
    expect((await counts()).conversations).toBe(3);
    const applied = run('retention', 'apply');
    expect(applied.status).toBe(0);
    expect(applied.stdout).toMatch(/^Retention applied: removed 1 conversation, .*older than 24 months/);
    expect(await counts()).toMatchObject({ conversations: 2, customers: 2 });
    expect(run('retention', 'apply').stdout).toMatch(/removed nothing/);
  });
});
