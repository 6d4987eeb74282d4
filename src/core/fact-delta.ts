import type { MessageFact, SurveyFact } from './facts.ts';

/**
 * What an incremental reader of a workspace's facts (runtime/insights/incremental-facts.ts) asks the store
 * for and gets back (store.factDelta): the rows added or rewritten since what it read last.
 */

/** Where an incremental reader of a workspace's facts stands: what it read last. */
export interface FactWatermark {
  /** The data version it read at (rows stamped above it changed since). */
  version: number;
  /** The highest message id it holds (messages are inserted, never updated: newer ones have higher ids). */
  messageId: number;
  /** The highest survey answer id it holds. */
  surveyId: number;
}

/** A survey fact with its row id (the reader's watermark; SurveyFact itself carries none). */
export interface SurveyFactRow {
  id: number;
  fact: SurveyFact;
}

/** A customer whose name, segment or value was filled in: what message and survey facts copy of it. */
export interface CustomerChange {
  customerId: string;
  customerRef: string;
  customerName: string | null;
  segment: string | null;
  customerValue: number | null;
}

/** What changed in a workspace's facts since a watermark (see factDelta). */
export interface FactDelta {
  /** Messages added after the watermark's id, and those whose analysis was written since its version; by id. */
  messages: MessageFact[];
  /** Survey answers added after the watermark's id, oldest first (then by id). */
  surveys: SurveyFactRow[];
  /** Customers written since the watermark's version. */
  customers: CustomerChange[];
  /** How many messages and survey answers the workspace holds up to `upTo`'s ids: a reader whose count differs missed or kept a row it should not. */
  counts: { messages: number; surveys: number };
  /** The highest message and survey ids the reader holds once it applied this delta. */
  upTo: { messages: number; surveys: number };
}
