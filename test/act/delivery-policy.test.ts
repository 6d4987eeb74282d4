import { describe, expect, it } from 'vitest';
import { classifyOutcome, parseRetryAfter } from '../../src/act/delivery/classify-outcome.ts';
import { buildEmailMessage, messageIdLocalPart } from '../../src/act/delivery/email-message.ts';
import { nextStep } from '../../src/act/delivery/next-step.ts';
import { planRateLimit } from '../../src/act/delivery/rate-limit.ts';
import { redactDestination } from '../../src/act/delivery/redact-destination.ts';
import { DEFAULT_RETRY_POLICY, retryDelayMs } from '../../src/act/delivery/retry-policy.ts';
import { buildWebhookRequest } from '../../src/act/delivery/webhook-request.ts';

const NOW = new Date('2026-03-02T09:00:00Z');
const MIN = 60_000;
const http = (status: number, retryAfter: string | null = null, body = '') => ({ kind: 'http' as const, status, statusText: '', retryAfter, body });

describe('retry schedule', () => {
  it('doubles from 1 minute up to 6 hours, with a ±10% jitter fixed by the delivery id', () => {
    const delays = Array.from({ length: 12 }, (_, i) => retryDelayMs(i + 1, 'd-1'));
    const bases = [1, 2, 4, 8, 16, 32, 64, 128, 256, 360, 360, 360].map((m) => m * MIN);
    delays.forEach((d, i) => {
      expect(d, `attempt ${i + 1}`).toBeGreaterThanOrEqual(Math.round(bases[i] * 0.9));
      expect(d, `attempt ${i + 1}`).toBeLessThanOrEqual(Math.min(bases[i] * 1.1, 6 * 60 * MIN));
    });
    expect(retryDelayMs(3, 'd-1')).toBe(retryDelayMs(3, 'd-1'));
    const spread = new Set(Array.from({ length: 20 }, (_, i) => retryDelayMs(1, `d-${i}`)));
    expect(spread.size).toBeGreaterThan(10);
  });

  it('gives up after the configured number of tries, naming the command that sends again', () => {
    const retry = classifyOutcome(http(503), NOW, 'd-1');
    const ninth = nextStep(retry, 9, 'd-1', NOW);
    expect(ninth.outcome).toBe('retry');
    expect(ninth.next).toEqual({ status: 'pending', nextAttemptAt: new Date(NOW.getTime() + retryDelayMs(9, 'd-1')) });
    const tenth = nextStep(retry, 10, 'd-1', NOW);
    expect(tenth).toMatchObject({ outcome: 'failed', next: { status: 'failed' } });
    expect(tenth.error).toMatch(/Gave up after 10 tries.*ecoute deliver retry d-1/);
    expect(nextStep(retry, 3, 'd-1', NOW, { ...DEFAULT_RETRY_POLICY, maxAttempts: 3 }).outcome).toBe('failed');
  });
});

describe('outcome classification', () => {
  it('delivers on 2xx and accepted mail', () => {
    expect(classifyOutcome(http(200), NOW, 'x')).toEqual({ outcome: 'delivered', status: 200 });
    expect(classifyOutcome(http(204), NOW, 'x').outcome).toBe('delivered');
    expect(classifyOutcome({ kind: 'smtp-accepted', response: '250 OK' }, NOW, 'x').outcome).toBe('delivered');
  });

  it.each([408, 429, 500, 502, 503, 504])('retries HTTP %i', (status) => {
    expect(classifyOutcome(http(status), NOW, 'x').outcome).toBe('retry');
  });

  it('retries network failures and timeouts, saying which', () => {
    const refused = classifyOutcome({ kind: 'network', message: 'connect ECONNREFUSED 127.0.0.1:9', timedOut: false }, NOW, 'x');
    expect(refused).toMatchObject({ outcome: 'retry', status: null });
    expect(refused.outcome === 'retry' && refused.error).toMatch(/could not be reached.*ECONNREFUSED/);
    const slow = classifyOutcome({ kind: 'network', message: 'no answer in 10 s', timedOut: true }, NOW, 'x');
    expect(slow.outcome === 'retry' && slow.error).toMatch(/did not answer in time/);
  });

  it.each([
    [400, /format \(json, slack or teams\)/],
    [401, /token is wrong or was revoked/],
    [403, /token is wrong or was revoked/],
    [404, /no webhook at this URL/],
    [410, /no webhook at this URL/],
    [413, /too large/],
    [418, /refused the request/],
  ])('fails HTTP %i with the fix and the retry command', (status, fix) => {
    const c = classifyOutcome(http(status, null, '  invalid_payload \n'), NOW, 'del-7');
    expect(c.outcome).toBe('failed');
    const error = c.outcome === 'failed' ? c.error : '';
    expect(error).toMatch(fix);
    expect(error).toContain(`HTTP ${status}`);
    expect(error).toContain('(answer: "invalid_payload")');
    expect(error).toContain('`ecoute deliver retry del-7`');
  });

  it('fails an unfollowed redirect', () => {
    expect(classifyOutcome(http(301), NOW, 'x')).toMatchObject({ outcome: 'failed', error: expect.stringMatching(/redirect.*final URL/) });
  });

  it('honours Retry-After in seconds or as a date, bounded by the longest delay', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(new Date(NOW.getTime() + 30 * MIN).toUTCString(), NOW)).toBe(30 * MIN);
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRetryAfter(null, NOW)).toBeNull();
    const later = nextStep(classifyOutcome(http(429, '900'), NOW, 'd'), 1, 'd', NOW);
    expect(later.next).toEqual({ status: 'pending', nextAttemptAt: new Date(NOW.getTime() + 900_000) });
    // Shorter than the backoff: the backoff wins (never earlier than the receiver asked).
    const backoff = nextStep(classifyOutcome(http(429, '1'), NOW, 'd'), 1, 'd', NOW);
    expect(backoff.next).toEqual({ status: 'pending', nextAttemptAt: new Date(NOW.getTime() + retryDelayMs(1, 'd')) });
    const capped = nextStep(classifyOutcome(http(503, String(7 * 24 * 3600)), NOW, 'd'), 1, 'd', NOW);
    expect(capped.next).toEqual({ status: 'pending', nextAttemptAt: new Date(NOW.getTime() + DEFAULT_RETRY_POLICY.maxDelayMs) });
  });

  it('splits SMTP errors into permanent refusals and transient failures', () => {
    const refused = classifyOutcome({ kind: 'smtp-error', responseCode: 550, code: 'EENVELOPE', message: 'mailbox unavailable' }, NOW, 'm-1');
    expect(refused).toMatchObject({ outcome: 'failed', status: 550 });
    expect(refused.outcome === 'failed' && refused.error).toMatch(/refused the message \(SMTP 550\).*e-mail address.*ecoute deliver retry m-1/);
    expect(classifyOutcome({ kind: 'smtp-error', responseCode: null, code: 'EENVELOPE', message: 'No recipients' }, NOW, 'm').outcome).toBe('failed');
    expect(classifyOutcome({ kind: 'smtp-error', responseCode: 451, code: 'EMESSAGE', message: 'try later' }, NOW, 'm').outcome).toBe('retry');
    expect(classifyOutcome({ kind: 'smtp-error', responseCode: 503, code: 'EPROTOCOL', message: 'bad sequence' }, NOW, 'm').outcome).toBe('retry');
    const auth = classifyOutcome({ kind: 'smtp-error', responseCode: 535, code: 'EAUTH', message: 'bad credentials' }, NOW, 'm');
    // 535 is a 5xx: the server refuses this login for good until someone fixes SMTP_URL.
    expect(auth.outcome).toBe('failed');
    const noAuth = classifyOutcome({ kind: 'smtp-error', responseCode: null, code: 'EAUTH', message: 'login failed' }, NOW, 'm');
    expect(noAuth.outcome === 'retry' && noAuth.error).toMatch(/user and password in SMTP_URL/);
    const down = classifyOutcome({ kind: 'smtp-error', responseCode: null, code: 'ECONNECTION', message: 'connect ECONNREFUSED' }, NOW, 'm');
    expect(down.outcome === 'retry' && down.error).toMatch(/SMTP_URL is up/);
  });

  it('fails what cannot be sent as stored, and retries what our configuration lacks', () => {
    expect(classifyOutcome({ kind: 'not-sent', permanent: true, message: 'bad URL' }, NOW, 'x')).toEqual({ outcome: 'failed', status: null, error: 'bad URL' });
    expect(classifyOutcome({ kind: 'not-sent', permanent: false, message: 'no SMTP_URL' }, NOW, 'x').outcome).toBe('retry');
  });
});

describe('rate limit per destination', () => {
  const A = 'https://hooks.example/a';
  const B = 'mailto-b@example.com';
  const batch = ['1', '2', '3', '4'].map((id, i) => ({ id, destination: i < 3 ? A : B }));

  it('sends what the window still allows and defers the rest until the oldest try leaves it', () => {
    const oldest = new Date(NOW.getTime() - 50_000);
    const plan = planRateLimit(batch, new Map([[A, { count: 1, oldest }]]), { perWindow: 2, windowMs: 60_000 }, NOW);
    expect(plan.get('1')).toEqual({ send: true });
    expect(plan.get('2')).toEqual({ send: false, retryAt: new Date(oldest.getTime() + 60_000) });
    expect(plan.get('3')).toEqual({ send: false, retryAt: new Date(oldest.getTime() + 60_000) });
    expect(plan.get('4')).toEqual({ send: true });
  });

  it('defers a whole window when the batch alone fills it, and never into the past', () => {
    const plan = planRateLimit(batch, new Map(), { perWindow: 1, windowMs: 60_000 }, NOW);
    expect([...plan.values()].filter((d) => d.send)).toHaveLength(2);
    expect(plan.get('2')).toEqual({ send: false, retryAt: new Date(NOW.getTime() + 60_000) });
    const stale = planRateLimit(batch.slice(0, 1), new Map([[A, { count: 5, oldest: new Date(NOW.getTime() - 60_000) }]]), { perWindow: 5, windowMs: 60_000 }, NOW);
    expect(stale.get('1')).toEqual({ send: false, retryAt: new Date(NOW.getTime() + 1000) });
  });

  it('has no limit at 0', () => {
    const plan = planRateLimit(batch, new Map([[A, { count: 99, oldest: NOW }]]), { perWindow: 0, windowMs: 60_000 }, NOW);
    expect([...plan.values()].every((d) => d.send)).toBe(true);
  });
});

describe('e-mail message', () => {
  const d = { id: 'o-1', destination: 'owner@example.com', payload: JSON.stringify({ subject: 'Alerte : client en colère\r\nBcc: x@evil', text: 'Bonjour' }), idempotencyKey: 'rule-1:2:345:0' };

  it('takes subject and text from the payload, with Message-ID and header from the idempotency key', () => {
    const built = buildEmailMessage(d, 'Écoute <ecoute@acme.example>');
    expect(built).toEqual({
      ok: true,
      message: {
        from: 'Écoute <ecoute@acme.example>',
        to: 'owner@example.com',
        subject: 'Alerte : client en colère Bcc: x@evil',
        text: 'Bonjour',
        messageId: '<rule-1=3A2=3A345=3A0@acme.example>',
        headers: { 'X-Ecoute-Idempotency-Key': 'rule-1:2:345:0' },
      },
    });
    expect(buildEmailMessage(d, 'ecoute').ok && (buildEmailMessage(d, 'ecoute') as { message: { messageId: string } }).message.messageId).toMatch(/@ecoute\.local>$/);
  });

  it('keeps distinct keys distinct in the Message-ID', () => {
    expect(messageIdLocalPart('a:b')).not.toBe(messageIdLocalPart('a.b'));
    expect(messageIdLocalPart('a:b')).not.toBe(messageIdLocalPart('a=3Ab'));
    expect(messageIdLocalPart('règle')).toBe('r=C3=A8gle');
  });

  it('refuses a bad address or payload, naming the fix', () => {
    expect(buildEmailMessage({ ...d, destination: 'not an address' }, 'a@b.c')).toEqual({ ok: false, error: expect.stringMatching(/not an address.*owner@example\.com/) });
    expect(buildEmailMessage({ ...d, payload: '{"text":"x"}' }, 'a@b.c')).toEqual({ ok: false, error: expect.stringMatching(/not \{"subject", "text"\}/) });
    expect(buildEmailMessage({ ...d, payload: 'nope' }, 'a@b.c').ok).toBe(false);
  });
});

describe('webhook request', () => {
  const d = { id: 'w-1', destination: 'https://hooks.slack.example/services/T0/B0/SECRET', payload: '{"text":"hi"}', idempotencyKey: 'r:1:2:0' };

  it('posts the payload as stored with the idempotency key', () => {
    expect(buildWebhookRequest(d)).toEqual({
      ok: true,
      request: { url: d.destination, body: '{"text":"hi"}', headers: { 'content-type': 'application/json', 'idempotency-key': 'r:1:2:0', 'user-agent': 'Ecoute-Delivery/1' } },
    });
  });

  it('refuses a non-http URL or a payload that is not JSON', () => {
    expect(buildWebhookRequest({ ...d, destination: 'ftp://x.example/' })).toEqual({ ok: false, error: expect.stringMatching(/ftp:.*http\(s\) URL/) });
    expect(buildWebhookRequest({ ...d, destination: 'hooks' })).toEqual({ ok: false, error: expect.stringMatching(/not a URL/) });
    expect(buildWebhookRequest({ ...d, payload: '{' })).toEqual({ ok: false, error: expect.stringMatching(/not valid JSON/) });
  });

  it('hides the secret part of webhook URLs when shown', () => {
    expect(redactDestination('webhook', d.destination)).toBe('https://hooks.slack.example/…');
    expect(redactDestination('webhook', 'https://user:pw@h.example:8443/')).toBe('https://h.example:8443/');
    expect(redactDestination('webhook', 'garbage')).toBe('(invalid URL)');
    expect(redactDestination('email', 'a@b.example')).toBe('a@b.example');
  });
});
