/**
 * The effects of a delivery: POST a webhook with fetch, send an e-mail with nodemailer. Never throws
 * for a failed send: every outcome comes back as a SendResult for the pure policy to judge.
 */
import nodemailer from 'nodemailer';
import { buildEmailMessage } from '../../act/delivery/email-message.ts';
import type { SendResult } from '../../act/delivery/send-result.ts';
import { buildWebhookRequest } from '../../act/delivery/webhook-request.ts';
import type { ClaimedDelivery } from '../../core/delivery.ts';

/** Sends one claimed delivery and reports what happened. */
export interface DeliveryTransport {
  send(d: ClaimedDelivery): Promise<SendResult>;
  /** Releases the SMTP connection(s). */
  close(): void;
}

/** Where and how to send (from Config: SMTP_URL, MAIL_FROM). */
export interface TransportOptions {
  smtpUrl?: string;
  mailFrom: string;
  /** Longest wait for a receiver, connection to answer (default 10 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** Most characters of a receiver's answer kept for the attempt log. */
const MAX_BODY = 2000;

/** The useful part of a fetch failure: undici hides the cause ("connect ECONNREFUSED …") under "fetch failed". */
function networkResult(err: unknown, timeoutMs: number): SendResult {
  const e = err as { name?: string; message?: string; cause?: { message?: string; code?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return { kind: 'network', message: `no answer in ${timeoutMs} ms`, timedOut: true };
  const cause = e?.cause?.message ?? e?.cause?.code;
  return { kind: 'network', message: cause ? String(cause) : String(e?.message ?? err), timedOut: false };
}

async function postWebhook(d: ClaimedDelivery, fetchImpl: typeof fetch, timeoutMs: number): Promise<SendResult> {
  const built = buildWebhookRequest(d);
  if (!built.ok) return { kind: 'not-sent', permanent: true, message: built.error };
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    // Redirects are not followed: fetch would turn the POST into a GET on 301/302 and lose the alert.
    const res = await fetchImpl(built.request.url, { method: 'POST', headers: built.request.headers, body: built.request.body, redirect: 'manual', signal });
    const body = await res.text().catch(() => '');
    return { kind: 'http', status: res.status, statusText: res.statusText, retryAfter: res.headers.get('retry-after'), body: body.slice(0, MAX_BODY) };
  } catch (err) {
    return networkResult(err, timeoutMs);
  }
}

/** Creates the transport; the SMTP connection is opened per message (alerts are few), closed by close(). */
export function createDeliveryTransport(opts: TransportOptions): DeliveryTransport {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetchImpl = opts.fetch ?? fetch;
  const mailer = opts.smtpUrl
    ? nodemailer.createTransport({ url: opts.smtpUrl, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs * 3 })
    : null;

  async function sendEmail(d: ClaimedDelivery): Promise<SendResult> {
    const built = buildEmailMessage(d, opts.mailFrom);
    if (!built.ok) return { kind: 'not-sent', permanent: true, message: built.error };
    if (!mailer) {
      return { kind: 'not-sent', permanent: false, message: 'SMTP_URL is not set, so e-mail deliveries cannot be sent. Set SMTP_URL (smtp://user:pass@host:587) and MAIL_FROM; the e-mail waits and is retried meanwhile.' };
    }
    const m = built.message;
    try {
      const info = await mailer.sendMail({ from: m.from, to: m.to, subject: m.subject, text: m.text, messageId: m.messageId, headers: m.headers });
      return { kind: 'smtp-accepted', response: typeof info.response === 'string' ? info.response : null };
    } catch (err) {
      const e = err as { responseCode?: number; code?: string; message?: string };
      return { kind: 'smtp-error', responseCode: typeof e.responseCode === 'number' ? e.responseCode : null, code: e.code ?? null, message: String(e.message ?? err) };
    }
  }

  return {
    async send(d) {
      if (d.channel === 'webhook') return postWebhook(d, fetchImpl, timeoutMs);
      if (d.channel === 'email') return sendEmail(d);
      return { kind: 'not-sent', permanent: true, message: `Delivery ${d.id} has channel "${d.channel}"; only "email" and "webhook" are sent. The rule that wrote it needs fixing.` };
    },
    close() {
      mailer?.close();
    },
  };
}
