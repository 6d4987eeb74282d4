/**
 * The reply coach's empathy verdicts over a real SQLite store with the trained model: the verdicts the
 * learn fixtures claim are the model's own, the coach runs once per data version per workspace, and
 * without a model file the lexicon takes over (and is not kept, so a model trained later is used).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoachModel } from '../../src/act/coach/coach-model.ts';
import { ModelError } from '../../src/core/errors.ts';
import { loadCoachModel } from '../../src/runtime/analysis/load-coach-model.ts';
import { coachReplyVerdicts, loadReplyEmpathy, ReplyEmpathyCache } from '../../src/runtime/act/reply-empathy-verdicts.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { EMPATHY_CASES, empathyConversations } from '../learn/reply-empathy-fixtures.ts';

let dir: string;
let store: Store;
let model: CoachModel;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ecoute-empathy-'));
  store = await openStore(`sqlite:${path.join(dir, 'test.db')}`);
  await store.migrate();
  for (const ws of ['w1', 'w2']) {
    await store.ensureWorkspace(ws, ws);
    await store.writeConversations(ws, await store.ensureSource(ws, 'fixtures', 'json'), empathyConversations('A', 'alice', new Date('2026-11-03T09:00:00Z')));
  }
  model = await loadCoachModel();
});
afterAll(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('reply-empathy verdicts', () => {
  it('gives each reply the verdict the fixtures state, and none to the outbound message', async () => {
    const facts = await store.messageFacts('w1');
    const verdicts = coachReplyVerdicts(facts, model);
    expect(verdicts.size).toBe(EMPATHY_CASES.length);
    for (const c of EMPATHY_CASES) {
      const reply = facts.find((f) => f.role === 'agent' && f.text === c.reply)!;
      expect(verdicts.get(reply.messageId), c.key).toBe(c.coach);
    }
    const outbound = facts.find((f) => f.conversationId && f.text.startsWith('Je comprends votre frustration'))!;
    expect(verdicts.has(outbound.messageId)).toBe(false);
  });

  it('runs the coach once per data version and workspace, and again after new data', async () => {
    let loads = 0;
    const cache = new ReplyEmpathyCache(store, async () => { loads++; return model; });
    const first = await cache.for('w1');
    expect(first.source).toBe('coach');
    expect(await cache.for('w1')).toBe(first);
    expect(loads).toBe(1);
    await cache.for('w2');
    expect(loads).toBe(2);
    await store.writeConversations('w1', await store.ensureSource('w1', 'more', 'json'), empathyConversations('B', 'bob', new Date('2026-11-10T09:00:00Z')));
    const next = await cache.for('w1');
    expect(loads).toBe(3);
    expect(next.verdicts!.size).toBe(2 * EMPATHY_CASES.length);
  });

  it('falls back to the lexicon without the model file, keeps no fallback, and lets other failures through', async () => {
    let present = false;
    const cache = new ReplyEmpathyCache(store, async () => {
      if (!present) throw new ModelError('The coach model models/coach.json is missing. Build it with `tsx scripts/train-coach.ts`.');
      return model;
    });
    expect(await cache.for('w2')).toEqual({ source: 'lexicon' });
    present = true;
    expect((await cache.for('w2')).source).toBe('coach');
    await expect(loadReplyEmpathy(store, 'w2', async () => { throw new Error('disk on fire'); })).rejects.toThrow('disk on fire');
  });
});
