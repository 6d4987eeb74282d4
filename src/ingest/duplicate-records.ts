import type { ConversationInput } from '../core/conversation.ts';

/** A conversation already stored under another source: its external id, source and message texts. */
export interface KnownRecord {
  externalId: string;
  sourceName: string;
  texts: readonly string[];
}

/** The batch split into records to write and records another source already holds. */
export interface DuplicateSplit {
  fresh: ConversationInput[];
  duplicates: { externalId: string; sourceName: string }[];
}

/**
 * Drops conversations another source already holds: same external id and every message text already
 * stored there (texts are compared after redaction, as both sides were stored). A conversation with
 * the same id but a new text is kept: ids alone collide across tools ("1", "2"...), content does not.
 * Records without messages (a bare score) cannot be compared and are kept.
 */
export function splitDuplicates(batch: readonly ConversationInput[], known: readonly KnownRecord[]): DuplicateSplit {
  const byId = new Map<string, KnownRecord[]>();
  for (const k of known) byId.set(k.externalId, [...(byId.get(k.externalId) ?? []), k]);
  const out: DuplicateSplit = { fresh: [], duplicates: [] };
  for (const c of batch) {
    const candidates = c.externalId === undefined ? undefined : byId.get(c.externalId);
    const match = candidates?.find((k) => {
      const texts = new Set(k.texts);
      return c.messages.length > 0 && c.messages.every((m) => texts.has(m.text));
    });
    if (match) out.duplicates.push({ externalId: match.externalId, sourceName: match.sourceName });
    else out.fresh.push(c);
  }
  return out;
}

/** External ids of a batch worth looking up (records without one cannot be matched by id). */
export function externalIdsOf(batch: readonly ConversationInput[]): string[] {
  return [...new Set(batch.flatMap((c) => (c.externalId === undefined ? [] : [c.externalId])))];
}
