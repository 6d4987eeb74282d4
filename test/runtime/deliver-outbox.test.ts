import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, retryDelayMs } from '../../src/act/delivery/retry-policy.ts';
import { createDeliveryTransport, type DeliveryTransport, type TransportOptions } from '../../src/runtime/act/delivery-transport.ts';
import { deliverOutbox, startDeliveryLoop, type DeliveryReport } from '../../src/runtime/act/deliver-outbox.ts';
import type { Database } from '../../src/store/db-types.ts';
import type { Store } from '../../src/store/store.ts';
import { startSmtp, type SmtpReceiver } from '../setup/smtp-receiver.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../setup/webhook-receiver.ts';
import { dialectSuite, type TestTarget } from '../store/dialects.ts';
import { insertOutboxRow, openRawDb } from '../store/outbox-rows.ts';

const CHILD = fileURLToPath(new URL('./deliver-child.ts', import.meta.url));
const T0 = new Date('2026-03-02T09:00:00Z');
const MIN = 60_000;

/** A clock the test moves by hand. */
function manualClock(start: Date) {
  let now = start;
  return { clock: () => now, set: (d: Date | number) => (now = new Date(d)), at: (ms: number) => new Date(start.getTime() + ms) };
}

const ids = (lines: { id: string }[]) => lines.map((l) => l.id).sort();
const keysSeen = (hook: WebhookReceiver) => hook.requests.map((r) => String(r.headers['idempotency-key']));

const raws: Kysely<Database>[] = [];
const transports: DeliveryTransport[] = [];
afterAll(async () => {
  await Promise.all(raws.map((r) => r.destroy()));
});

/**
 * Runs deliver-child.ts until it has claimed (and, after-send, sent) and blocks; SIGKILLs it; returns
 * the ids it claimed. With `go`, the child claims only once `go` resolves (after it said it is ready).
 */
function runChild(t: TestTarget, mode: string, leaseMs: number, go?: { ready: () => void; start: Promise<void> }): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const args = ['--import', 'tsx', CHILD, t.url, t.schema ?? '', 'w1', mode, String(leaseMs), ...(go ? ['wait'] : [])];
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += String(d)));
    child.stdout.on('data', (d) => {
      out += String(d);
      if (go && out.startsWith('ready\n') && !out.includes('claimed')) {
        go.ready();
        void go.start.then(() => child.stdin.write('go\n'));
      }
      if (out.includes('blocked')) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`child exited ${code}: ${err}`));
      resolve((/^claimed (.*)$/m.exec(out)?.[1] ?? '').split(',').filter(Boolean));
    });
  });
}

dialectSuite('outbox delivery', ({ open, target }) => {
  let hook: WebhookReceiver;
  let smtp: SmtpReceiver;
  beforeEach(async () => {
    hook = await startWebhookReceiver();
    smtp = await startSmtp();
  });
  afterEach(async () => {
    for (const t of transports.splice(0)) t.close();
    await hook.stop();
    await smtp.close();
  });

  async function setup(): Promise<{ store: Store; raw: Kysely<Database>; t: TestTarget }> {
    const t = target();
    const store = await open(t);
    const raw = await openRawDb(t);
    raws.push(raw);
    return { store, raw, t };
  }
  function transport(opts: Partial<TransportOptions> = {}): DeliveryTransport {
    const tr = createDeliveryTransport({ smtpUrl: smtp.url, mailFrom: 'Écoute <ecoute@acme.example>', timeoutMs: 3000, ...opts });
    transports.push(tr);
    return tr;
  }

  it('delivers a webhook and an e-mail once, each carrying the idempotency key', async () => {
    const { store, raw } = await setup();
    const slack = { text: 'Client en colère : facture', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Facture*' } }] };
    await insertOutboxRow(raw, { id: 'hook-1', destination: hook.url, format: 'slack', payload: slack, idempotencyKey: 'rule-a:3:42:0', createdAt: T0 });
    await insertOutboxRow(raw, { id: 'mail-1', channel: 'email', destination: 'owner@acme.example', payload: { subject: 'Alerte : client à rappeler', text: 'Bonjour,\nUn client attend.' }, idempotencyKey: 'rule-a:3:42:1', createdAt: T0 });
    const { clock } = manualClock(T0);

    const report = await deliverOutbox(store, transport(), clock, { workspaceId: 'w1' });
    expect(ids(report.delivered)).toEqual(['hook-1', 'mail-1']);
    expect(report.retried.length + report.failed.length + report.deferred.length + report.lost.length).toBe(0);
    expect(report.delivered.find((l) => l.id === 'hook-1')).toMatchObject({ destination: `http://127.0.0.1:${hook.port}/…`, attempt: 1, httpStatus: 200 });

    expect(hook.requests).toHaveLength(1);
    const [req] = hook.requests;
    expect(req).toMatchObject({ method: 'POST', path: '/hooks/T000/B000/SECRET', body: JSON.stringify(slack) });
    expect(req.headers['idempotency-key']).toBe('rule-a:3:42:0');
    expect(req.headers['content-type']).toBe('application/json');

    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0];
    expect(mail.to).toEqual(['RCPT TO:<owner@acme.example>']);
    expect(mail.from).toContain('<ecoute@acme.example>');
    expect(mail.data).toMatch(/^Message-ID: <rule-a=3A3=3A42=3A1@acme\.example>$/m);
    expect(mail.data).toMatch(/^X-Ecoute-Idempotency-Key: rule-a:3:42:1$/m);
    expect(mail.data).toMatch(/^Subject: /m);

    const listed = await store.listDeliveries('w1');
    expect(listed.map((d) => [d.id, d.status, d.attempts, d.attemptLog.map((a) => [a.outcome, a.httpStatus])])).toEqual([
      ['mail-1', 'delivered', 1, [['delivered', null]]],
      ['hook-1', 'delivered', 1, [['delivered', 200]]],
    ]);
    // Nothing is due any more: a second pass sends nothing.
    expect((await deliverOutbox(store, transport(), clock, { workspaceId: 'w1' })).delivered).toEqual([]);
    expect(hook.requests).toHaveLength(1);
    expect(smtp.mails).toHaveLength(1);
  });

  it('keeps deliveries through receivers that are down, retrying on the backoff schedule until they are back', async () => {
    const { store, raw } = await setup();
    await insertOutboxRow(raw, { id: 'h', destination: hook.url, createdAt: T0 });
    await insertOutboxRow(raw, { id: 'm', channel: 'email', destination: 'owner@acme.example', createdAt: T0 });
    const c = manualClock(T0);
    await hook.stop();
    const smtpPort = smtp.port;
    await smtp.close();

    const down = await deliverOutbox(store, transport(), c.clock, { workspaceId: 'w1' });
    expect(ids(down.retried)).toEqual(['h', 'm']);
    const h1 = down.retried.find((l) => l.id === 'h')!;
    expect(h1.error).toMatch(/could not be reached \(.*ECONNREFUSED.*\)\.$/);
    expect(h1.nextAttemptAt).toEqual(new Date(T0.getTime() + retryDelayMs(1, 'h')));
    expect(down.retried.find((l) => l.id === 'm')!.error).toMatch(/Sending the e-mail failed.*SMTP_URL is up/);

    // Not due yet: nothing is tried before the backoff delay.
    c.set(T0.getTime() + 30_000);
    expect(await deliverOutbox(store, transport(), c.clock, { workspaceId: 'w1' })).toMatchObject({ delivered: [], retried: [], failed: [] });

    // Back, but overloaded: 503 with Retry-After 10 min, longer than the 2-minute backoff.
    await hook.start();
    smtp = await startSmtp({ port: smtpPort });
    hook.respond = () => ({ status: 503, headers: { 'retry-after': '600' }, body: 'busy' });
    c.set(h1.nextAttemptAt!);
    const busy = await deliverOutbox(store, transport(), c.clock, { workspaceId: 'w1' });
    expect(busy.retried.map((l) => [l.id, l.httpStatus, l.nextAttemptAt])).toEqual([['h', 503, new Date(h1.nextAttemptAt!.getTime() + 600_000)]]);
    expect(busy.delivered.map((l) => l.id)).toEqual(['m']);

    hook.respond = () => ({ status: 202 });
    c.set(busy.retried[0].nextAttemptAt!);
    const back = await deliverOutbox(store, transport(), c.clock, { workspaceId: 'w1' });
    expect(back.delivered.map((l) => [l.id, l.attempt])).toEqual([['h', 3]]);

    expect(keysSeen(hook)).toEqual(['rule-1:1:h:0', 'rule-1:1:h:0']);
    expect(smtp.mails).toHaveLength(1);
    const [m, h] = await store.listDeliveries('w1');
    expect(h.attemptLog.map((a) => [a.outcome, a.httpStatus])).toEqual([['retry', null], ['retry', 503], ['delivered', 202]]);
    expect(h.attemptLog[1].error).toContain('HTTP 503');
    expect(m.attemptLog.map((a) => a.outcome)).toEqual(['retry', 'delivered']);
    expect(h).toMatchObject({ status: 'delivered', attempts: 3, lastError: null, deliveredAt: c.clock() });
  });

  it('fails a 4xx at once with the fix, tries no more, and sends it again on request', async () => {
    const { store, raw } = await setup();
    await insertOutboxRow(raw, { id: 'gone', destination: hook.url, createdAt: T0 });
    const c = manualClock(T0);
    hook.respond = () => ({ status: 404, body: 'no_service' });
    const report = await deliverOutbox(store, transport(), c.clock, { workspaceId: 'w1' });
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0].error).toMatch(/HTTP 404.*"no_service".*no webhook at this URL.*put the current URL in the rule.*`ecoute deliver retry gone`/);
    c.set(T0.getTime() + 24 * 3_600_000);
    expect((await deliverOutbox(store, transport(), c.clock, { workspaceId: 'w1' })).failed).toEqual([]);
    expect(hook.requests).toHaveLength(1);
    expect((await store.listDeliveries('w1', { status: 'failed' })).map((d) => d.id)).toEqual(['gone']);

    hook.respond = () => ({ status: 200 });
    await store.retryDelivery('w1', 'gone', c.clock());
    expect((await deliverOutbox(store, transport(), c.clock, { workspaceId: 'w1' })).delivered.map((l) => l.id)).toEqual(['gone']);
    expect(keysSeen(hook)).toEqual(['rule-1:1:gone:0', 'rule-1:1:gone:0']);
  });

  it('gives up after the configured number of tries, naming the command to send again', async () => {
    const { store, raw } = await setup();
    await insertOutboxRow(raw, { id: 'flaky', destination: hook.url, createdAt: T0 });
    const c = manualClock(T0);
    hook.respond = () => ({ status: 500 });
    const retry = { ...DEFAULT_RETRY_POLICY, maxAttempts: 3 };
    const outcomes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await deliverOutbox(store, transport(), c.clock, { workspaceId: 'w1', retry });
      outcomes.push(...r.retried.map(() => 'retry'), ...r.failed.map(() => 'failed'));
      if (r.retried[0]) c.set(r.retried[0].nextAttemptAt!);
    }
    expect(outcomes).toEqual(['retry', 'retry', 'failed']);
    const [d] = await store.listDeliveries('w1');
    expect(d).toMatchObject({ status: 'failed', attempts: 3 });
    expect(d.lastError).toMatch(/HTTP 500.*Gave up after 3 tries.*ecoute deliver retry flaky/);
    expect(hook.requests).toHaveLength(3);
  });

  it('stops resending a delivery whose senders keep dying once its tries are used up', async () => {
    const { store, raw } = await setup();
    await insertOutboxRow(raw, { id: 'poison', destination: hook.url, createdAt: T0 });
    const retry = { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 };
    // A sender claims it and dies without recording (the lease runs out).
    await store.claimDueDeliveries('w1', T0, { limit: 1, leaseMs: 1000 });
    const report = await deliverOutbox(store, transport(), manualClock(new Date(T0.getTime() + 2000)).clock, { workspaceId: 'w1', retry });
    expect(report.failed.map((l) => l.id)).toEqual(['poison']);
    expect(report.failed[0].error).toMatch(/Gave up after 1 try, the last interrupted.*ecoute deliver retry poison/);
    expect(hook.requests).toEqual([]);
    const [d] = await store.listDeliveries('w1');
    expect(d.attemptLog.map((a) => a.outcome)).toEqual(['retry', 'failed']);
  });

  it('retries a receiver that does not answer in time', async () => {
    const { store, raw } = await setup();
    await insertOutboxRow(raw, { id: 'slow', destination: hook.url, createdAt: T0 });
    hook.respond = () => 'hang';
    const report = await deliverOutbox(store, transport({ timeoutMs: 300 }), manualClock(T0).clock, { workspaceId: 'w1' });
    expect(report.retried.map((l) => l.id)).toEqual(['slow']);
    expect(report.retried[0].error).toMatch(/did not answer in time \(no answer in 300 ms\)/);
  });

  it('respects the rate limit per destination, deferring the rest without counting them as tries', async () => {
    const { store, raw } = await setup();
    for (let i = 1; i <= 5; i++) await insertOutboxRow(raw, { id: `r${i}`, destination: hook.url, createdAt: new Date(T0.getTime() + i) });
    await insertOutboxRow(raw, { id: 'other', destination: `${hook.url}/other`, createdAt: T0 });
    const c = manualClock(new Date(T0.getTime() + 10));
    const rateLimit = { perWindow: 2, windowMs: MIN };

    const first = await deliverOutbox(store, transport(), c.clock, { workspaceId: 'w1', rateLimit });
    expect(ids(first.delivered)).toEqual(['other', 'r1', 'r2']);
    expect(ids(first.deferred)).toEqual(['r3', 'r4', 'r5']);
    const frees = first.deferred[0].nextAttemptAt!;
    expect(frees).toEqual(new Date(c.clock().getTime() + MIN));
    expect(first.deferred[0].error).toMatch(/Rate limit reached for this destination \(2 per 60 s\)/);
    expect(hook.requests).toHaveLength(3);

    c.set(frees.getTime() - 1000);
    expect((await deliverOutbox(store, transport(), c.clock, { workspaceId: 'w1', rateLimit })).delivered).toEqual([]);
    c.set(frees);
    const second = await deliverOutbox(store, transport(), c.clock, { workspaceId: 'w1', rateLimit });
    expect(ids(second.delivered)).toEqual(['r3', 'r4']);
    expect(ids(second.deferred)).toEqual(['r5']);
    c.set(second.deferred[0].nextAttemptAt!);
    expect(ids((await deliverOutbox(store, transport(), c.clock, { workspaceId: 'w1', rateLimit })).delivered)).toEqual(['r5']);

    expect(hook.requests).toHaveLength(6);
    const r5 = (await store.listDeliveries('w1')).find((d) => d.id === 'r5')!;
    expect(r5).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(r5.attemptLog.map((a) => a.outcome)).toEqual(['rate_limited', 'rate_limited', 'delivered']);
  });

  it('fails an e-mail the server refuses, and keeps e-mails waiting while SMTP_URL is unset', async () => {
    const { store, raw } = await setup();
    await smtp.close();
    smtp = await startSmtp({ rejectRecipient: (line) => line.includes('nobody@') });
    await insertOutboxRow(raw, { id: 'bad', channel: 'email', destination: 'nobody@acme.example', createdAt: T0 });
    const refused = await deliverOutbox(store, transport(), manualClock(T0).clock, { workspaceId: 'w1' });
    expect(refused.failed.map((l) => [l.id, l.httpStatus])).toEqual([['bad', 550]]);
    expect(refused.failed[0].error).toMatch(/mail server refused the message \(SMTP 550\).*Check the rule's e-mail address/);

    await insertOutboxRow(raw, { id: 'wait', channel: 'email', destination: 'owner@acme.example', createdAt: T0 });
    const unset = await deliverOutbox(store, transport({ smtpUrl: undefined }), manualClock(T0).clock, { workspaceId: 'w1' });
    expect(unset.retried.map((l) => l.id)).toEqual(['wait']);
    expect(unset.retried[0].error).toMatch(/SMTP_URL is not set.*Set SMTP_URL/);
    expect(smtp.mails).toEqual([]);
  });

  it.each(['after-send', 'before-send'])('loses nothing when the sender is killed mid-delivery (%s), resending only under the same key', async (mode) => {
    const { store, raw, t } = await setup();
    const created = new Date();
    for (const id of ['k1', 'k2', 'k3']) await insertOutboxRow(raw, { id, destination: hook.url, createdAt: created });
    const LEASE = 60_000;
    await runChild(t, mode, LEASE);
    expect(hook.requests).toHaveLength(mode === 'after-send' ? 3 : 0);
    expect((await store.listDeliveries('w1')).map((d) => d.status)).toEqual(['sending', 'sending', 'sending']);

    // While the dead sender's lease runs, nobody sends its deliveries again.
    expect(await deliverOutbox(store, transport(), () => new Date(), { workspaceId: 'w1' })).toMatchObject({ delivered: [], retried: [] });
    // Once it has expired, the next pass delivers all of them.
    const later = () => new Date(Date.now() + LEASE + 1000);
    const report = await deliverOutbox(store, transport(), later, { workspaceId: 'w1' });
    expect(ids(report.delivered)).toEqual(['k1', 'k2', 'k3']);

    const counts = new Map<string, number>();
    for (const k of keysSeen(hook)) counts.set(k, (counts.get(k) ?? 0) + 1);
    const copies = mode === 'after-send' ? 2 : 1;
    expect([...counts.entries()].sort()).toEqual([['rule-1:1:k1:0', copies], ['rule-1:1:k2:0', copies], ['rule-1:1:k3:0', copies]]);
    for (const d of await store.listDeliveries('w1')) {
      expect(d).toMatchObject({ status: 'delivered', attempts: 2 });
      expect(d.attemptLog.map((a) => a.outcome)).toEqual(['retry', 'delivered']);
      expect(d.attemptLog[0].error).toMatch(/stopped before recording the outcome/);
    }
  });

  it('never gives one delivery to two senders in separate processes claiming at the same moment', async () => {
    const { store, raw, t } = await setup();
    const all = Array.from({ length: 120 }, (_, i) => `p${String(i).padStart(3, '0')}`);
    const created = new Date();
    for (const id of all) await insertOutboxRow(raw, { id, destination: hook.url, createdAt: created });
    // The children open their store one after the other (opening is not what is tested), say they
    // are ready, and are told to claim at the same moment.
    let start!: () => void;
    const started = new Promise<void>((r) => (start = r));
    let firstReady!: () => void;
    const first = runChild(t, 'before-send', 60_000, { ready: () => firstReady(), start: started });
    // (A child that dies before it is ready fails the test at once, with its stderr.)
    await Promise.race([new Promise<void>((r) => (firstReady = r)), first.then(() => Promise.reject(new Error('first child ended before it was ready')))]);
    const second = runChild(t, 'before-send', 60_000, { ready: () => start(), start: started });
    const [a, b] = await Promise.all([first, second]);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    expect([...a, ...b].sort()).toEqual(all);
    expect((await store.listDeliveries('w1', { status: 'sending', limit: 1000 })).length).toBe(all.length);
  });

  it('runs passes in a loop until stopped, and stops cleanly', async () => {
    const { store, raw } = await setup();
    const reports: DeliveryReport[] = [];
    const stop = startDeliveryLoop({ store, clock: () => new Date(), interval: 50, transport: transport(), workspaceId: 'w1', onReport: (r) => reports.push(r) });
    await insertOutboxRow(raw, { id: 'loop-1', destination: hook.url, createdAt: new Date() });
    const deadline = Date.now() + 10_000;
    while (hook.requests.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    await stop();
    expect(keysSeen(hook)).toEqual(['rule-1:1:loop-1:0']);
    expect(reports.flatMap((r) => r.delivered.map((l) => l.id))).toEqual(['loop-1']);
    await insertOutboxRow(raw, { id: 'loop-2', destination: hook.url, createdAt: new Date() });
    await new Promise((r) => setTimeout(r, 200));
    expect(hook.requests).toHaveLength(1);
  });
});
