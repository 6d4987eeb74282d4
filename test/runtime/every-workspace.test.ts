import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startForEveryWorkspace } from '../../src/runtime/workspaces/every-workspace.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';

const until = async (cond: () => boolean, ms = 3000): Promise<void> => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('background tasks for every workspace (serve: deliveries and spike checks)', () => {
  let store: Store | null = null;
  afterEach(async () => { await store?.close(); store = null; });

  it('starts a task per workspace of the database, picks up a new one, and stops them all', async () => {
    store = await openStore(`sqlite:${join(mkdtempSync(join(tmpdir(), 'ecoute-every-')), 'e.db')}`);
    await store.ensureWorkspace('alpha');
    await store.ensureWorkspace('bravo');
    const started: string[] = [];
    const stoppedIds: string[] = [];
    const s = store;
    const stop = startForEveryWorkspace({
      list: async () => (await s.listWorkspaces()).map((w) => w.id),
      start: (ws) => { started.push(ws); return () => { stoppedIds.push(ws); }; },
      intervalMs: 20,
    });
    await until(() => started.length === 2);
    expect(started.sort()).toEqual(['alpha', 'bravo']);
    await s.ensureWorkspace('charlie');
    await until(() => started.length === 3);
    await new Promise((r) => setTimeout(r, 60));
    expect(started.filter((w) => w === 'alpha')).toHaveLength(1);
    await stop();
    expect(stoppedIds.sort()).toEqual(['alpha', 'bravo', 'charlie']);
  });

  it('reports a failed look and keeps looking', async () => {
    const errors: string[] = [];
    let calls = 0;
    const started: string[] = [];
    const stop = startForEveryWorkspace({
      list: async () => { calls++; if (calls === 1) throw new Error('database restarting'); return ['alpha']; },
      start: (ws) => { started.push(ws); return null; },
      intervalMs: 20,
      onError: (err) => errors.push((err as Error).message),
    });
    await until(() => started.length === 1);
    expect(errors).toEqual(['database restarting']);
    await stop();
  });
});
