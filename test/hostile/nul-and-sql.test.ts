/**
 * Hostile input, family "characters databases choke on": NUL bytes in fields (PostgreSQL refuses
 * U+0000 in text) and SQL-looking text, imported through the real importer on SQLite and PostgreSQL.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runImport } from '../../src/runtime/import/run-import.ts';
import { dialectSuite } from '../store/dialects.ts';

const dir = mkdtempSync(join(tmpdir(), 'ecoute-hostile-nul-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SQLISH = [
  "Robert'); DROP TABLE messages;--",
  "' OR '1'='1",
  '1; DELETE FROM conversations WHERE 1=1; --',
  "SELECT * FROM users WHERE name = '' UNION SELECT password FROM accounts --",
];

dialectSuite('hostile text', ({ open, dialect }) => {
  it('a NUL byte in a CSV field: the row is stored without it, a warning counted, the rest of the file imported; same on both stores', async () => {
    const store = await open();
    const rows = ['id,date,message'];
    for (let i = 1; i <= 40; i++) rows.push(`c${i},2026-01-02,message ${i}${i === 10 ? ' avec\u0000un NUL' : ''}`);
    const file = join(dir, `nul-${dialect}.csv`);
    writeFileSync(file, rows.join('\n') + '\n');
    const s = (await runImport({ store, workspaceId: 'w', files: [file], batchSize: 7 })).files[0];
    expect(s).toMatchObject({ inserted: 40, rejectedCount: 0, warningCount: 1 });
    expect(s.warnings[0].reason).toMatch(/NUL character.*removed/);
    const texts = (await store.messageFacts('w')).map((f) => f.text);
    expect(texts).toHaveLength(40);
    expect(texts).toContain('message 10 avecun NUL');
    expect(texts.some((t) => t.includes('\u0000'))).toBe(false);
  });

  it('a \\u0000 escape in a JSONL record (text, customer, subject) is removed the same way', async () => {
    const store = await open();
    const file = join(dir, `nul-${dialect}.jsonl`);
    writeFileSync(file, [
      JSON.stringify({ id: 'j1', text: 'bonjour\u0000', customer_id: 'cu\u0000st-1', subject: 'a\u0000b' }),
      JSON.stringify({ id: 'j2', text: 'deuxième' }),
    ].join('\n') + '\n');
    const s = (await runImport({ store, workspaceId: 'w', files: [file] })).files[0];
    expect(s).toMatchObject({ inserted: 2, rejectedCount: 0, warningCount: 1 });
    const facts = await store.messageFacts('w');
    expect(facts.map((f) => f.text).sort()).toEqual(['bonjour', 'deuxième']);
    expect(facts.find((f) => f.text === 'bonjour')?.customerRef).toBe('cust-1');
  });

  it('SQL-looking text is stored verbatim (and the tables are still there)', async () => {
    const store = await open();
    const file = join(dir, `sql-${dialect}.jsonl`);
    writeFileSync(file, SQLISH.map((text, i) => JSON.stringify({ id: `s${i}`, text, customer_id: text, agent: text })).join('\n') + '\n');
    const s = (await runImport({ store, workspaceId: 'w', files: [file] })).files[0];
    expect(s).toMatchObject({ inserted: SQLISH.length, rejectedCount: 0 });
    const facts = await store.messageFacts('w');
    expect(facts.map((f) => f.text).sort()).toEqual([...SQLISH].sort());
    expect(facts.map((f) => f.customerRef).sort()).toEqual([...SQLISH].sort());
    expect((await store.counts('w')).messages).toBe(SQLISH.length);
  });
});
