/**
 * The coach over stored history, on both stores, with the shipped coach model: the fixture's agent
 * sends the same "Nous regardons tout de suite." to every customer, which the coach must find canned.
 */
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, expect, it } from 'vitest';
import type { CoachModel } from '../../src/act/coach/coach-model.ts';
import { empathyCommand } from '../../src/cli/commands/empathy.ts';
import type { CommandContext } from '../../src/cli/command.ts';
import { parseConfig } from '../../src/core/config.ts';
import { ModelError } from '../../src/core/errors.ts';
import { loadReplyHistory } from '../../src/runtime/act/reply-history.ts';
import { loadCoachModel } from '../../src/runtime/analysis/load-coach-model.ts';
import { createApp } from '../../src/server/create-app.ts';
import { openStore } from '../../src/store/open-store.ts';
import { dialectSuite } from '../store/dialects.ts';
import { conversations, T0 } from '../store/fixtures.ts';

const WEB = path.resolve(import.meta.dirname, '../../web');
let model: CoachModel;
beforeAll(async () => { model = await loadCoachModel(); });

dialectSuite('reply empathy over history', ({ open, target }) => {
  it('coaches every stored agent reply, finds the template canned, and answers the API and the CLI', async () => {
    const t = target();
    const store = await open(t);
    const source = await store.ensureSource('w', 'csv', 'csv');
    await store.writeConversations('w', source, conversations(0, 8));
    const h = await loadReplyHistory(store, 'w', model);
    // One agent reply per conversation, each after the customer's first message.
    expect(h.replies).toBe(8);
    expect(h.overall).toMatchObject({ replies: 8, cannedRate: 1 });
    expect(h.byAgent.map((g) => [g.key, g.replies, g.enough])).toEqual([['Alice', 8, true]]);
    expect(h.byTeam.map((g) => g.key).sort()).toEqual(['Lyon', 'Paris']);
    // NPS answers follow the replies in every other conversation: 4 pairs, too few for an interval.
    expect(h.nextScore.conversations).toBe(4);
    expect(h.nextScore.ci).toBeNull();
    // A period with nothing in it.
    expect((await loadReplyHistory(store, 'w', model, { to: new Date(T0 - 1) })).replies).toBe(0);

    const app = createApp({ store, workspaceId: 'w', clock: () => new Date(T0 + 86_400_000), webDir: WEB, coachModel: model });
    const res = await app.request('/api/coach/history?min=10');
    expect(res.status).toBe(200);
    expect((await res.json()).byAgent).toMatchObject([{ key: 'Alice', enough: false }]);
    const bad = await app.request('/api/coach/history?min=zero');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/"min" must be a whole number/);

    let out = '';
    const stdout = new PassThrough();
    stdout.on('data', (d) => (out += d));
    const ctx: CommandContext = {
      config: parseConfig({ DATABASE_URL: t.url.startsWith('sqlite') ? t.url : 'postgres://x@localhost/x', ECOUTE_WORKSPACE: 'w' }),
      stdin: new PassThrough(), stdout, stderr: new PassThrough(), isTTY: false,
      clock: () => new Date(T0 + 86_400_000),
      openStore: () => openStore(t.url, { schema: t.schema }),
      loadModel: () => Promise.reject(new ModelError('not needed')),
    };
    expect(await empathyCommand.run(['--lang', 'en'], ctx)).toBe(0);
    expect(out).toContain('Reply empathy (coach)');
    expect(out).toMatch(/Alice\s+score\s+[\d.]+\s+canned\s+100%\s+8 replies/);
    await expect(empathyCommand.run(['--min', '0'], ctx)).rejects.toThrow(/--min must be a whole number/);
    await expect(empathyCommand.run(['--from', 'yesterday'], ctx)).rejects.toThrow(/--from "yesterday" is not a date/);
  });
});
