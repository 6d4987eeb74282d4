import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/runtime/import/run-import.ts';
import { openStore } from '../../src/store/open-store.ts';

const SAMPLE = join(import.meta.dirname, '..', '..', 'sample');

/** The importable sample files (what `ecoute demo` reads). */
function sampleFiles(): string[] {
  return readdirSync(SAMPLE, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(csv|jsonl|vtt|txt|mbox)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

describe('bundled sample import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sample-import-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('auto-detects every file and imports it with zero rejected rows', async () => {
    const store = await openStore(`sqlite:${join(dir, 'ecoute.db')}`);
    try {
      const files = sampleFiles();
      const summary = await runImport({ store, workspaceId: 'sample-test', files, sourceName: 'sample' });
      for (const f of summary.files) {
        expect(f.rejected, `${f.file}: ${JSON.stringify(f.rejected.slice(0, 2))}`).toEqual([]);
        expect(f.inserted, `${f.file} imported nothing`).toBeGreaterThan(0);
      }
      const formatOf = (name: string) => summary.files.find((f) => f.file.endsWith(name))?.format;
      expect(formatOf('emails.mbox')).toBe('mbox');
      expect(formatOf('chats-intercom.jsonl')).toBe('jsonl');
      expect(summary.files.filter((f) => f.file.endsWith('.vtt')).every((f) => f.format === 'vtt')).toBe(true);
      expect(summary.files.filter((f) => f.file.endsWith('.txt')).every((f) => f.format === 'turns')).toBe(true);
      expect(summary.totals.skipped).toBe(0);
      // As many conversations as sample/README.md lists threads (42 of 122 messages): threads of different
      // customers with the same subject ("Parcel stuck") stay apart; a re-import of the mailbox adds nothing.
      const [, threads, messages] = /`emails\.mbox`.*\|\s*(\d+) threads, (\d+) messages/.exec(readFileSync(join(SAMPLE, 'README.md'), 'utf8')) ?? [];
      expect(Number(threads)).toBe(42);
      const mbox = summary.files.find((f) => f.file.endsWith('emails.mbox'));
      expect(mbox).toMatchObject({ rows: Number(messages), inserted: Number(threads) });
      const again = await runImport({ store, workspaceId: 'sample-test', files: files.filter((f) => f.endsWith('emails.mbox')), sourceName: 'sample' });
      expect(again.files[0]).toMatchObject({ inserted: 0, skipped: Number(threads) });
    } finally {
      await store.close();
    }
  });
});
