/**
 * What the job queue's handlers need from the store (src/runtime/jobs): the messages of one analysis
 * batch, and the ids of messages awaiting (re-)analysis page by page, so batches can be enqueued without
 * holding every text in memory. Every query is written once for SQLite and PostgreSQL.
 */

/** A customer message of an analysis batch, with the model version of its stored analysis. */
export interface BatchMessage {
  messageId: string;
  text: string;
  language: string | null;
  /** null when never analysed. */
  analysisVersion: string | null;
}

/** Which messages `analysisBacklog` pages through. */
export interface BacklogQuery {
  /** The model version analyses should have. */
  modelVersion: string;
  /** `pending`: never analysed or analysed by another version; `stale`: only analysed by another version. */
  kind: 'pending' | 'stale';
  /** Only ids above this one (the last id of the previous page); omit for the first page. */
  afterId?: string;
  limit: number;
}

/** The store's side of the analysis jobs. */
export interface AnalysisJobStore {
  /** The customer messages of `messageIds` in the workspace (others, or unknown ids, are left out), by id. */
  messagesForAnalysis(workspaceId: string, messageIds: readonly string[]): Promise<BatchMessage[]>;
  /** Ids of customer messages of the workspace awaiting analysis by `modelVersion`, in id order. */
  analysisBacklog(workspaceId: string, query: BacklogQuery): Promise<string[]>;
}
