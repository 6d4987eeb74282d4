import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EcouteError } from '../../src/core/errors.ts';
import type { FactFilter } from '../../src/core/facts.ts';
import { listeningOffThread } from '../../src/runtime/listening/listening-workers.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { conversations } from '../store/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'ecoute-listening-'));
const url = `sqlite:${join(dir, 'listening.db')}`;
let store: Store;
let listening: { store: Store; close(): Promise<void> };

beforeAll(async () => {
  store = await openStore(url);
  const source = await store.ensureSource('w', 'csv', 'csv');
  await store.writeConversations('w', source, conversations(0, 40));
  listening = listeningOffThread(store, url);
});

afterAll(async () => {
  await listening.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('listening-station queries in worker threads', () => {
  it('answers every page exactly as the store itself does, cursors and searches included', async () => {
    expect(listening.store).not.toBe(store);
    const filters: FactFilter[] = [{}, { customerOnly: true }, { q: 'INADMISSIBLE' }, { q: 'réponse 3' }, { q: 'n°' }, { q: 'zq' }, { channel: 'chat', q: 'retard' }];
    for (const filter of filters) {
      const first = await listening.store.listMessages('w', filter, 7);
      expect(first, JSON.stringify(filter)).toEqual(await store.listMessages('w', filter, 7));
      if (first.next) expect(await listening.store.listMessages('w', filter, 7, first.next)).toEqual(await store.listMessages('w', filter, 7, first.next));
    }
    // Concurrent requests are spread over the workers and each gets its own answer (4–9: one match each).
    const many = await Promise.all(Array.from({ length: 6 }, (_, k) => listening.store.listMessages('w', { q: `réponse ${k + 4}` }, 5)));
    many.forEach((page, k) => expect(page.items.map((m) => m.text)).toEqual([`Merci pour la réponse ${k + 4}`]));
  });

  it('passes the store\'s named errors back with their code, status and fix', async () => {
    const err = await listening.store.listMessages('w', {}, 5, 'not-a-cursor').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EcouteError);
    expect(err).toMatchObject({ code: 'usage', status: 400 });
    expect((err as Error).message).toMatch(/Cursor "not-a-cursor" is invalid\. Pass the "next" value/);
  });

  it('leaves every other method, and stores a worker cannot share, to the store itself', async () => {
    expect(await listening.store.counts('w')).toEqual(await store.counts('w'));
    const memory = await openStore('sqlite::memory:');
    try {
      const kept = listeningOffThread(memory, 'sqlite::memory:');
      expect(kept.store).toBe(memory);
      await kept.close();
    } finally {
      await memory.close();
    }
  });

  it('refuses requests once closed, saying why', async () => {
    const other = listeningOffThread(store, url, 1);
    expect((await other.store.listMessages('w', {}, 3)).items).toHaveLength(3);
    await other.close();
    await expect(other.store.listMessages('w', {}, 3)).rejects.toMatchObject({ status: 503, message: expect.stringMatching(/server is stopping/) });
  });
});
