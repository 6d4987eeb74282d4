/**
 * POST /api/cases with a `conversationId` on both stores: a conversation of the request's workspace (its
 * id as GET /api/messages shows it) opens the case; an id nobody has, a source system's own id, or a
 * conversation of another workspace is a 404 naming the id and where valid ids are found, and no case is
 * written.
 */
import path from 'node:path';
import type { Hono } from 'hono';
import { beforeEach, expect, it } from 'vitest';
import { createApp } from '../../src/server/create-app.ts';
import type { Store } from '../../src/store/store.ts';
import { dialectSuite } from '../store/dialects.ts';
import { casePoster, storeOneConversation } from './case-fixtures.ts';

const WEB = path.resolve(import.meta.dirname, '../../web');
const NOW = new Date('2026-03-10T12:00:00Z');
const A = 'acme';
const B = 'globex';

/** One conversation (external id `ref`) in `workspaceId`; returns its id as the API shows it. */
async function conversationIn(store: Store, workspaceId: string, ref: string): Promise<string> {
  const facts = await storeOneConversation(store, workspaceId, NOW, { ref, externalId: ref, customerRef: `cust-${ref}` });
  const id = facts.find((f) => f.conversationId)?.conversationId;
  if (!id) throw new Error(`no conversation stored in ${workspaceId}`);
  return id;
}

dialectSuite('POST /api/cases with a conversationId', ({ open }) => {
  let store: Store;
  let app: Hono;
  let ours: string;
  let theirs: string;
  beforeEach(async () => {
    store = await open(undefined, () => NOW);
    // Workspace B first, so its conversation has an id A never used (an id is not a secret).
    theirs = await conversationIn(store, B, 'T-9');
    ours = await conversationIn(store, A, 'T-1');
    app = createApp({ store, workspaceId: A, clock: () => NOW, webDir: WEB });
  });

  const post = casePoster(() => app);
  const cases = async (workspaceId: string) => (await store.listCases(workspaceId, {})).length;

  it('opens a case on a conversation of the workspace', async () => {
    const { status, body } = await post({ title: 'Rappeler pour la facture', conversationId: ours, actor: 'Léa' });
    expect(status, JSON.stringify(body)).toBe(201);
    expect(body).toMatchObject({ conversationId: ours, title: 'Rappeler pour la facture', status: 'open' });
    expect(await cases(A)).toBe(1);
  });

  it.each([
    ['an id nobody has', () => '987654321'],
    ['the source system’s own id', () => 'T-1'],
    ['a conversation of another workspace', () => theirs],
  ])('refuses %s with a 404 naming it and where valid ids are, writing nothing', async (_what, id) => {
    const { status, body } = await post({ title: 'Rappeler', conversationId: id(), actor: 'Léa' });
    expect(status, JSON.stringify(body)).toBe(404);
    expect(body.error.code).toBe('not_found');
    expect(body.error.message).toContain(`Conversation "${id()}" was not found.`);
    expect(body.error.message).toMatch(/conversationId in GET \/api\/messages/);
    expect(body.error.details).toEqual({ what: 'Conversation', id: id() });
    expect(await cases(A)).toBe(0);
    expect(await cases(B)).toBe(0);
  });

  it('answers another workspace’s conversation exactly as an unknown one, and the same conversation opens a case in its own workspace', async () => {
    const unknown = await post({ title: 'Rappeler', conversationId: '987654321' });
    const foreign = await post({ title: 'Rappeler', conversationId: theirs });
    expect(foreign.body.error.message.replace(theirs, 'ID')).toBe(unknown.body.error.message.replace('987654321', 'ID'));
    const there = await post({ title: 'Rappeler', conversationId: theirs }, B);
    expect(there.status, JSON.stringify(there.body)).toBe(201);
    expect(there.body.conversationId).toBe(theirs);
    expect(await cases(B)).toBe(1);
    expect(await cases(A)).toBe(0);
  });

  it('checks the conversation even when the case is opened on a message', async () => {
    const m = (await store.messageFacts(A, { customerOnly: true }))[0];
    const refused = await post({ messageId: m.messageId, conversationId: theirs });
    expect(refused.status).toBe(404);
    expect(refused.body.error.message).toContain(`Conversation "${theirs}" was not found.`);
    expect(await cases(A)).toBe(0);
    const opened = await post({ messageId: m.messageId, conversationId: ours });
    expect(opened.status).toBe(201);
    expect(opened.body.conversationId).toBe(ours);
  });
});
