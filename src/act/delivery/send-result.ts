/**
 * What a transport reports after trying to send one delivery, before any policy is applied. The shell
 * (src/runtime/act) produces it; the pure code here turns it into an outcome and a next state.
 */
export type SendResult =
  /** A webhook receiver answered with an HTTP status. */
  | { kind: 'http'; status: number; statusText: string; retryAfter: string | null; body: string }
  /** The mail server accepted the message. */
  | { kind: 'smtp-accepted'; response: string | null }
  /** The mail server refused, or the SMTP exchange failed (nodemailer's `responseCode` and `code`). */
  | { kind: 'smtp-error'; responseCode: number | null; code: string | null; message: string }
  /** No answer: connection refused, DNS failure, reset, timeout. */
  | { kind: 'network'; message: string; timedOut: boolean }
  /**
   * Not sent at all: the delivery cannot be sent as stored (bad URL, bad payload) — permanent — or
   * the sender lacks configuration (no SMTP_URL) — transient, since the fix is on our side.
   */
  | { kind: 'not-sent'; permanent: boolean; message: string };
