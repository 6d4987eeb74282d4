import type { Correction } from '../core/correction.ts';

/** A stored answer of `POST /api/messages`, by its Idempotency-Key. */
export interface IngestRequestRecord {
  /** SHA-256 (hex) of the request body the key was first used with. */
  bodySha256: string;
  /** The answer's JSON body. */
  response: unknown;
  createdAt: Date;
}

/**
 * The Store's part for label corrections (and the idempotency keys of HTTP ingestion, migration 008).
 * Corrections are appended, never updated: the latest per (message, field) wins. Nothing here bumps the
 * data version: insights are computed from the model's findings, corrections show in the listening
 * station and feed training.
 */
export interface CorrectionStore {
  /**
   * Validates (InputError naming the field, the value and the valid ones) and stores a correction of an
   * analysed customer message; NotFoundError for an unknown message.
   */
  addCorrection(workspaceId: string, messageId: string, input: { field: unknown; value: unknown; actor: string }): Promise<Correction>;
  /** Every correction of these messages, oldest first (history included: see latestCorrections). */
  listCorrections(workspaceId: string, messageIds: readonly string[]): Promise<Correction[]>;
  /** Ids of corrected messages, ascending, after `afterId` (exclusive), at most `limit`: pages for exports. */
  correctedMessageIds(workspaceId: string, afterId: string | null, limit: number): Promise<string[]>;

  /** The stored answer for an Idempotency-Key, or null. */
  findIngestRequest(workspaceId: string, key: string): Promise<IngestRequestRecord | null>;
  /** Stores an answer under its key; a key stored already (a concurrent replay) is left as it is. */
  saveIngestRequest(workspaceId: string, key: string, bodySha256: string, response: unknown): Promise<void>;
}
