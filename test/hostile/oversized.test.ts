/**
 * Hostile input, family "oversized": a 100 MB single field (CSV unquoted and quoted, JSONL, JSON
 * array), a million columns, one record nested 100 000 deep. Each import runs in a child process
 * (real file, real SQLite) whose peak RSS is measured: memory stays bounded, the bad record gets an
 * error naming its line, the limit and the fix, and every other record is kept.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { hostileDir, importInChild, writeGenerated } from './helpers.ts';

const dir = hostileDir('oversized');
afterAll(() => dir.cleanup());

const MB = 1024 * 1024;
/** Peak RSS allowed for a child importing a file with one 100 MB field (node + tsx + SQLite ≈ 150 MB alone). */
const RSS_BOUND_MB = 400;

function* hundredMb(ch = 'x'): Generator<string> {
  const block = ch.repeat(MB);
  for (let i = 0; i < 100; i++) yield block;
}

/** Figures printed for the report (peak RSS per case). */
const figures: string[] = [];
afterAll(() => console.log(`hostile oversized, peak RSS:\n${figures.join('\n')}`));

describe('a 100 MB single field', () => {
  it('CSV, unquoted: that row rejected with the limit and the fix, the rows around it kept, memory bounded', async () => {
    const file = writeGenerated(dir, 'big-field.csv', (function* () {
      yield 'id,date,message\na,2026-01-02,before\n';
      yield 'b,2026-01-02,';
      yield* hundredMb();
      yield '\nc,2026-01-02,after\n';
    })());
    const r = await importInChild(dir, file);
    figures.push(`csv unquoted 100 MB field: ${r.peakRssMb} MB`);
    expect(r).toMatchObject({ ok: true, inserted: 2, messages: 2, rejectedCount: 1 });
    expect(r.rejected![0]).toMatchObject({ line: 3, reason: expect.stringMatching(/longer than 1000000 characters.*(split|shorten)/) });
    expect(r.peakRssMb).toBeLessThan(RSS_BOUND_MB);
  });

  it('CSV, quoted: same', async () => {
    const file = writeGenerated(dir, 'big-quoted.csv', (function* () {
      yield 'id,date,message\na,2026-01-02,before\n';
      yield 'b,2026-01-02,"';
      yield* hundredMb();
      yield '"\nc,2026-01-02,after\n';
    })());
    const r = await importInChild(dir, file);
    figures.push(`csv quoted 100 MB field: ${r.peakRssMb} MB`);
    expect(r).toMatchObject({ ok: true, inserted: 2, messages: 2, rejectedCount: 1 });
    expect(r.rejected![0]).toMatchObject({ line: 3, reason: expect.stringMatching(/longer than 1000000 characters/) });
    expect(r.peakRssMb).toBeLessThan(RSS_BOUND_MB);
  });

  it('JSONL: that line rejected with the limit, the others kept', async () => {
    const file = writeGenerated(dir, 'big.jsonl', (function* () {
      yield '{"id":"a","text":"before"}\n{"id":"b","text":"';
      yield* hundredMb();
      yield '"}\n{"id":"c","text":"after"}\n';
    })());
    const r = await importInChild(dir, file);
    figures.push(`jsonl 100 MB field: ${r.peakRssMb} MB`);
    expect(r).toMatchObject({ ok: true, inserted: 2, messages: 2, rejectedCount: 1 });
    expect(r.rejected![0]).toMatchObject({ line: 2, reason: expect.stringMatching(/larger than \d[\d ,]* characters/) });
    expect(r.peakRssMb).toBeLessThan(RSS_BOUND_MB);
  });

  it('JSON array: that element rejected with the limit, the others kept', async () => {
    const file = writeGenerated(dir, 'big.json', (function* () {
      yield '[{"id":"a","text":"before"},\n{"id":"b","text":"';
      yield* hundredMb();
      yield '"},\n{"id":"c","text":"after"}]\n';
    })());
    const r = await importInChild(dir, file);
    figures.push(`json array 100 MB field: ${r.peakRssMb} MB`);
    expect(r).toMatchObject({ ok: true, inserted: 2, messages: 2, rejectedCount: 1 });
    expect(r.rejected![0]).toMatchObject({ line: 2, reason: expect.stringMatching(/larger than \d[\d ,]* characters/) });
    expect(r.peakRssMb).toBeLessThan(RSS_BOUND_MB);
  });
});

describe('a million columns', () => {
  it('in the header: the file is refused with the limit and the fix, nothing half-read', async () => {
    const file = writeGenerated(dir, 'wide-header.csv', (function* () {
      yield 'id,date,message';
      for (let i = 0; i < 1000; i++) yield Array.from({ length: 1000 }, (_, j) => `,c${i * 1000 + j}`).join('');
      yield '\na,2026-01-02,hello\n';
    })());
    const r = await importInChild(dir, file);
    figures.push(`csv header of 1,000,000 columns: ${r.peakRssMb} MB`);
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/wide-header\.csv.*header.*(columns|characters).*limit/i);
    expect(r.peakRssMb).toBeLessThan(RSS_BOUND_MB);
  });

  it('in one row: that row rejected, the others kept', async () => {
    const file = writeGenerated(dir, 'wide-row.csv', (function* () {
      yield 'id,date,message\na,2026-01-02,before\nb,2026-01-02,x';
      const block = ',1'.repeat(100_000);
      for (let i = 0; i < 10; i++) yield block;
      yield '\nc,2026-01-02,after\n';
    })());
    const r = await importInChild(dir, file);
    figures.push(`csv row of 1,000,000 columns: ${r.peakRssMb} MB`);
    expect(r).toMatchObject({ ok: true, inserted: 2, messages: 2, rejectedCount: 1 });
    expect(r.rejected![0]).toMatchObject({ line: 3 });
    expect(r.peakRssMb).toBeLessThan(RSS_BOUND_MB);
  });
});

describe('deeply nested JSON', () => {
  const deep = (n: number): string => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

  it('JSONL: one record nested 100 000 deep fails that record only, with its line named', async () => {
    const file = writeGenerated(dir, 'deep.jsonl', [
      '{"id":"a","text":"before"}\n',
      `{"id":"b","text":"deep","meta":${deep(100_000)}}\n`,
      '{"id":"c","text":"after"}\n',
    ]);
    const r = await importInChild(dir, file);
    expect(r).toMatchObject({ ok: true, inserted: 2, messages: 2, rejectedCount: 1 });
    expect(r.rejected![0]).toMatchObject({ line: 2, reason: expect.stringMatching(/nested.*deeper than \d+/) });
  });

  it('JSON array: same', async () => {
    const file = writeGenerated(dir, 'deep.json', [
      '[{"id":"a","text":"before"},\n',
      `{"id":"b","text":"deep","meta":${deep(100_000)}},\n`,
      '{"id":"c","text":"after"}]\n',
    ]);
    const r = await importInChild(dir, file);
    expect(r).toMatchObject({ ok: true, inserted: 2, messages: 2, rejectedCount: 1 });
    expect(r.rejected![0]).toMatchObject({ line: 2, reason: expect.stringMatching(/nested.*deeper than \d+/) });
  });
});
