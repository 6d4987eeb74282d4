/**
 * POST /api/cases with a `customerId` on both stores: a customer of the request's workspace (its "c_…"
 * id) opens the case; an id nobody has, a source system's own id, or a customer of another workspace is
 * a 404 naming the id and where valid ids are found, and no case is written.
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

/** One conversation with customer `ref` in `workspaceId`; returns the customer's public id. */
async function customerIn(store: Store, workspaceId: string, ref: string): Promise<string> {
  const facts = await storeOneConversation(store, workspaceId, NOW, { ref, customerRef: ref });
  const id = facts.find((f) => f.conversationId !== null && f.customerId !== null)?.customerId;
  if (!id) throw new Error(`no customer stored in ${workspaceId}`);
  return id;
}

dialectSuite('POST /api/cases with a customerId', ({ open }) => {
  let store: Store;
  let app: Hono;
  let ours: string;
  let theirs: string;
  beforeEach(async () => {
    store = await open(undefined, () => NOW);
    ours = await customerIn(store, A, 'C-1');
    theirs = await customerIn(store, B, 'C-9');
    app = createApp({ store, workspaceId: A, clock: () => NOW, webDir: WEB });
  });

  const post = casePoster(() => app);
  const cases = async (workspaceId: string) => (await store.listCases(workspaceId, {})).length;

  it('opens a case for a customer of the workspace', async () => {
    const { status, body } = await post({ title: 'Rappeler pour la facture', customerId: ours, actor: 'Léa' });
    expect(status, JSON.stringify(body)).toBe(201);
    expect(body).toMatchObject({ customerId: ours, title: 'Rappeler pour la facture', status: 'open' });
    expect(await cases(A)).toBe(1);
  });

  it.each([
    ['an id nobody has', () => 'c_aaaaaaaaaaaaaaaa'],
    ['the source system’s own id', () => 'C-1'],
    ['a customer of another workspace', () => theirs],
  ])('refuses %s with a 404 naming it and where valid ids are, writing nothing', async (_what, id) => {
    const { status, body } = await post({ title: 'Rappeler', customerId: id(), actor: 'Léa' });
    expect(status, JSON.stringify(body)).toBe(404);
    expect(body.error.code).toBe('not_found');
    expect(body.error.message).toContain(`Customer "${id()}" was not found.`);
    expect(body.error.message).toMatch(/"c_…" id .*customerId in GET \/api\/messages/);
    expect(body.error.details).toEqual({ what: 'Customer', id: id() });
    expect(await cases(A)).toBe(0);
    expect(await cases(B)).toBe(0);
  });

  it('answers another workspace’s customer exactly as an unknown one, and the same customer opens a case in its own workspace', async () => {
    const unknown = await post({ title: 'Rappeler', customerId: 'c_bbbbbbbbbbbbbbbb' });
    const foreign = await post({ title: 'Rappeler', customerId: theirs });
    expect(foreign.body.error.message.replace(theirs, 'ID')).toBe(unknown.body.error.message.replace('c_bbbbbbbbbbbbbbbb', 'ID'));
    const there = await post({ title: 'Rappeler', customerId: theirs }, B);
    expect(there.status, JSON.stringify(there.body)).toBe(201);
    expect(await cases(B)).toBe(1);
    expect(await cases(A)).toBe(0);
  });

  it('checks the customer even when the case is opened on a message', async () => {
    const m = (await store.messageFacts(A, { customerOnly: true }))[0];
    const refused = await post({ messageId: m.messageId, customerId: 'c_cccccccccccccccc' });
    expect(refused.status).toBe(404);
    expect(refused.body.error.message).toContain('Customer "c_cccccccccccccccc" was not found.');
    expect(await cases(A)).toBe(0);
    expect((await post({ messageId: m.messageId, customerId: ours })).status).toBe(201);
  });
});
