/**
 * POST /api/messages on both stores: records mapped as a JSON/JSONL file would be, stored with natural
 * keys, analysed in the request with the alert rules, idempotent by Idempotency-Key, bad records listed
 * by index without losing the good ones, and bodies over the limit refused with 413.
 */
import path from 'node:path';
import type { Hono } from 'hono';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import type { AnalyzerModel } from '../../src/analyze/model.ts';
import { loadModel } from '../../src/runtime/analysis/load-model.ts';
import { createApp } from '../../src/server/create-app.ts';
import { MAX_INGEST_BYTES, MAX_INGEST_RECORDS } from '../../src/server/ingest-route.ts';
import type { Store } from '../../src/store/store.ts';
import { dialectSuite } from '../store/dialects.ts';

const WS = 'ingest-ws';
const NOW = new Date('2026-11-20T12:00:00Z');
const WEB = path.resolve(import.meta.dirname, '../../web');

let model: AnalyzerModel;
beforeAll(async () => {
  model = await loadModel();
});

/** A helpdesk ticket as a webhook would send it: flat records threaded by conversation id. */
const TICKET = [
  { conversation_id: 'T-100', created_at: '2026-11-19T09:00:00Z', author_type: 'customer', body: "Je résilie mon abonnement : vous m'avez encore facturé deux fois ce mois-ci.", customer_id: 'C-9' },
  { conversation_id: 'T-100', created_at: '2026-11-19T09:30:00Z', author_type: 'agent', author: 'Julie', body: 'Bonjour, je regarde votre facture tout de suite.' },
];
const THREAD = {
  id: 'T-200', channel: 'chat', created_at: '2026-11-19T10:00:00Z',
  messages: [{ role: 'customer', at: '2026-11-19T10:00:00Z', text: 'The parcel arrived damaged and nobody answers my emails. I am cancelling my account.' }],
};

dialectSuite('POST /api/messages', ({ open }) => {
  let store: Store;
  let app: Hono;
  beforeEach(async () => {
    store = await open(undefined, () => NOW);
    await store.ensureWorkspace(WS);
    app = createApp({ store, workspaceId: WS, model, clock: () => NOW, webDir: WEB });
  });

  const post = (body: unknown, opts: { key?: string; query?: string; raw?: string } = {}) =>
    app.request(`/api/messages${opts.query ?? ''}`, {
      method: 'POST',
      body: opts.raw ?? JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...(opts.key ? { 'idempotency-key': opts.key } : {}) },
    });

  it('stores records mapped like a JSON file, analyses them in the request, and a re-post adds nothing', async () => {
    const res = await post(TICKET);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ inserted: 1, updated: 0, skipped: 0, analysed: 1, errors: [] });
    const page = await store.listMessages(WS, {}, 10);
    expect(page.items.map((m) => m.role).sort()).toEqual(['agent', 'customer']);
    const customer = page.items.find((m) => m.role === 'customer')!;
    expect(customer.analysis?.signals.churnIntent).toBe(true);
    expect(customer.customerRef).toBe('C-9');
    expect(customer.at.toISOString()).toBe('2026-11-19T09:00:00.000Z');

    const again = await post(TICKET);
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual({ inserted: 0, updated: 0, skipped: 1, analysed: 0, errors: [] });
    expect((await store.counts(WS)).messages).toBe(2);
  });

  it('takes one record, an array, or {"records": [...]}, and a thread with "messages"', async () => {
    expect(await (await post(THREAD)).json()).toMatchObject({ inserted: 1, analysed: 1 });
    const wrapped = await post({ records: [{ id: 'R-1', text: 'Great service, thank you!', date: '2026-11-18', nps: 10 }] });
    expect(await wrapped.json()).toMatchObject({ inserted: 1, errors: [] });
    const facts = await store.messageFacts(WS);
    expect(facts.map((f) => f.channel).sort()).toEqual(['chat', 'survey']);
    expect((await store.surveyFacts(WS)).map((s) => [s.kind, s.score])).toEqual([['nps', 10]]);
  });

  it('adds a new reply to a stored ticket (updated) and keys records by ?source=', async () => {
    await post(TICKET);
    const reply = { conversation_id: 'T-100', created_at: '2026-11-19T11:00:00Z', author_type: 'customer', body: 'Toujours rien, je veux un remboursement.' };
    expect(await (await post([...TICKET, reply])).json()).toMatchObject({ inserted: 0, updated: 1, analysed: 1 });
    // Another source with the same ids and texts is recognised as the same conversation.
    expect(await (await post(TICKET, { query: '?source=zendesk' })).json()).toMatchObject({ inserted: 0, skipped: 1 });
    // Another source with another text is another conversation.
    const other = [{ ...TICKET[0], body: 'Bonjour, ma box ne fonctionne plus depuis hier.' }];
    expect(await (await post(other, { query: '?source=zendesk' })).json()).toMatchObject({ inserted: 1 });
  });

  it('answers an exact replay of an Idempotency-Key with the first answer, and refuses the key with another body', async () => {
    const first = await post(TICKET, { key: 'batch-1' });
    expect(first.status).toBe(201);
    const body = await first.json();
    const replay = await post(TICKET, { key: 'batch-1' });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual(body);

    const reused = await post([THREAD], { key: 'batch-1' });
    expect(reused.status).toBe(422);
    const err = await reused.json();
    expect(err.error.code).toBe('bad_input');
    expect(err.error.message).toMatch(/Idempotency-Key "batch-1" was already used .* with a different body/);
    expect(err.error.message).toContain('new key');
    // Same body under another source is another batch too.
    expect((await post(TICKET, { key: 'batch-1', query: '?source=other' })).status).toBe(422);
    expect((await store.counts(WS)).conversations).toBe(1);
  });

  it('lists bad records by index, naming the field and the fix, and keeps the good ones', async () => {
    const res = await post([
      { id: 'A-1', text: 'Livraison parfaite, merci.', date: '2026-11-18' },
      { id: 'A-2', text: 'Colis perdu.', date: '31/31/2026' },
      'not a record',
      { id: 'A-4', customer: 'C-1' },
      { id: 'A-5', text: 'Note', nps: 42 },
      { id: 'A-6', text: 'Rappel', date: 'jean.dupont@example.com' },
    ]);
    expect(res.status).toBe(201);
    const out = await res.json();
    expect(out.inserted).toBe(1);
    expect(out.errors.map((e: { index: number }) => e.index)).toEqual([1, 2, 3, 4, 5]);
    expect(out.errors[0].message).toMatch(/^field "date": date "31\/31\/2026" is not readable: use YYYY-MM-DD/);
    expect(out.errors[1].message).toContain('is not a JSON object');
    expect(out.errors[2].message).toContain('neither "text" nor a score');
    expect(out.errors[3].message).toMatch(/field "nps".*42/);
    // A bad value is quoted, personal data redacted (the answer is stored with its key).
    expect(out.errors[4].message).toMatch(/^field "date"/);
    expect(JSON.stringify(out)).not.toContain('jean.dupont');
    expect((await store.messageFacts(WS)).map((f) => f.text)).toEqual(['Livraison parfaite, merci.']);
  });

  it('answers 422 when no record could be stored, and leaves the key free for the fixed batch', async () => {
    const bad = await post([{ id: 'B-1', text: 'x', date: 'yesterday-ish' }], { key: 'k-fix' });
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors[0]).toMatchObject({ index: 0 });
    const fixed = await post([{ id: 'B-1', text: 'Colis arrivé, merci.', date: '2026-11-18' }], { key: 'k-fix' });
    expect(fixed.status).toBe(201);
  });

  it('runs the alert rules on the analysed messages', async () => {
    await store.addRule(WS, { name: 'Churn', conditions: { churn: true } });
    expect(await (await post(TICKET)).json()).toMatchObject({ analysed: 1 });
    const alerts = await store.listAlerts(WS);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].ruleId).toBeDefined();
  });

  it('links the alerts it raises to the dashboard when the app knows its public address', async () => {
    const linked = createApp({ store, workspaceId: WS, model, clock: () => NOW, webDir: WEB, publicUrl: 'https://ecoute.example.com' });
    await store.addRule(WS, { name: 'Churn', conditions: { churn: true }, actions: [{ type: 'email', to: 'lea@example.com' }] });
    const res = await linked.request('/api/messages', { method: 'POST', body: JSON.stringify(TICKET), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(201);
    const [delivery] = await store.claimDueDeliveries(WS, NOW, { limit: 10, leaseMs: 60_000 });
    expect(JSON.parse(delivery.payload).text).toContain('https://ecoute.example.com');
  });

  it('refuses a body over the limit with 413 naming the limit', async () => {
    const big = 'x'.repeat(MAX_INGEST_BYTES + 10);
    const res = await post(null, { raw: JSON.stringify([{ text: big }]) });
    expect(res.status).toBe(413);
    const err = await res.json();
    expect(err.error.message).toContain(String(MAX_INGEST_BYTES));
    expect(err.error.details.maxBytes).toBe(MAX_INGEST_BYTES);
    const many = await post(Array.from({ length: MAX_INGEST_RECORDS + 1 }, (_, i) => ({ text: `m${i}` })));
    expect(many.status).toBe(413);
    expect((await many.json()).error.message).toContain(`over the limit of ${MAX_INGEST_RECORDS}`);
    expect((await store.counts(WS)).messages).toBe(0);
  });

  it.each([
    ['invalid JSON', '{not json', '', 'not valid JSON'],
    ['an empty body', '', '', 'body is empty'],
    ['an empty array', '[]', '', 'no records'],
    ['a number', '42', '', 'must be a JSON object'],
    ['records that are not an array', JSON.stringify({ records: 'x' }), '', '"records" must be an array'],
    ['a source with ":"', JSON.stringify(TICKET), '?source=a:b', 'Query parameter "source"'],
  ])('refuses %s with a 400 naming the fix', async (_label, raw, query, hint) => {
    const res = await post(null, { raw, query });
    expect(res.status).toBe(400);
    const err = await res.json();
    expect(err.error.code).toBe('usage');
    expect(err.error.message).toContain(hint);
  });

  it('refuses a malformed Idempotency-Key', async () => {
    const res = await post(TICKET, { key: 'has space' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain('Idempotency-Key');
  });

  it('stores without analysing when the server has no model', async () => {
    const bare = createApp({ store, workspaceId: WS, clock: () => NOW, webDir: WEB });
    const res = await bare.request('/api/messages', { method: 'POST', body: JSON.stringify(TICKET), headers: { 'content-type': 'application/json' } });
    expect(await res.json()).toMatchObject({ inserted: 1, analysed: 0 });
    expect(await store.pendingAnalysis(WS, model.version, 10)).toHaveLength(1);
  });
});
