import { expect, it } from 'vitest';
import type { AlertDraft } from '../../src/core/alert.ts';
import { NotFoundError } from '../../src/core/errors.ts';
import { dialectSuite } from './dialects.ts';
import { analysis, conversations } from './fixtures.ts';

/** An alert raised outside any rule, with nothing to deliver. */
function draftAlert(id: string, kind: string, createdAt: Date, payload: Record<string, unknown>): AlertDraft {
  return {
    alert: { id, workspaceId: 'w', kind, message: kind, payload, createdAt, ruleId: null, ruleVersion: null, messageId: null, customerId: null, dedupeKey: null },
    dedupeWindowMs: 0, deliveries: [], cases: [],
  };
}

dialectSuite('workspaces, counts and act', ({ open, target }) => {
  it('creates a workspace once, with default settings, and updates its settings', async () => {
    let now = new Date('2026-03-01T10:00:00Z');
    const store = await open(target(), () => now);
    const ws = await store.ensureWorkspace('acme', 'ACME SA');
    expect(ws).toEqual({ id: 'acme', name: 'ACME SA', settings: { language: 'fr', desiredEmotions: {} }, createdAt: now });
    now = new Date('2026-03-02T10:00:00Z');
    expect(await store.ensureWorkspace('acme', 'Renamed')).toEqual(ws);
    const updated = await store.updateWorkspaceSettings('acme', { language: 'en', desiredEmotions: { delivery: 'relief' } });
    expect(updated.settings).toEqual({ language: 'en', desiredEmotions: { delivery: 'relief' } });
    expect((await store.ensureWorkspace('acme')).settings.language).toBe('en');
    await expect(store.updateWorkspaceSettings('nope', { language: 'fr', desiredEmotions: {} })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('finds or creates sources by name', async () => {
    const store = await open();
    const a = await store.ensureSource('w', 'zendesk', 'csv');
    expect(await store.ensureSource('w', 'zendesk', 'csv')).toBe(a);
    expect(await store.ensureSource('w', 'avis', 'reviews')).not.toBe(a);
  });

  it('bumps the data version on every write and not on reads', async () => {
    const store = await open();
    expect(await store.dataVersion('w')).toBe(0);
    const source = await store.ensureSource('w', 'csv', 'csv');
    const v0 = await store.dataVersion('w');
    const { newMessageIds } = await store.writeConversations('w', source, conversations(0, 3));
    const v1 = await store.dataVersion('w');
    expect(v1).toBeGreaterThan(v0);
    await store.messageFacts('w');
    await store.counts('w');
    expect(await store.dataVersion('w')).toBe(v1);
    await store.saveAnalyses('w', 'v1', [{ messageId: newMessageIds[0], analysis: analysis() }]);
    const v2 = await store.dataVersion('w');
    expect(v2).toBeGreaterThan(v1);
    // Alerts are not analysis data: writing one keeps the insights cache.
    await store.writeAlerts('w', [draftAlert('a1', 'spike', new Date(), {})]);
    expect(await store.dataVersion('w')).toBe(v2);
    expect(await store.dataVersion('other')).toBe(0);
  });

  it('counts per workspace', async () => {
    const store = await open();
    const s1 = await store.ensureSource('a', 'csv', 'csv');
    const s2 = await store.ensureSource('b', 'csv', 'csv');
    const { newMessageIds } = await store.writeConversations('a', s1, conversations(0, 6));
    await store.writeConversations('b', s2, conversations(0, 2));
    await store.saveAnalyses('a', 'v1', newMessageIds.slice(0, 5).map((messageId) => ({ messageId, analysis: analysis() })));
    expect(await store.counts('a')).toEqual({
      conversations: 6, messages: 18, customerMessages: 12, analysed: 5, customers: 4, surveys: 3, employeeAnswers: 0,
    });
    expect(await store.counts('b')).toMatchObject({ conversations: 2, analysed: 0 });
    expect(await store.counts('none')).toEqual({
      conversations: 0, messages: 0, customerMessages: 0, analysed: 0, customers: 0, surveys: 0, employeeAnswers: 0,
    });
  });

  it('creates and lists cases and alerts, newest first, per workspace', async () => {
    let now = new Date('2026-03-01T10:00:00Z');
    const store = await open(target(), () => now);
    await store.ensureWorkspace('w');
    const first = await store.openCase('w', { title: 'Rappeler Mme Durand', owner: 'Léa', priority: 'high', actor: 'test' });
    expect(first).toMatchObject({ title: 'Rappeler Mme Durand', status: 'open', owner: 'Léa', createdAt: now, updatedAt: now });
    expect(first.id).toMatch(/^[0-9a-f-]{36}$/);
    now = new Date('2026-03-01T11:00:00Z');
    const second = await store.openCase('w', { title: 'Suivi', priority: 'low', actor: 'test' });
    expect(await store.listCases('w')).toEqual([second, first]);
    expect(await store.listCases('other')).toEqual([]);

    const { written: [alert] } = await store.writeAlerts('w', [draftAlert('a1', 'churn', now, { customers: ['a', 'b'], n: 2 })]);
    expect(alert).toMatchObject({ acknowledged: false, createdAt: now, payload: { customers: ['a', 'b'], n: 2 } });
    expect(await store.listAlerts('w')).toEqual([alert]);
    expect(await store.listAlerts('other')).toEqual([]);
  });
});
