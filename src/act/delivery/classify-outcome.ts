import type { SendResult } from './send-result.ts';

/** A send result judged: delivered, worth another try (maybe not before `retryAfterMs`), or hopeless. */
export type Classified =
  | { outcome: 'delivered'; status: number | null }
  | { outcome: 'retry'; status: number | null; error: string; retryAfterMs: number | null }
  | { outcome: 'failed'; status: number | null; error: string };

/** Most characters of a receiver's answer quoted in an error (Slack says e.g. "invalid_payload"). */
const BODY_QUOTE = 200;

function quote(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat === '') return '';
  return ` (answer: "${flat.length > BODY_QUOTE ? `${flat.slice(0, BODY_QUOTE)}…` : flat}")`;
}

/** The fix for a 4xx a retry would get again: names what to change. */
function clientErrorFix(status: number): string {
  if (status === 401 || status === 403) return 'the receiver refused our credentials: the webhook URL or its token is wrong or was revoked; put a valid URL in the rule';
  if (status === 404 || status === 410) return 'there is no webhook at this URL (deleted, or mistyped): put the current URL in the rule';
  if (status === 400 || status === 422) return "the receiver rejected the body: check that the rule's webhook format (json, slack or teams) is the one this receiver expects";
  if (status === 413) return 'the body is too large for the receiver: shorten the rule’s message or use the json format';
  return 'the receiver refused the request; check the rule’s webhook URL and format';
}

/**
 * Parses a Retry-After header (delay in seconds, or an HTTP date) into milliseconds from `now`;
 * null when absent or unreadable (the backoff schedule then applies alone).
 */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}

/**
 * Judges one send: 2xx delivered; 408, 429, 5xx and network failures retried (honouring Retry-After);
 * other HTTP statuses failed, with a message that names the fix. For e-mail, SMTP 5xx replies (but 503,
 * a session hiccup) and envelope errors are permanent, the rest (4xx, connection, timeouts,
 * authentication, which an administrator fixes on our side) transient. Messages name `deliveryId` in the
 * command that sends it again.
 */
export function classifyOutcome(result: SendResult, now: Date, deliveryId: string): Classified {
  const retryCommand = `\`ecoute deliver retry ${deliveryId}\``;
  switch (result.kind) {
    case 'http': {
      const s = result.status;
      if (s >= 200 && s < 300) return { outcome: 'delivered', status: s };
      const label = `HTTP ${s}${result.statusText ? ` ${result.statusText}` : ''}${quote(result.body)}`;
      if (s === 408 || s === 429 || s >= 500) {
        return { outcome: 'retry', status: s, error: `The receiver answered ${label}.`, retryAfterMs: parseRetryAfter(result.retryAfter, now) };
      }
      if (s >= 300 && s < 400) {
        return { outcome: 'failed', status: s, error: `The receiver answered ${label}, a redirect that was not followed: put the final URL in the rule.` };
      }
      return { outcome: 'failed', status: s, error: `The receiver answered ${label}: ${clientErrorFix(s)}, then run ${retryCommand}.` };
    }
    case 'smtp-accepted':
      return { outcome: 'delivered', status: null };
    case 'smtp-error': {
      const code = result.responseCode;
      const reply = code === null ? '' : ` (SMTP ${code})`;
      if ((code !== null && code >= 500 && code < 600 && code !== 503) || (code === null && result.code === 'EENVELOPE')) {
        return { outcome: 'failed', status: code, error: `The mail server refused the message${reply}: ${result.message}. Check the rule's e-mail address (and MAIL_FROM), then run ${retryCommand}.` };
      }
      const fix = result.code === 'EAUTH' || result.code === 'ENOAUTH' ? ' Check the user and password in SMTP_URL.' : ' Check that the server in SMTP_URL is up.';
      return { outcome: 'retry', status: code, error: `Sending the e-mail failed${reply}: ${result.message}.${fix}`, retryAfterMs: null };
    }
    case 'network':
      return {
        outcome: 'retry',
        status: null,
        error: result.timedOut ? `The receiver did not answer in time (${result.message}).` : `The receiver could not be reached (${result.message}).`,
        retryAfterMs: null,
      };
    case 'not-sent':
      return result.permanent
        ? { outcome: 'failed', status: null, error: result.message }
        : { outcome: 'retry', status: null, error: result.message, retryAfterMs: null };
  }
}
