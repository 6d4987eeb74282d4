import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../src/core/errors.ts';
import { Readable, Writable } from 'node:stream';
import { ingestCommand } from '../../src/cli/commands/ingest.ts';
import { parseConfig } from '../../src/core/config.ts';
import { main } from '../../src/main.ts';
import { runImport, type ImportProgress } from '../../src/runtime/import/run-import.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { captureOutput, fixedClock } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'ecoute-run-import-'));
const stores: Store[] = [];
afterAll(async () => {
  for (const s of stores) await s.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
async function freshStore(): Promise<{ store: Store; url: string }> {
  const url = `sqlite:${join(dir, `s${++n}.db`)}`;
  const store = await openStore(url);
  stores.push(store);
  return { store, url };
}

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('runImport (real SQLite file)', () => {
  it('keeps threads whole across batch boundaries and reports progress', async () => {
    const { store } = await freshStore();
    const rows = ['conversation id,created at,author type,body'];
    for (let c = 1; c <= 7; c++) for (let m = 0; m < 3; m++) rows.push(`c${c},2024-01-0${c} 10:0${m},${m === 1 ? 'agent' : 'customer'},msg ${c}.${m}`);
    const file = write('threads.csv', rows.join('\n') + '\n');
    const progress: ImportProgress[] = [];
    const summary = await runImport({ store, workspaceId: 'w1', files: [file], batchSize: 2, clock: fixedClock, onProgress: (p) => progress.push(p) });
    expect(summary.files[0]).toMatchObject({ rows: 21, inserted: 7, skipped: 0, rejected: [] });
    const facts = await store.messageFacts('w1');
    expect(facts).toHaveLength(21);
    const perConversation = new Map<string, number>();
    for (const f of facts) perConversation.set(f.conversationId, (perConversation.get(f.conversationId) ?? 0) + 1);
    expect([...perConversation.values()]).toEqual([3, 3, 3, 3, 3, 3, 3]);
    expect(progress.at(-1)).toMatchObject({ file, rows: 21 });
    expect(progress.at(-1)!.bytes).toBe(progress.at(-1)!.totalBytes);
  });

  it('groups non-adjacent thread rows of a small file; beyond the window the late row is rejected, not lost silently', async () => {
    const { store } = await freshStore();
    const csv = 'id,date,message\na,2024-01-01,un\nb,2024-01-01,deux\nc,2024-01-01,trois\na,2024-01-02,quatre\n';
    const file = write('scattered.csv', csv);
    const small = await runImport({ store, workspaceId: 'w', files: [file], clock: fixedClock });
    expect(small.files[0]).toMatchObject({ inserted: 3, rejected: [] });
    const { store: s2 } = await freshStore();
    const tight = await runImport({ store: s2, workspaceId: 'w', files: [file], clock: fixedClock, windowRows: 1 });
    expect(tight.files[0].rejected).toEqual([expect.objectContaining({ line: 5, reason: expect.stringMatching(/conversation "a".*sort the file by conversation id/) })]);
  });

  it('re-import adds nothing; employee files go to employee answers', async () => {
    const { store } = await freshStore();
    const ex = write('enps.csv', 'team,period,enps,engagement_sens\nSAV,2026-Q3,9,4\nSAV,2026-Q3,3,2\n');
    const a = await runImport({ store, workspaceId: 'w', files: [ex], clock: fixedClock });
    const b = await runImport({ store, workspaceId: 'w', files: [ex], clock: fixedClock });
    expect(a.totals).toMatchObject({ inserted: 2, skipped: 0 });
    expect(b.totals).toMatchObject({ inserted: 0, skipped: 2 });
    expect(await store.employeeFacts('w')).toHaveLength(2);
  });

  it('checks every file before writing anything: missing, empty, binary', async () => {
    const { store } = await freshStore();
    const good = write('ok.csv', 'message\nbonjour\n');
    await expect(runImport({ store, workspaceId: 'w', files: [good, join(dir, 'absent.csv')] })).rejects.toThrow(/absent\.csv/);
    await expect(runImport({ store, workspaceId: 'w', files: [good, write('empty.csv', '')] })).rejects.toThrow(/empty\.csv is empty/);
    await expect(runImport({ store, workspaceId: 'w', files: [write('bin.csv', '\u0000\u0001\u0002PK')] })).rejects.toBeInstanceOf(InputError);
    expect((await store.counts('w')).conversations).toBe(0);
  });

  it('rejects a bad --channel and a bad mapping before reading', async () => {
    const { store } = await freshStore();
    const good = write('ok2.csv', 'message\nbonjour\n');
    await expect(runImport({ store, workspaceId: 'w', files: [good], channel: 'pigeon' })).rejects.toThrow(UsageError);
    await expect(runImport({ store, workspaceId: 'w', files: [good], mapping: { columns: { verbatim: 'x' } } })).rejects.toThrow(/unknown column key "verbatim"/);
  });
});

describe('ecoute ingest exit statuses (through main)', () => {
  it('0 when all imported (and on a no-op re-import), 1 for a missing file, 2 for usage errors', async () => {
    const { url } = await freshStore();
    const env = { DATABASE_URL: url };
    const file = write('clean.csv', 'id;message;note\n1;Très bien;9\n2;Nul;2\n');
    await captureOutput(async (seen) => {
      expect(await main(['ingest', file, '--no-analyze'], env)).toBe(0);
      expect(await main(['ingest', file, '--no-analyze'], env)).toBe(0);
      expect(seen()).toContain('clean.csv: 2 rows, 0 new, 2 already imported, 0 rejected (nothing new: already imported)');
      expect(await main(['ingest', join(dir, 'missing.csv')], env)).toBe(1);
      expect(seen()).toMatch(/missing\.csv/);
      expect(await main(['ingest'], env)).toBe(2);
      expect(await main(['ingest', file, '--bogus'], env)).toBe(2);
      const badMap = write('map.json', '{"columns": {"txt": "Message"}}');
      expect(await main(['ingest', file, '--map', badMap], env)).toBe(1);
      expect(seen()).toMatch(/unknown column key "txt".*Valid keys/);
    });
  });
});

describe('ecoute ingest output', () => {
  it('draws a progress bar with carriage returns on a TTY and prints each rejected row as file:line: reason', async () => {
    const { url } = await freshStore();
    const rows = ['id;message;note'];
    for (let i = 0; i < 3000; i++) rows.push(`${i};texte ${i};${i % 11}`);
    rows.push('x;mauvaise note;12');
    const file = write('tty.csv', rows.join('\n') + '\n');
    let err = '';
    let out = '';
    const sink = (f: (s: string) => void) => new Writable({ write(c, _e, cb) { f(String(c)); cb(); } });
    const code = await ingestCommand.run([file, '--no-analyze'], {
      config: parseConfig({}),
      stdin: Readable.from([]),
      stdout: sink((s) => (out += s)),
      stderr: sink((s) => (err += s)),
      isTTY: true,
      clock: fixedClock,
      openStore: () => openStore(url),
      loadModel: () => Promise.reject(new Error('not needed')),
    });
    expect(code).toBe(3);
    expect(err).toMatch(/\rtty\.csv|\r\S*tty\.csv \[#*\.*\] \d+%/);
    expect(err).toContain(`${file}:3002: column "note": nps score 12 is outside 0–10`);
    expect(out).toContain(`${file}: 3 001 rows, 3 000 new, 0 already imported, 1 rejected`);
  });

  it('lists the first 1,000 rejected rows of a badly broken file, counts the rest, and keeps every good row', async () => {
    const { url } = await freshStore();
    const rows = ['id;message;note'];
    for (let i = 0; i < 1200; i++) rows.push(`b${i};score hors échelle;${11 + (i % 5)}`);
    rows.push('g1;Très bien;9', 'g2;Bof;5');
    const file = write('broken.csv', rows.join('\n') + '\n');
    let err = '';
    let out = '';
    const sink = (f: (s: string) => void) => new Writable({ write(c, _e, cb) { f(String(c)); cb(); } });
    const code = await ingestCommand.run([file, '--no-analyze'], {
      config: parseConfig({}), stdin: Readable.from([]), stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)),
      isTTY: false, clock: fixedClock, openStore: () => openStore(url), loadModel: () => Promise.reject(new Error('not needed')),
    });
    expect(code).toBe(3);
    expect(out).toContain(`${file}: 1 202 rows, 2 new, 0 already imported, 1 200 rejected`);
    expect(err.split('\n').filter((l) => l.startsWith(`${file}:`) && /:\d+: /.test(l))).toHaveLength(1000);
    expect(err).toContain(`${file}: … and 200 more rejected rows (the first 1 000 are listed)`);
    const store = await openStore(url);
    try {
      expect((await store.counts('default')).conversations).toBe(2);
    } finally {
      await store.close();
    }
  });
});
