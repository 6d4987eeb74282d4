import type { AuthorRole, Channel, SurveyKind } from '../core/labels.ts';

/**
 * One row of a tabular export (CSV line or flat JSON object) after column mapping and value parsing,
 * before threading. Text is still raw here; redaction happens once, on the assembled conversation.
 */
export interface FlatRow {
  line: number;
  /** Hash-based natural key used when the row has no conversation id. */
  contentKey: string;
  conversationId?: string;
  text?: string;
  subject?: string;
  at: Date;
  channel?: Channel;
  role?: AuthorRole;
  author?: string;
  customerId?: string;
  customerName?: string;
  segment?: string;
  customerValue?: number;
  team?: string;
  agent?: string;
  brand?: string;
  language?: string;
  scores: { kind: SurveyKind; score: number }[];
}
