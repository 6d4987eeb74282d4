import { createHash, createHmac } from 'node:crypto';

/**
 * Natural keys make re-import idempotent: "source:id" when the export has a conversation id, else
 * "source:h:" + a hash of the row's content, so the same file imported twice adds nothing.
 */
export function naturalKey(sourceName: string, conversationId: string): string {
  return `${sourceName}:${conversationId.includes('@') ? hashedId('id', conversationId) : conversationId}`;
}

/**
 * Ids shaped like e-mail addresses (Message-IDs, ids that are addresses) are hashed before storage,
 * so no address-like string reaches the database: prefix + first 12 hex digits of sha256. With a
 * `secret` (the installation's pseudonym key) it is an HMAC-SHA-256 instead: a list of addresses or
 * phone numbers hashed by someone else cannot be matched against the stored pseudonyms.
 */
export function hashedId(prefix: string, id: string, secret?: string): string {
  const normalized = id.trim().toLowerCase();
  const h = secret ? createHmac('sha256', secret).update(normalized) : createHash('sha256').update(normalized);
  return `${prefix}-${h.digest('hex').slice(0, 12)}`;
}

/**
 * External id of a conversation. Ids containing "@" (a Message-ID in a helpdesk export, an address
 * used as a ticket id) become "msg-" + hash of the id without angle brackets: the same form as e-mail
 * threads, so "<a1@x>" in a JSON export and the mbox thread rooted at a1@x share one id, and a
 * conversation is never mistaken for a pseudonymised customer ("cust-"). Natural keys are unchanged.
 */
export function conversationExternalId(id: string): string {
  return id.includes('@') ? hashedId('msg', id.trim().replace(/^<(.*)>$/, '$1')) : id;
}

/** Key for records without an id: sha256 over the raw cells (first 24 hex digits, 96 bits). */
export function contentKey(sourceName: string, cells: readonly string[]): string {
  const h = createHash('sha256');
  for (const c of cells) h.update(c).update('\u0001');
  return `${sourceName}:h:${h.digest('hex').slice(0, 24)}`;
}
