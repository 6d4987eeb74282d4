/**
 * A throw-away PostgreSQL cluster of one test's own (the shared one of test/setup/postgres.ts must
 * never be restarted under the other test files): initdb, start, restart, stop, with the binaries of
 * /usr/lib/postgresql/15/bin, as the `postgres` user when running as root.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PrivatePostgres {
  url: string;
  /** Stops the server (fast: sessions are cut), waits `downMs`, starts it again. */
  restart(downMs: number): Promise<void>;
  stop(): void;
}

/** Null when PostgreSQL 15 binaries are not installed (the caller skips, as the store tests do). */
export async function startPrivatePostgres(): Promise<PrivatePostgres | null> {
  if (!existsSync(join(PG_BIN, 'initdb'))) return null;
  const port = await new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
  const dir = mkdtempSync(join(tmpdir(), 'ecoute-pg-private-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  const run = (bin: string, args: string[]) => execFileSync(asRoot ? 'runuser' : join(PG_BIN, bin), asRoot ? ['-u', 'postgres', '--', join(PG_BIN, bin), ...args] : args, { stdio: 'pipe' });
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () => run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', options, 'start']);
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--locale=C.UTF-8']);
  start();
  run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'ecoute']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/ecoute`,
    async restart(downMs) {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      await new Promise((r) => setTimeout(r, downMs));
      start();
    },
    stop() {
      try { run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']); } catch { /* already stopped */ }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A private cluster for test `t`, or null with `t` skipped where PostgreSQL 15 is not installed; under
 * CI=true it must be, and its absence fails the test.
 */
export async function privatePostgresOrSkip(t: { skip(): void }): Promise<PrivatePostgres | null> {
  const server = await startPrivatePostgres();
  if (server) return server;
  if (process.env.CI === 'true') throw new Error('PostgreSQL 15 binaries are required when CI=true');
  t.skip();
  return null;
}
