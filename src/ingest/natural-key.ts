import { createHash } from 'node:crypto';

/**
 * Natural keys make re-import idempotent: "source:id" when the export has a conversation id, else
 * "source:h:" + a hash of the row's content, so the same file imported twice adds nothing.
 */
export function naturalKey(sourceName: string, conversationId: string): string {
  return `${sourceName}:${conversationId.includes('@') ? hashedId('id', conversationId) : conversationId}`;
}

/**
 * Ids shaped like e-mail addresses (Message-IDs, ids that are addresses) are hashed before storage,
 * so no address-like string reaches the database: prefix + first 12 hex digits of sha256.
 */
export function hashedId(prefix: string, id: string): string {
  return `${prefix}-${createHash('sha256').update(id.trim().toLowerCase()).digest('hex').slice(0, 12)}`;
}

/** Key for records without an id: sha256 over the raw cells (first 24 hex digits, 96 bits). */
export function contentKey(sourceName: string, cells: readonly string[]): string {
  const h = createHash('sha256');
  for (const c of cells) h.update(c).update('\u0001');
  return `${sourceName}:h:${h.digest('hex').slice(0, 24)}`;
}
