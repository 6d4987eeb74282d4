/** Shared set-up of the hostile-input tests: temp folders, real SQLite stores, stored texts read back. */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';

export interface HostileDir {
  path: string;
  stores: Store[];
  cleanup(): Promise<void>;
}

/** A temp folder whose stores are closed and files deleted by cleanup(). */
export function hostileDir(name: string): HostileDir {
  const path = mkdtempSync(join(tmpdir(), `ecoute-hostile-${name}-`));
  const stores: Store[] = [];
  return {
    path,
    stores,
    async cleanup() {
      for (const s of stores) await s.close().catch(() => undefined);
      rmSync(path, { recursive: true, force: true });
    },
  };
}

let n = 0;
/** A fresh, migrated SQLite store in a real file. */
export async function sqliteStore(dir: HostileDir): Promise<Store> {
  const store = await openStore(`sqlite:${join(dir.path, `s${++n}.db`)}`);
  dir.stores.push(store);
  return store;
}

export function writeFile(dir: HostileDir, name: string, data: string | Uint8Array): string {
  const path = join(dir.path, name);
  writeFileSync(path, data);
  return path;
}

/** Every stored message text of a workspace. */
export async function storedTexts(store: Store, workspaceId: string): Promise<string[]> {
  return (await store.messageFacts(workspaceId)).map((f) => f.text);
}

/** What import-child.ts prints. */
export interface ChildImport {
  ok: boolean;
  error?: string;
  rows?: number;
  inserted?: number;
  rejected?: { file: string; line: number; reason: string }[];
  rejectedCount?: number;
  warningCount?: number;
  messages?: number;
  peakRssMb: number;
}

/** Imports `file` into a fresh SQLite file in a child process; returns its summary and peak RSS. */
export function importInChild(
  dir: HostileDir, file: string, opts: { url?: string; schema?: string; heapMb?: number } = {},
): Promise<ChildImport> {
  const child = fileURLToPath(new URL('./import-child.ts', import.meta.url));
  const url = opts.url ?? `sqlite:${join(dir.path, `child${++n}.db`)}`;
  // A JS heap cap makes "bounded memory" a hard check: holding the file whole would crash the child.
  const heap = opts.heapMb ? [`--max-old-space-size=${opts.heapMb}`] : [];
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...heap, '--import', 'tsx', child, url, opts.schema ?? '', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    p.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    p.on('error', reject);
    p.on('close', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(line) as ChildImport);
      } catch {
        reject(new Error(`import child exited ${code} without a result: ${err.slice(-2000)}`));
      }
    });
  });
}

/** Writes a file from generated pieces without holding it in memory. */
export function writeGenerated(dir: HostileDir, name: string, pieces: Iterable<string | Uint8Array>): string {
  const path = join(dir.path, name);
  const fd = openSync(path, 'w');
  try {
    for (const p of pieces) writeSync(fd, typeof p === 'string' ? Buffer.from(p) : p);
  } finally {
    closeSync(fd);
  }
  return path;
}
