import type { Kysely } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { DEFAULT_CASE_TARGETS } from '../../src/act/cases/case-due.ts';
import { InputError, NotFoundError } from '../../src/core/errors.ts';
import { insertCase } from '../../src/store/case-queries.ts';
import { parseDatabaseUrl } from '../../src/store/database-url.ts';
import type { Database } from '../../src/store/db-types.ts';
import { postgresAdapter } from '../../src/store/postgres-dialect.ts';
import { sqliteAdapter } from '../../src/store/sqlite-dialect.ts';
import type { Store } from '../../src/store/store.ts';
import { dialectSuite, type TestTarget } from './dialects.ts';
import { analysis, conversations } from './fixtures.ts';

const HOUR = 3_600_000;

const raws: Kysely<Database>[] = [];
afterAll(async () => { await Promise.all(raws.map((db) => db.destroy())); });

/** A second, raw connection to a test target: the alert engine's path (a caller's transaction) and row checks. */
async function rawDb(t: TestTarget): Promise<Kysely<Database>> {
  const parsed = parseDatabaseUrl(t.url);
  const db = await (parsed.kind === 'sqlite' ? sqliteAdapter(parsed.path) : postgresAdapter(parsed, t.schema)).createKysely();
  raws.push(db);
  return db;
}

/** A workspace with 4 conversations, the first customer message of each analysed (urgency high on the first). */
async function seed(store: Store) {
  const source = await store.ensureSource('w', 'zendesk', 'csv');
  const { newMessageIds } = await store.writeConversations('w', source, conversations(0, 4));
  const urgent = { ...analysis({ emotion: 'anger', need: 'speed' }), reason: 'colis en retard', signals: { churnIntent: true, urgency: 'high' as const, vulnerable: false, repeatContact: false } };
  await store.saveAnalyses('w', 'v1', [{ messageId: newMessageIds[0], analysis: urgent }, { messageId: newMessageIds[2], analysis: analysis() }]);
  const facts = await store.messageFacts('w');
  return { facts, first: facts.find((f) => f.messageId === newMessageIds[0])!, second: facts.find((f) => f.messageId === newMessageIds[2])! };
}

dialectSuite('cases and root causes', ({ open, target }) => {
  it('opens a case from a message: customer, conversation, team, urgency and due time come from it, without touching the data version', async () => {
    const now = new Date('2026-03-01T10:00:00Z');
    const store = await open(target(), () => now);
    const { first, second } = await seed(store);
    const version = await store.dataVersion('w');
    const c = await store.openCase('w', { messageId: first.messageId, owner: 'Léa', actor: 'Léa' });
    expect(c).toMatchObject({
      status: 'open', messageId: first.messageId, customerId: first.customerId, conversationId: first.conversationId,
      team: first.team, urgency: 'high', priority: 'high', owner: 'Léa', reopenCount: 0, firstResponseAt: null,
      dueAt: new Date(now.getTime() + DEFAULT_CASE_TARGETS.high),
    });
    expect(c.title).toContain('en retard');
    // Configured targets: medium = 10 h for this workspace.
    const ws = await store.ensureWorkspace('w');
    await store.updateWorkspaceSettings('w', { ...ws.settings, caseTargetHours: { medium: 10 } });
    const v2 = await store.dataVersion('w');
    const medium = await store.openCase('w', { messageId: second.messageId, actor: 'cli' });
    expect(medium.dueAt).toEqual(new Date(now.getTime() + 10 * HOUR));
    expect(await store.dataVersion('w')).toBe(v2);
    expect(v2).toBeGreaterThan(version); // settings do bump it; cases never do
    await expect(store.openCase('w', { messageId: '999999', actor: 'cli' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.openCase('w', { actor: 'cli' })).rejects.toThrow(/title or a message/);
  });

  it('insertCase writes the case and its created event inside a caller transaction (the alert engine path)', async () => {
    const now = new Date('2026-03-01T10:00:00Z');
    const t = target();
    const store = await open(t, () => now);
    const { first } = await seed(store);
    const version = await store.dataVersion('w');
    const db = await rawDb(t);
    const c = await db.transaction().execute((trx) => insertCase(trx, {
      id: 'case-from-rule', workspaceId: 'w', title: 'Client en colère', messageId: first.messageId, alertId: 'alert-1',
      conversationId: first.conversationId, customerId: first.customerId, urgency: 'high', priority: 'high', owner: null, team: 'Paris',
      dueAt: new Date(now.getTime() + 4 * HOUR), createdAt: now, actor: 'rule',
    }));
    expect(c).toMatchObject({ id: 'case-from-rule', alertId: 'alert-1', status: 'open', team: 'Paris' });
    const detail = await store.getCase('w', 'case-from-rule');
    expect(detail.events).toEqual([expect.objectContaining({ kind: 'created', actor: 'rule', toStatus: 'open' })]);
    expect(await store.dataVersion('w')).toBe(version);
    await expect(insertCase(db, { ...c, id: 'x', messageId: 'abc', alertId: null, dueAt: null, createdAt: now, actor: 'rule', urgency: null })).rejects.toBeInstanceOf(InputError);
  });

  it('moves a case open → in progress → waiting → resolved → closed, reopens it, and records every event', async () => {
    let now = new Date('2026-03-01T10:00:00Z');
    const store = await open(target(), () => now);
    const { first } = await seed(store);
    const c = await store.openCase('w', { messageId: first.messageId, actor: 'rule' });
    const version = await store.dataVersion('w');
    now = new Date('2026-03-01T10:30:00Z');
    await store.updateCase('w', c.id, { owner: 'Léa', actor: 'Marc' });
    expect((await store.getCase('w', c.id)).case.firstResponseAt).toBeNull(); // an assignment is not a response
    now = new Date('2026-03-01T11:00:00Z');
    const started = await store.updateCase('w', c.id, { status: 'in_progress', actor: 'Léa' });
    expect(started).toMatchObject({ status: 'in_progress', firstResponseAt: now, owner: 'Léa' });
    now = new Date('2026-03-01T12:00:00Z');
    await store.updateCase('w', c.id, { status: 'waiting_customer', actor: 'Léa' });
    await expect(store.updateCase('w', c.id, { status: 'open', actor: 'Léa' })).rejects.toThrow(/can move to: in_progress, resolved, closed/);
    const resolved = await store.updateCase('w', c.id, { status: 'resolved', actor: 'Léa' });
    expect(resolved.resolvedAt).toEqual(now);
    now = new Date('2026-03-02T12:00:00Z');
    const closed = await store.updateCase('w', c.id, { status: 'closed', actor: 'Léa' });
    expect(closed).toMatchObject({ status: 'closed', closedAt: now, resolvedAt: new Date('2026-03-01T12:00:00Z') });
    const reopened = await store.updateCase('w', c.id, { status: 'open', actor: 'Léa' });
    expect(reopened).toMatchObject({ status: 'open', reopenCount: 1, closedAt: null, resolvedAt: null, firstResponseAt: new Date('2026-03-01T11:00:00Z') });
    const detail = await store.getCase('w', c.id);
    expect(detail.events.map((e) => [e.kind, e.fromStatus, e.toStatus, e.actor])).toEqual([
      ['created', null, 'open', 'rule'],
      ['assigned', null, null, 'Marc'],
      ['status', 'open', 'in_progress', 'Léa'],
      ['status', 'in_progress', 'waiting_customer', 'Léa'],
      ['status', 'waiting_customer', 'resolved', 'Léa'],
      ['status', 'resolved', 'closed', 'Léa'],
      ['status', 'closed', 'open', 'Léa'],
    ]);
    expect(detail.message?.messageId).toBe(first.messageId);
    expect(detail.message?.analysis?.signals.urgency).toBe('high');
    expect(detail.history.length).toBeGreaterThan(1);
    expect(detail.history.every((m) => m.customerId === first.customerId)).toBe(true);
    expect(await store.dataVersion('w')).toBe(version);
    await expect(store.updateCase('w', 'nope', { status: 'closed', actor: 'x' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a note is the first response; empty notes are refused', async () => {
    let now = new Date('2026-03-01T10:00:00Z');
    const store = await open(target(), () => now);
    const c = await store.openCase('w', { title: 'Rappeler Mme Durand', actor: 'api' });
    now = new Date('2026-03-01T10:20:00Z');
    await store.addCaseNote('w', c.id, 'rule note', 'rule');
    expect((await store.getCase('w', c.id)).case.firstResponseAt).toBeNull();
    now = new Date('2026-03-01T10:45:00Z');
    const note = await store.addCaseNote('w', c.id, '  Appelée, colis retrouvé.  ', 'Léa');
    expect(note).toMatchObject({ kind: 'note', text: 'Appelée, colis retrouvé.', actor: 'Léa', at: now });
    expect((await store.getCase('w', c.id)).case.firstResponseAt).toEqual(now);
    await expect(store.addCaseNote('w', c.id, '   ', 'Léa')).rejects.toThrow(/cannot be empty/);
    await expect(store.addCaseNote('w', 'nope', 'x', 'Léa')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists with filters: status, owner, overdue, root cause, customer', async () => {
    let now = new Date('2026-03-01T10:00:00Z');
    const store = await open(target(), () => now);
    const { first, second } = await seed(store);
    const urgent = await store.openCase('w', { messageId: first.messageId, owner: 'Léa', actor: 'cli' });
    const later = await store.openCase('w', { messageId: second.messageId, owner: 'Marc', actor: 'cli' });
    const done = await store.openCase('w', { title: 'Déjà réglé', dueAt: new Date('2026-03-01T11:00:00Z'), actor: 'cli' });
    await store.updateCase('w', done.id, { status: 'closed', actor: 'Marc' });
    now = new Date('2026-03-01T15:00:00Z'); // past the 4 h target of the urgent one only
    expect((await store.listCases('w', { overdue: true })).map((c) => c.id)).toEqual([urgent.id]);
    expect((await store.listCases('w', { owner: 'Marc' })).map((c) => c.id)).toEqual([later.id]);
    expect((await store.listCases('w', { status: 'closed' })).map((c) => c.id)).toEqual([done.id]);
    expect((await store.listCases('w', { customerId: first.customerId! })).map((c) => c.id)).toEqual([urgent.id]);
    const rc = await store.upsertRootCause('w', { key: 'delay' });
    await store.updateCase('w', later.id, { rootCauseId: rc.id, actor: 'Marc' });
    expect((await store.listCases('w', { rootCauseId: rc.id })).map((c) => c.id)).toEqual([later.id]);
    expect(await store.listCases('other')).toEqual([]);
    expect(await store.listCases('w', { limit: 1 })).toHaveLength(1);
  });

  it('root causes: upsert by theme, link and unlink cases, own owner and status, case counts', async () => {
    const now = new Date('2026-03-01T10:00:00Z');
    const store = await open(target(), () => now);
    await store.ensureWorkspace('w');
    const version = await store.dataVersion('w');
    const delay = await store.upsertRootCause('w', { key: 'delay' });
    expect(delay).toMatchObject({ key: 'delay', title: 'Retard', owner: null, status: 'open' });
    expect(await store.upsertRootCause('w', { key: 'Delay' })).toEqual(delay);
    const owned = await store.upsertRootCause('w', { key: 'delay', owner: 'Ops' });
    expect(owned).toMatchObject({ id: delay.id, owner: 'Ops' });
    const billing = await store.upsertRootCause('w', { key: 'discovered:late-refunds', title: 'Remboursements lents' });
    const a = await store.openCase('w', { title: 'A', actor: 'x' });
    const b = await store.openCase('w', { title: 'B', actor: 'x' });
    await store.updateCase('w', a.id, { rootCauseId: delay.id, actor: 'Ops' });
    await store.updateCase('w', b.id, { rootCauseId: delay.id, actor: 'Ops' });
    await store.updateCase('w', b.id, { status: 'closed', actor: 'Ops' });
    const listed = await store.listRootCauses('w');
    expect(listed.map((r) => [r.key, r.cases, r.openCases])).toEqual([['delay', 2, 1], ['discovered:late-refunds', 0, 0]]);
    await store.updateCase('w', a.id, { rootCauseId: null, actor: 'Ops' });
    const events = (await store.getCase('w', a.id)).events.map((e) => [e.kind, e.text]);
    expect(events).toEqual([['created', null], ['linked', delay.id], ['unlinked', delay.id]]);
    const fixed = await store.updateRootCause('w', delay.id, { status: 'fixed' });
    expect(fixed.status).toBe('fixed');
    expect((await store.getCase('w', b.id)).rootCause).toMatchObject({ id: delay.id, status: 'fixed' });
    await expect(store.updateRootCause('w', delay.id, { status: 'done' as never })).rejects.toThrow(/open, investigating, fixed, wont_fix/);
    await expect(store.updateRootCause('w', 'nope', { owner: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.upsertRootCause('w', { key: 'has spaces!' })).rejects.toBeInstanceOf(InputError);
    await expect(store.updateCase('w', a.id, { rootCauseId: 'nope', actor: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    expect(billing.title).toBe('Remboursements lents');
    expect(await store.dataVersion('w')).toBe(version);
  });

  it('erasing a customer removes their cases and the case events (notes) with them', async () => {
    const t = target();
    const store = await open(t);
    const { first, second } = await seed(store);
    const c = await store.openCase('w', { messageId: first.messageId, actor: 'x' });
    const kept = await store.openCase('w', { messageId: second.messageId, actor: 'x' });
    await store.addCaseNote('w', c.id, 'Mme Durand, 06 12 34 56 78', 'Léa');
    await store.eraseCustomer('w', first.customerRef!);
    expect((await store.listCases('w')).map((x) => x.id)).toEqual([kept.id]);
    await expect(store.getCase('w', c.id)).rejects.toBeInstanceOf(NotFoundError);
    const db = await rawDb(t);
    const events = await db.selectFrom('case_events').select('case_id').execute();
    expect(events.map((e) => e.case_id)).toEqual([kept.id]);
  });
});
