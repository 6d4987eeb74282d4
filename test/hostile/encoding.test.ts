/**
 * Hostile input, family "malformed text": invalid UTF-8, Windows-1252, UTF-16 LE/BE with and without
 * BOM, truncated UTF-16. Each file goes through the real import (real file, real SQLite) and the
 * stored text is read back.
 */
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/runtime/import/run-import.ts';
import { detectEncoding } from '../../src/ingest/encoding.ts';
import { hostileDir, sqliteStore, storedTexts, writeFile } from './helpers.ts';

const dir = hostileDir('encoding');
afterAll(() => dir.cleanup());

const ACCENTED = (i: number): string => `Très déçu n°${i}, ça coûte 20 € — « inadmissible »`;

/** A CSV of `rows` accented messages. */
function csvText(rows: number): string {
  const lines = ['id,date,message'];
  for (let i = 1; i <= rows; i++) lines.push(`c${i},2026-01-02,"${ACCENTED(i)}"`);
  return lines.join('\n') + '\n';
}

async function importBytes(name: string, bytes: Uint8Array) {
  const store = await sqliteStore(dir);
  const file = writeFile(dir, name, bytes);
  const summary = await runImport({ store, workspaceId: 'w', files: [file] });
  return { summary: summary.files[0], texts: await storedTexts(store, 'w') };
}

describe('invalid UTF-8 (one bad byte in the first 64 KB)', () => {
  it('decodes per line: only the bad line is read otherwise, it is named in a warning, every other accent is intact', async () => {
    const text = csvText(300);
    const bytes = Buffer.from(text, 'utf8');
    // Line 6 (record c5): one byte 0xFF (never valid in UTF-8) inside the message.
    const at = bytes.indexOf(Buffer.from('n°5,'));
    const bad = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)]);
    expect(detectEncoding(bad.subarray(0, 64 * 1024))).toBe('utf-8');
    const { summary, texts } = await importBytes('one-bad-byte.csv', bad);
    expect(summary.inserted).toBe(300);
    expect(summary.schema?.encoding).toBe('utf-8');
    const intact = texts.filter((t) => /^Très déçu n°\d+, ça coûte 20 € — « inadmissible »$/.test(t));
    expect(intact).toHaveLength(299);
    expect(summary.warningCount).toBe(1);
    expect(summary.warnings[0]).toMatchObject({ line: 6, reason: expect.stringMatching(/not valid UTF-8.*Windows-1252/) });
  });

  it('a genuine Windows-1252 file still imports right, without warnings', async () => {
    const { summary, texts } = await importBytes('excel.csv', iconv.encode(csvText(50), 'win1252'));
    expect(summary.schema?.encoding).toBe('windows-1252');
    expect(texts.sort()).toEqual(Array.from({ length: 50 }, (_, i) => ACCENTED(i + 1)).sort());
    expect(summary.warningCount).toBe(0);
  });

  it('a Windows-1252 file whose first accent lies beyond 64 KB still reads as Windows-1252, silently', async () => {
    const lines = ['id,date,message'];
    for (let i = 0; i < 2000; i++) lines.push(`a${i},2026-01-02,plain ascii message number ${i}`);
    lines.push(`late,2026-01-02,"${ACCENTED(1)}"`);
    const { summary, texts } = await importBytes('late.csv', iconv.encode(lines.join('\n') + '\n', 'win1252'));
    expect(texts).toContain(ACCENTED(1));
    expect(summary.warningCount).toBe(0);
  });
});

describe('UTF-16', () => {
  const text = csvText(20);
  const expected = Array.from({ length: 20 }, (_, i) => ACCENTED(i + 1)).sort();
  const le = iconv.encode(text, 'utf-16le');
  const be = iconv.encode(text, 'utf-16be');
  const cases: [string, Buffer][] = [
    ['LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), le])],
    ['LE without BOM', le],
    ['BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), be])],
    ['BE without BOM', be],
  ];
  for (const [label, bytes] of cases) {
    it(`reads UTF-16 ${label}`, async () => {
      const { summary, texts } = await importBytes(`u16-${label.replace(/ /g, '-')}.csv`, bytes);
      expect(summary.rejectedCount).toBe(0);
      expect(texts.sort()).toEqual(expected);
    });
  }

  it('a truncated UTF-16 file (odd byte count) keeps every whole record and warns that the file is cut', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
    const { summary, texts } = await importBytes('u16-truncated.csv', bytes.subarray(0, bytes.length - 1));
    expect(texts.length).toBeGreaterThanOrEqual(19);
    expect(texts.slice(0, 19).every((t) => !t.includes('\ufffd'))).toBe(true);
    expect(summary.warnings.map((w) => w.reason).join('\n')).toMatch(/middle of a UTF-16LE character/);
  });
});
