/**
 * The dashboard's shared filter on cases, in the store query, on both dialects: the period is the
 * case's opened date, the team the case's own (after reassignment), segment / channel / brand /
 * language those of the message that raised it; a case opened by hand has no message and matches none
 * of those. The list's own filters combine with it, and the figures' read (allCases) takes the same scope.
 */
import { expect, it } from 'vitest';
import type { Case } from '../../src/core/act.ts';
import type { CaseScope } from '../../src/store/case-store.ts';
import type { Store } from '../../src/store/store.ts';
import { dialectSuite } from './dialects.ts';
import { conversation } from './fixtures.ts';

const JAN = new Date('2026-01-10T10:00:00Z');
const FEB = new Date('2026-02-10T10:00:00Z');

interface Seeded {
  /** Email, own brand, team Paris, segment "grand compte", French; opened in January. */
  a: Case;
  /** Chat, own brand, team Lyon, segment PME, English; opened in February. */
  b: Case;
  /** Review of RivalCo, message team Paris, segment PME, French; opened in February, then reassigned to Support. */
  c: Case;
  /** Opened by hand (no message), team Paris, in January. */
  d: Case;
}

async function seed(store: Store, setNow: (d: Date) => void): Promise<Seeded> {
  const source = await store.ensureSource('w', 'crm', 'csv');
  const en = conversation(1).messages.map((m) => ({ ...m, language: 'en' }));
  await store.writeConversations('w', source, [
    conversation(0, { channel: 'email' }),
    conversation(1, { channel: 'chat', messages: en }),
    conversation(2, { channel: 'review', brand: 'RivalCo' }),
  ]);
  const facts = await store.messageFacts('w', { customerOnly: true });
  const first = (i: number) => facts.filter((f) => f.text.includes(`n°${i} `)).sort((x, y) => x.at.getTime() - y.at.getTime())[0];
  setNow(JAN);
  const a = await store.openCase('w', { messageId: first(0).messageId, actor: 'cli' });
  const d = await store.openCase('w', { title: 'Rappeler M. Martin', team: 'Paris', actor: 'cli' });
  setNow(FEB);
  const b = await store.openCase('w', { messageId: first(1).messageId, actor: 'cli' });
  let c = await store.openCase('w', { messageId: first(2).messageId, actor: 'cli' });
  c = await store.updateCase('w', c.id, { team: 'Support', status: 'in_progress', actor: 'Léa' });
  return { a, b, c, d };
}

const ids = (list: Case[]) => list.map((x) => x.id).sort();

dialectSuite('cases under the dashboard filter', ({ open, target }) => {
  it('narrows by opened date, case team, segment, channel, brand and language of the raising message', async () => {
    let now = JAN;
    const store = await open(target(), () => now);
    const { a, b, c, d } = await seed(store, (x) => { now = x; });
    expect(a).toMatchObject({ team: 'Paris' });
    expect(b).toMatchObject({ team: 'Lyon' });
    const list = async (scope: CaseScope) => ids(await store.listCases('w', scope));

    expect(await list({})).toEqual(ids([a, b, c, d]));
    // Period: the opened date, half-open [from, before).
    expect(await list({ openedFrom: new Date('2026-02-01T00:00:00Z') })).toEqual(ids([b, c]));
    expect(await list({ openedBefore: new Date('2026-02-01T00:00:00Z') })).toEqual(ids([a, d]));
    expect(await list({ openedFrom: FEB, openedBefore: new Date(FEB.getTime() + 1) })).toEqual(ids([b, c]));
    expect(await list({ openedFrom: new Date(FEB.getTime() + 1) })).toEqual([]);
    // Team: the case's own, so the reassigned RivalCo case is Support's, not Paris's.
    expect(await list({ team: 'Paris' })).toEqual(ids([a, d]));
    expect(await list({ team: 'Support' })).toEqual([c.id]);
    // Segment (the message's customer), channel, brand, language: the hand-opened case matches none.
    expect(await list({ segment: 'grand compte' })).toEqual([a.id]);
    expect(await list({ segment: 'PME' })).toEqual(ids([b, c]));
    expect(await list({ channel: 'chat' })).toEqual([b.id]);
    expect(await list({ channel: 'email' })).toEqual([a.id]);
    expect(await list({ brand: 'RivalCo' })).toEqual([c.id]);
    expect(await list({ language: 'en' })).toEqual([b.id]);
    expect(await list({ language: 'fr' })).toEqual(ids([a, c]));
    expect(await list({ language: 'de' })).toEqual([]);
    // Every criterion must hold.
    expect(await list({ language: 'fr', team: 'Paris', openedBefore: new Date('2026-02-01T00:00:00Z') })).toEqual([a.id]);
    expect(await list({ language: 'fr', team: 'Lyon' })).toEqual([]);
  });

  it('combines with the list’s own filters, keeps workspaces apart, and scopes the figures’ read the same way', async () => {
    let now = JAN;
    const store = await open(target(), () => now);
    const { a, b, c, d } = await seed(store, (x) => { now = x; });
    // customer_id exists on cases and messages: the own filter must read the case's.
    expect(ids(await store.listCases('w', { customerId: a.customerId!, language: 'fr' }))).toEqual([a.id]);
    expect(ids(await store.listCases('w', { status: 'in_progress', language: 'fr' }))).toEqual([c.id]);
    expect(ids(await store.listCases('w', { status: 'open', segment: 'PME' }))).toEqual([b.id]);
    expect(ids(await store.listCases('w', { owner: 'nobody', team: 'Paris' }))).toEqual([]);
    now = new Date('2026-03-01T00:00:00Z');
    expect(ids(await store.listCases('w', { overdue: true, team: 'Paris' }))).toEqual(ids([a, d]));
    // Newest first in the list, oldest first in the figures' read; both honour the scope and the limit.
    expect((await store.listCases('w', { team: 'Paris', limit: 1 })).map((x) => x.id)).toHaveLength(1);
    expect((await store.allCases('w', { segment: 'PME' })).map((x) => x.id)).toEqual(
      [b, c].sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime() || x.id.localeCompare(y.id)).map((x) => x.id));
    expect(ids(await store.allCases('w'))).toEqual(ids([a, b, c, d]));
    // Another workspace's case with the same attributes is never listed.
    await store.openCase('other', { title: 'Autre espace', team: 'Paris', actor: 'cli' });
    expect(ids(await store.listCases('w', { team: 'Paris' }))).toEqual(ids([a, d]));
    expect(ids(await store.allCases('w', { team: 'Paris' }))).toEqual(ids([a, d]));
  });
});
