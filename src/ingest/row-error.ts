/** A rejected input row: where it is and why, phrased so the user knows what to fix. */
export interface RowError {
  file: string;
  /** 1-based physical line (CSV/JSONL/transcripts) or record index (JSON arrays, mbox messages). */
  line: number;
  reason: string;
}
