import { afterAll, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { ClaimedDelivery } from '../../src/core/delivery.ts';
import { InputError, NotFoundError } from '../../src/core/errors.ts';
import type { Database } from '../../src/store/db-types.ts';
import { INTERRUPTED_ERROR } from '../../src/store/outbox-queries.ts';
import type { Store } from '../../src/store/store.ts';
import { dialectSuite, type TestTarget } from './dialects.ts';
import { insertOutboxRow, openRawDb } from './outbox-rows.ts';

const T0 = new Date('2026-03-02T09:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const HOOK = 'https://hooks.example.test/services/T0/SECRET';
const LEASE = 30_000;

const raws: Kysely<Database>[] = [];
afterAll(async () => {
  await Promise.all(raws.map((r) => r.destroy()));
});

dialectSuite('delivery outbox', ({ dialect, open, target }) => {
  async function setup(): Promise<{ store: Store; raw: Kysely<Database>; t: TestTarget }> {
    const t = target();
    const store = await open(t);
    const raw = await openRawDb(t);
    raws.push(raw);
    return { store, raw, t };
  }
  const attemptsOf = (raw: Kysely<Database>, id: string) =>
    raw.selectFrom('delivery_attempts').selectAll().where('outbox_id', '=', id).orderBy('id').execute();
  const rowOf = (raw: Kysely<Database>, id: string) => raw.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('claims due pending deliveries of the workspace under a lease, once', async () => {
    const { store, raw } = await setup();
    await insertOutboxRow(raw, { id: 'a', destination: HOOK, createdAt: T0 });
    await insertOutboxRow(raw, { id: 'b', channel: 'email', destination: 'owner@example.test', createdAt: at(1) });
    await insertOutboxRow(raw, { id: 'later', destination: HOOK, createdAt: T0, nextAttemptAt: at(20_000) });
    await insertOutboxRow(raw, { id: 'other', workspaceId: 'w2', destination: HOOK, createdAt: T0 });

    const claimed = await store.claimDueDeliveries('w1', at(10), { limit: 10, leaseMs: LEASE });
    expect(claimed.map((c) => c.id)).toEqual(['a', 'b']);
    expect(claimed[0]).toEqual<ClaimedDelivery>({
      id: 'a', workspaceId: 'w1', channel: 'webhook', destination: HOOK, format: 'json',
      payload: JSON.stringify({ event: 'alert', alert: { id: 'alert-a' } }), idempotencyKey: 'rule-1:1:a:0',
      attempts: 0, leaseUntil: at(10).getTime() + LEASE, createdAt: T0,
    });
    expect(await rowOf(raw, 'a')).toMatchObject({ status: 'sending', lease_until: at(10).getTime() + LEASE, attempts: 0 });
    // Held: neither a second claim now nor one just before the lease ends takes them again.
    expect(await store.claimDueDeliveries('w1', at(20), { limit: 10, leaseMs: LEASE })).toEqual([]);
    expect((await store.claimDueDeliveries('w1', at(20_000), { limit: 5, leaseMs: LEASE })).map((c) => c.id)).toEqual(['later']);
    expect(await store.claimDueDeliveries('w1', at(10 + LEASE - 1), { limit: 10, leaseMs: LEASE })).toEqual([]);
    expect((await store.claimDueDeliveries('w2', at(10), { limit: 10, leaseMs: LEASE })).map((c) => c.id)).toEqual(['other']);
  });

  it('takes back a delivery whose sender died, logging and counting the interrupted try', async () => {
    const { store, raw } = await setup();
    await insertOutboxRow(raw, { id: 'x', destination: HOOK, createdAt: T0 });
    const [first] = await store.claimDueDeliveries('w1', T0, { limit: 5, leaseMs: LEASE });
    // The first sender never records anything; after the lease a second one takes it.
    const [again] = await store.claimDueDeliveries('w1', at(LEASE + 1), { limit: 5, leaseMs: LEASE });
    expect(again).toMatchObject({ id: 'x', attempts: 1, leaseUntil: at(LEASE + 1).getTime() + LEASE });
    expect(await attemptsOf(raw, 'x')).toMatchObject([{ outcome: 'retry', error: INTERRUPTED_ERROR, attempted_at: at(LEASE + 1).getTime() }]);
    // The dead sender's late record changes nothing: its lease is gone.
    const stale = await store.recordDeliveryAttempt({
      deliveryId: 'x', workspaceId: 'w1', destination: HOOK, leaseUntil: first.leaseUntil, at: at(LEASE + 2),
      outcome: 'retry', httpStatus: 503, error: 'late', durationMs: 5, next: { status: 'pending', nextAttemptAt: at(999_999) },
    });
    expect(stale).toBe(false);
    expect(await rowOf(raw, 'x')).toMatchObject({ status: 'sending', lease_until: again.leaseUntil });
    const done = await store.recordDeliveryAttempt({
      deliveryId: 'x', workspaceId: 'w1', destination: HOOK, leaseUntil: again.leaseUntil, at: at(LEASE + 3),
      outcome: 'delivered', httpStatus: 200, error: null, durationMs: 12, next: { status: 'delivered' },
    });
    expect(done).toBe(true);
    expect(await rowOf(raw, 'x')).toMatchObject({ status: 'delivered', attempts: 2, lease_until: null, last_error: null, delivered_at: at(LEASE + 3).getTime() });
    expect((await attemptsOf(raw, 'x')).map((a) => a.outcome)).toEqual(['retry', 'retry', 'delivered']);
  });

  it('never gives one delivery to two senders claiming at the same time', async () => {
    const { store, t, raw } = await setup();
    // PostgreSQL: two pools, truly concurrent. SQLite: one process writes through one connection (two
    // connections in one thread would wait on each other's lock synchronously); the claims still
    // interleave row by row, and the child-process test in test/runtime covers separate processes.
    const other = dialect === 'postgres' ? await open(t) : store;
    const ids = Array.from({ length: 24 }, (_, i) => `c${String(i).padStart(2, '0')}`);
    for (const id of ids) await insertOutboxRow(raw, { id, destination: HOOK, createdAt: T0 });
    const claims = await Promise.all([store, other, store, other].map((s) => s.claimDueDeliveries('w1', at(5), { limit: 24, leaseMs: LEASE })));
    const all = claims.flatMap((c) => c.map((d) => d.id));
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(ids);
  });

  it('records a retry and a final failure with their errors, and leaves the rate-limited try uncounted', async () => {
    const { store, raw } = await setup();
    await insertOutboxRow(raw, { id: 'r', destination: HOOK, createdAt: T0 });
    const [c1] = await store.claimDueDeliveries('w1', T0, { limit: 1, leaseMs: LEASE });
    await store.recordDeliveryAttempt({
      deliveryId: 'r', workspaceId: 'w1', destination: HOOK, leaseUntil: c1.leaseUntil, at: at(1), outcome: 'rate_limited',
      httpStatus: null, error: 'rate limited', durationMs: 0, next: { status: 'pending', nextAttemptAt: at(60_000) },
    });
    expect(await rowOf(raw, 'r')).toMatchObject({ status: 'pending', attempts: 0, next_attempt_at: at(60_000).getTime(), lease_until: null, last_error: 'rate limited' });
    const [c2] = await store.claimDueDeliveries('w1', at(60_000), { limit: 1, leaseMs: LEASE });
    await store.recordDeliveryAttempt({
      deliveryId: 'r', workspaceId: 'w1', destination: HOOK, leaseUntil: c2.leaseUntil, at: at(60_001), outcome: 'retry',
      httpStatus: 503, error: 'HTTP 503', durationMs: 40, next: { status: 'pending', nextAttemptAt: at(120_000) },
    });
    expect(await rowOf(raw, 'r')).toMatchObject({ status: 'pending', attempts: 1, next_attempt_at: at(120_000).getTime(), last_error: 'HTTP 503' });
    const [c3] = await store.claimDueDeliveries('w1', at(120_000), { limit: 1, leaseMs: LEASE });
    expect(c3.attempts).toBe(1);
    await store.recordDeliveryAttempt({
      deliveryId: 'r', workspaceId: 'w1', destination: HOOK, leaseUntil: c3.leaseUntil, at: at(120_001), outcome: 'failed',
      httpStatus: 404, error: 'HTTP 404: fix the URL', durationMs: 7, next: { status: 'failed' },
    });
    expect(await rowOf(raw, 'r')).toMatchObject({ status: 'failed', attempts: 2, last_error: 'HTTP 404: fix the URL', delivered_at: null });
    expect(await store.claimDueDeliveries('w1', at(999_999_999), { limit: 5, leaseMs: LEASE })).toEqual([]);
  });

  it('counts recent tries per destination, across workspaces, without rate-limit deferrals', async () => {
    const { store, raw } = await setup();
    const log = (destination: string, ms: number, outcome: string, workspace = 'w1') =>
      raw.insertInto('delivery_attempts').values({ outbox_id: 'o', workspace_id: workspace, destination, attempted_at: at(ms).getTime(), outcome, http_status: null, error: null, duration_ms: 0 }).execute();
    await log(HOOK, 0, 'delivered');
    await log(HOOK, 10_000, 'retry');
    await log(HOOK, 20_000, 'delivered', 'w2');
    await log(HOOK, 30_000, 'rate_limited');
    await log('b@example.test', 40_000, 'failed');
    const loads = await store.destinationLoads([HOOK, 'b@example.test', 'none@example.test', HOOK], at(5_000));
    expect(loads.get(HOOK)).toEqual({ count: 2, oldest: at(10_000) });
    expect(loads.get('b@example.test')).toEqual({ count: 1, oldest: at(40_000) });
    expect(loads.has('none@example.test')).toBe(false);
    expect((await store.destinationLoads([], T0)).size).toBe(0);
  });

  it('lists deliveries newest first with their attempts, hiding webhook secrets, filtered by status', async () => {
    const { store, raw } = await setup();
    await insertOutboxRow(raw, { id: 'old', destination: HOOK, createdAt: T0 });
    await insertOutboxRow(raw, { id: 'new', channel: 'email', destination: 'owner@example.test', createdAt: at(1000) });
    await insertOutboxRow(raw, { id: 'elsewhere', workspaceId: 'w2', destination: HOOK, createdAt: at(2000) });
    const [c] = await store.claimDueDeliveries('w1', at(500), { limit: 1, leaseMs: LEASE });
    await store.recordDeliveryAttempt({
      deliveryId: c.id, workspaceId: 'w1', destination: HOOK, leaseUntil: c.leaseUntil, at: at(600), outcome: 'failed',
      httpStatus: 410, error: 'HTTP 410', durationMs: 9, next: { status: 'failed' },
    });
    const all = await store.listDeliveries('w1');
    expect(all.map((d) => d.id)).toEqual(['new', 'old']);
    expect(all[1]).toMatchObject({
      id: 'old', channel: 'webhook', destination: 'https://hooks.example.test/…', status: 'failed', attempts: 1, lastError: 'HTTP 410',
      idempotencyKey: 'rule-1:1:old:0', alertId: 'alert-old', createdAt: T0, deliveredAt: null,
      attemptLog: [{ id: expect.any(String), at: at(600), outcome: 'failed', httpStatus: 410, error: 'HTTP 410', durationMs: 9 }],
    });
    expect(JSON.stringify(all)).not.toContain('SECRET');
    expect(all[0]).toMatchObject({ destination: 'owner@example.test', status: 'pending', attemptLog: [] });
    expect((await store.listDeliveries('w1', { status: 'failed' })).map((d) => d.id)).toEqual(['old']);
    expect((await store.listDeliveries('w1', { limit: 1 })).map((d) => d.id)).toEqual(['new']);
    expect(await store.listDeliveries('nobody')).toEqual([]);
  });

  it('sends a failed delivery again on request, and refuses anything else with the reason', async () => {
    const { store, raw } = await setup();
    await insertOutboxRow(raw, { id: 'f', destination: HOOK, createdAt: T0 });
    const [c] = await store.claimDueDeliveries('w1', T0, { limit: 1, leaseMs: LEASE });
    await store.recordDeliveryAttempt({
      deliveryId: 'f', workspaceId: 'w1', destination: HOOK, leaseUntil: c.leaseUntil, at: at(1), outcome: 'failed',
      httpStatus: 404, error: 'HTTP 404', durationMs: 1, next: { status: 'failed' },
    });
    const back = await store.retryDelivery('w1', 'f', at(5000));
    expect(back).toMatchObject({ id: 'f', status: 'pending', attempts: 0, nextAttemptAt: at(5000) });
    expect((await store.claimDueDeliveries('w1', at(5000), { limit: 1, leaseMs: LEASE })).map((d) => d.id)).toEqual(['f']);
    await expect(store.retryDelivery('w1', 'f', at(6000))).rejects.toThrow(InputError);
    await expect(store.retryDelivery('w1', 'f', at(6000))).rejects.toThrow(/is sending, not failed: only a failed delivery/);
    await expect(store.retryDelivery('w1', 'nope', at(6000))).rejects.toThrow(NotFoundError);
    await expect(store.retryDelivery('w2', 'f', at(6000))).rejects.toThrow(/ecoute deliver list/);
    expect(await attemptsOf(raw, 'f')).toHaveLength(1);
  });
});
