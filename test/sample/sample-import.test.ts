import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/runtime/run-import.ts';
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
    } finally {
      await store.close();
    }
  });
});
