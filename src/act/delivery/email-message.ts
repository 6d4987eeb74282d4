/** An e-mail ready for the SMTP transport. */
export interface EmailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  /** `<…@domain>`, derived from the idempotency key: a resent copy carries the same one. */
  messageId: string;
  headers: Record<string, string>;
}

/** The message, or why this delivery can never be sent as stored. */
export type EmailBuild = { ok: true; message: EmailMessage } | { ok: false; error: string };

const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$|^[^\s@<>,;"]+@localhost$/;

/**
 * Encodes an idempotency key into the local part of a Message-ID (RFC 5322 dot-atom): characters
 * outside [A-Za-z0-9-_] become `=XX` (hex), which is injective, so two keys never share an id.
 */
export function messageIdLocalPart(key: string): string {
  return [...new TextEncoder().encode(key)]
    .map((b) => (/[A-Za-z0-9_-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
}

/** The domain of MAIL_FROM ("Name <a@b.example>" or "a@b.example"), for Message-IDs; "ecoute.local" otherwise. */
function domainOf(from: string): string {
  const m = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from);
  return m ? m[1] : 'ecoute.local';
}

/**
 * Builds an e-mail delivery from its payload `{"subject", "text"}` (in the workspace's language,
 * written by the rule). Message-ID and `X-Ecoute-Idempotency-Key` come from the idempotency key, so a
 * copy sent again after a crash is recognisable as the same message. Refuses an address that is not
 * one and a payload of the wrong shape, naming the fix.
 */
export function buildEmailMessage(d: { id: string; destination: string; payload: string; idempotencyKey: string }, mailFrom: string): EmailBuild {
  const to = d.destination.trim();
  if (!ADDRESS.test(to)) {
    return { ok: false, error: `The e-mail destination of delivery ${d.id} ("${to}") is not an address. Put one address such as owner@example.com in the rule.` };
  }
  let payload: unknown;
  try {
    payload = JSON.parse(d.payload);
  } catch {
    payload = null;
  }
  const p = payload as { subject?: unknown; text?: unknown } | null;
  if (!p || typeof p !== 'object' || typeof p.subject !== 'string' || p.subject.trim() === '' || typeof p.text !== 'string') {
    return { ok: false, error: `The payload of e-mail delivery ${d.id} is not {"subject", "text"} with a non-empty subject. The rule that wrote it needs fixing; report it as a bug.` };
  }
  return {
    ok: true,
    message: {
      from: mailFrom,
      to,
      // A line break in a subject would start a new header: fold it into a space.
      subject: p.subject.replace(/[\r\n]+/g, ' ').trim(),
      text: p.text,
      messageId: `<${messageIdLocalPart(d.idempotencyKey)}@${domainOf(mailFrom)}>`,
      headers: { 'X-Ecoute-Idempotency-Key': d.idempotencyKey },
    },
  };
}
