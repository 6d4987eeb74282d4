/**
 * Vitest globalSetup: provides a PostgreSQL URL to the store tests as `inject('pgUrl')`.
 * 1. TEST_DATABASE_URL, when set, is used as is.
 * 2. Otherwise, if PostgreSQL 15 binaries are installed, a throw-away cluster is initdb'ed in a temp
 *    directory (as the `postgres` user when running as root), started on a free loopback port with its
 *    unix socket in that directory, and stopped and deleted at teardown.
 * 3. Otherwise `pgUrl` is null and `pgSkipReason` says why; test/store/dialects.ts skips PostgreSQL
 *    tests with that reason, or fails them when CI=true.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | null;
    pgSkipReason: string | null;
  }
}

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** uid/gid of the `postgres` user, needed because initdb refuses to run as root. */
function postgresUser(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('pgUrl', process.env.TEST_DATABASE_URL);
    project.provide('pgSkipReason', null);
    return undefined;
  }
  if (!existsSync(join(PG_BIN, 'initdb'))) {
    project.provide('pgUrl', null);
    project.provide('pgSkipReason', `no TEST_DATABASE_URL and no PostgreSQL binaries in ${PG_BIN}`);
    return undefined;
  }

  const dir = mkdtempSync(join(tmpdir(), 'ecoute-pg-'));
  const data = join(dir, 'data');
  const isRoot = process.getuid?.() === 0;
  const user = isRoot ? postgresUser() : null;
  if (isRoot && !user) {
    rmSync(dir, { recursive: true, force: true });
    project.provide('pgUrl', null);
    project.provide('pgSkipReason', 'running as root and there is no "postgres" user to run initdb as');
    return undefined;
  }
  if (user) chownSync(dir, user.uid, user.gid);
  const run = (bin: string, args: string[]) =>
    execFileSync(user ? 'runuser' : join(PG_BIN, bin), user ? ['-u', 'postgres', '--', join(PG_BIN, bin), ...args] : args, {
      stdio: 'pipe',
      encoding: 'utf8',
    });

  const port = await freePort();
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--locale=C.UTF-8']);
    run('pg_ctl', [
      '-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60',
      '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
      'start',
    ]);
    run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'ecoute_test']);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    try { run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']); } catch { /* was not started */ }
    rmSync(dir, { recursive: true, force: true });
    project.provide('pgUrl', null);
    project.provide('pgSkipReason', `could not start a temporary PostgreSQL cluster: ${detail}`);
    return undefined;
  }

  project.provide('pgUrl', `postgres://postgres@127.0.0.1:${port}/ecoute_test`);
  project.provide('pgSkipReason', null);
  return () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
