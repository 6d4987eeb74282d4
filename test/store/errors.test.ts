import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, StoreError } from '../../src/core/errors.ts';
import { openStore } from '../../src/store/open-store.ts';

/** A loopback port with nothing listening (bound then released). */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 1;
      server.close(() => resolve(port));
    });
  });
}

describe('openStore errors', () => {
  it.each(['mysql://localhost/db', 'ecoute.db', '', 'sqlite:', 'postgres://'])('rejects the URL %j with a ConfigError', async (url) => {
    const err = await openStore(url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(/sqlite:|postgres:\/\//);
  });

  it('rejects an unsafe schema name', async () => {
    await expect(openStore('postgres://u@127.0.0.1:1/db', { schema: 'x; drop table y' })).rejects.toBeInstanceOf(ConfigError);
  });

  it('names the fix when PostgreSQL is unreachable', async () => {
    const port = await closedPort();
    const err = await openStore(`postgres://u:secret@127.0.0.1:${port}/db`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toBe(
      `Cannot connect to PostgreSQL at 127.0.0.1:${port}: ECONNREFUSED. Start the server or fix DATABASE_URL.`,
    );
  });

  it('names the fix when the SQLite directory does not exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoute-err-'));
    try {
      const err = await openStore(`sqlite:${join(dir, 'missing', 'x.db')}`).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as Error).message).toMatch(/Cannot open SQLite database .*missing.*directory exists/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens an in-memory SQLite store', async () => {
    const store = await openStore('sqlite::memory:');
    try {
      expect(store.dialect).toBe('sqlite');
      expect((await store.counts('w')).messages).toBe(0);
    } finally {
      await store.close();
    }
  });
});
