/**
 * Label corrections on both stores: PUT/GET /api/messages/:id/corrections, the latest per field wins,
 * the listening station (and a customer's history) shows the corrected value and that it was corrected,
 * insights are left alone (no data version bump), and bad input gets an error naming the fix.
 */
import path from 'node:path';
import type { Hono } from 'hono';
import { beforeEach, expect, it } from 'vitest';
import type { MessageFact } from '../../src/core/facts.ts';
import { createApp } from '../../src/server/create-app.ts';
import type { Store } from '../../src/store/store.ts';
import { dialectSuite } from '../store/dialects.ts';
import { seedCorrections, T0, WS } from './correction-fixtures.ts';

const WEB = path.resolve(import.meta.dirname, '../../web');

dialectSuite('label corrections', ({ open }) => {
  let store: Store;
  let app: Hono;
  let ids: { delivery: string; billing: string; agent: string };
  let now = T0;
  beforeEach(async () => {
    now = T0;
    store = await open(undefined, () => now);
    ids = await seedCorrections(store);
    app = createApp({ store, workspaceId: WS, clock: () => now, webDir: WEB });
  });

  const put = (id: string, body: unknown) =>
    app.request(`/api/messages/${id}/corrections`, { method: 'PUT', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  const listed = async (id: string): Promise<MessageFact> => {
    const page = await (await app.request('/api/messages?limit=50')).json();
    return page.items.find((m: MessageFact) => m.messageId === id);
  };

  it('forgets a message’s corrections when its customer is erased, and keeps the others', async () => {
    expect((await put(ids.delivery, { field: 'churn', value: true, actor: 'léa' })).status).toBe(201);
    expect((await put(ids.billing, { field: 'urgency', value: 'high', actor: 'léa' })).status).toBe(201);
    await store.eraseCustomer(WS, 'C-0');
    expect(await store.listCorrections(WS, [ids.delivery, ids.billing])).toMatchObject([{ messageId: ids.billing, field: 'urgency' }]);
    expect(await store.correctedMessageIds(WS, null, 10)).toEqual([ids.billing]);
  });

  it('stores a correction with its author and shows it instead of the model’s finding', async () => {
    const res = await put(ids.delivery, { field: 'emotions', value: ['frustration', 'anxiety'], actor: 'léa@azur.example' });
    expect(res.status).toBe(201);
    expect((await res.json()).correction).toMatchObject({ messageId: ids.delivery, field: 'emotions', value: ['frustration', 'anxiety'], actor: 'léa@azur.example' });
    const m = await listed(ids.delivery);
    expect(m.analysis!.emotions).toEqual([{ label: 'frustration', score: 1, evidence: null }, { label: 'anxiety', score: 1, evidence: null }]);
    expect(m.analysis!.needs.map((n) => n.label)).toEqual(['information']);
    expect(m.corrections).toEqual([{ field: 'emotions', value: ['frustration', 'anxiety'], modelValue: ['anger'], actor: 'léa@azur.example', at: T0.toISOString() }]);
    // Other messages are as the model found them, without a corrections list.
    expect((await listed(ids.billing)).corrections).toBeUndefined();
    // A customer's history shows the correction too.
    const delivered = await store.messageFacts(WS);
    const customerId = delivered.find((f) => f.messageId === ids.delivery)!.customerId!;
    const history = await (await app.request(`/api/customers/${customerId}/history`)).json();
    expect(history.messages.find((f: MessageFact) => f.messageId === ids.delivery).analysis.emotions[0].label).toBe('frustration');
  });

  it('keeps the latest correction per field, and the history of all of them', async () => {
    await put(ids.billing, { field: 'churn', value: false, actor: 'marc' });
    now = new Date(T0.getTime() + 60_000);
    await put(ids.billing, { field: 'churn', value: true, actor: 'léa' });
    await put(ids.billing, { field: 'stage', value: null });
    await put(ids.billing, { field: 'emotion', value: 'neutral' });
    await put(ids.billing, { field: 'urgency', value: 'low' });
    await put(ids.billing, { field: 'sentiment', value: 'positive' });
    await put(ids.billing, { field: 'vulnerable', value: true });
    await put(ids.billing, { field: 'themes', value: ['billing'] });
    await put(ids.billing, { field: 'needs', value: 'fairness' });
    const m = await listed(ids.billing);
    expect(m.analysis!.signals).toMatchObject({ churnIntent: true, urgency: 'low', vulnerable: true });
    expect(m.analysis!.stage).toBeNull();
    expect(m.analysis!.emotions).toEqual([]);
    expect(m.analysis!.sentiment).toEqual({ label: 'positive', score: 0.5 });
    expect(m.analysis!.themes.map((t) => t.label)).toEqual(['billing']);
    expect(m.analysis!.needs.map((t) => t.label)).toEqual(['fairness']);
    expect(m.corrections!.map((c) => c.field)).toEqual(['emotions', 'needs', 'themes', 'stage', 'churn', 'urgency', 'vulnerable', 'sentiment']);
    expect(m.corrections!.find((c) => c.field === 'churn')).toMatchObject({ value: true, modelValue: true, actor: 'léa' });
    expect(m.corrections!.find((c) => c.field === 'stage')).toMatchObject({ value: null, modelValue: 'billing', actor: 'api' });

    const got = await (await app.request(`/api/messages/${ids.billing}/corrections`)).json();
    expect(got.corrections.find((c: { field: string }) => c.field === 'churn')).toMatchObject({ value: true, actor: 'léa' });
    expect(got.history).toHaveLength(9);
    expect(got.history.at(-1)).toMatchObject({ field: 'churn', value: false, actor: 'marc' });
    expect(await (await app.request(`/api/messages/${ids.delivery}/corrections`)).json()).toEqual({ corrections: [], history: [] });
  });

  it('leaves the insights cache alone (corrections do not bump the data version)', async () => {
    const before = await store.dataVersion(WS);
    await put(ids.delivery, { field: 'churn', value: true });
    expect(await store.dataVersion(WS)).toBe(before);
  });

  it.each([
    ['an unknown field', { field: 'mood', value: 'x' }, 422, /"field" "mood" cannot be corrected\. Use one of: emotions, needs/],
    ['an unknown emotion', { field: 'emotions', value: ['angry'] }, 422, /"angry" is not one of anger, frustration/],
    ['a stage outside the journey', { field: 'stage', value: 'shipping' }, 422, /give one of discover, .* or null for no stage/],
    ['a churn that is not a boolean', { field: 'churn', value: 'yes' }, 422, /"churn": give true or false/],
    ['an urgency outside the scale', { field: 'urgency', value: 'urgent' }, 422, /give one of low, medium, high/],
    ['a missing value', { field: 'churn' }, 400, /"value" is missing/],
    ['a missing field', { value: true }, 400, /"field" is missing/],
    ['an empty actor', { field: 'churn', value: true, actor: ' ' }, 400, /"actor"/],
    ['invalid JSON', '{nope', 400, /not valid JSON/],
    ['an array body', '[]', 400, /must be a JSON object/],
  ])('refuses %s with an error naming the fix', async (_label, body, status, message) => {
    const res = await put(ids.delivery, body);
    expect(res.status).toBe(status);
    expect((await res.json()).error.message).toMatch(message);
    expect(await store.listCorrections(WS, [ids.delivery])).toEqual([]);
  });

  it('refuses unknown messages (404) and agent messages (422)', async () => {
    const unknown = await put('999999', { field: 'churn', value: true });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toContain('GET /api/messages');
    expect((await app.request('/api/messages/abc/corrections')).status).toBe(404);
    const agent = await put(ids.agent, { field: 'churn', value: true });
    expect(agent.status).toBe(422);
    expect((await agent.json()).error.message).toContain('only customer messages');
  });

  it('refuses a message without analysis (nothing to correct yet)', async () => {
    const source = await store.ensureSource(WS, 'late', 'test');
    await store.writeConversations(WS, source, [{ naturalKey: 'late-1', channel: 'chat', startedAt: T0, surveys: [], messages: [{ role: 'customer', at: T0, text: 'Bonjour ?' }] }]);
    const [late] = await store.pendingAnalysis(WS, 'fixture-1', 10);
    const res = await put(late.messageId, { field: 'churn', value: true });
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toContain('no analysis yet');
  });
});
