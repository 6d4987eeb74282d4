/**
 * Runs import-writer.ts as a second process for the benchmarks that measure the server during an import
 * (dashboard-during-import.ts, api-load.ts), and undoes its import afterwards so the cached benchmark
 * database is left as it was.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Store } from '../../src/store/store.ts';

/** A running import: batches written so far, and how to stop it. */
export interface RunningImport {
  batches(): number;
  /** Stops the writer and undoes everything it imported (through `store`). */
  stop(store: Store): Promise<void>;
}

/** Starts the writer on `dbFile` and resolves once its first batch is committed. */
export async function startImportWriter(dbFile: string, workspaceId: string): Promise<RunningImport> {
  const writer = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/import-writer.ts', '--db', dbFile, '--ws', workspaceId], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: writer.stdout! });
  let importId: string | null = null;
  let batches = 0;
  const exited = new Promise((r) => writer.once('exit', r));
  await new Promise<void>((resolve, reject) => {
    writer.once('exit', (code) => reject(new Error(`import-writer exited (${code}) before its first batch`)));
    lines.on('line', (line) => {
      if (line.startsWith('import ')) importId = line.slice(7);
      if (line.startsWith('batch ')) { batches++; resolve(); }
    });
  });
  return {
    batches: () => batches,
    async stop(store) {
      if (writer.exitCode === null) writer.kill('SIGTERM');
      await exited;
      if (importId) await store.undoImport(workspaceId, importId, 'bench');
    },
  };
}
