/**
 * Ingestion without files: records pushed by a helpdesk webhook or a script (`POST /api/messages`) go
 * through the same pure pipeline as a JSON Lines file (src/ingest: field aliases, threading by
 * conversation id, dates, scores, PII redaction), are written with their natural keys (so posting the
 * same records again adds nothing), then analysed with the workspace's alert rules (analyzePending).
 */
import type { AnalyzerModel } from '../../analyze/model.ts';
import type { ConversationInput } from '../../core/conversation.ts';
import type { Clock } from '../../core/ports.ts';
import { externalIdsOf, splitDuplicates } from '../../ingest/duplicate-records.ts';
import { ingestChunks } from '../../ingest/ingest-stream.ts';
import { redactPii } from '../../ingest/pii/redact.ts';
import type { Store } from '../../store/store.ts';
import type { RuleRunOptions } from '../act/rule-context.ts';
import { analyzePending } from '../analysis/analyze-pending.ts';

/** A record that was not stored: its position in the request (null: a whole conversation) and why. */
export interface RecordError {
  index: number | null;
  message: string;
}

/** What one push did; `inserted`/`updated`/`skipped` count conversations, as `ecoute ingest` does. */
export interface IngestRecordsResult {
  inserted: number;
  updated: number;
  skipped: number;
  /** Customer messages analysed (the new ones, and any the workspace still had waiting). */
  analysed: number;
  errors: RecordError[];
}

/** What to ingest, where, and with which model (none: stored, left for the next analysis). */
export interface IngestRecordsOptions {
  store: Store;
  workspaceId: string;
  /** JSON values, each one record as in a JSON/JSONL file (a flat message or a thread with "messages"). */
  records: readonly unknown[];
  /** Source name, part of every natural key. */
  sourceName: string;
  clock: Clock;
  model?: AnalyzerModel;
  /** How alert rules run on the analysed messages (time, dashboard link). */
  rules?: RuleRunOptions;
}

/**
 * A row error of the file pipeline reworded for a request (records have fields, not columns), with
 * personal data redacted: the answer is stored with its Idempotency-Key and may quote a bad value.
 */
function recordMessage(reason: string): string {
  return redactPii(reason.replace(/^column "/, 'field "'));
}

const EMPTY_RECORD = 'has neither "text" nor a score: add "text" (the customer\'s words), or "nps", "csat" or "ces" for a bare survey answer';

/** Maps, redacts, writes and analyses `records`; bad records are listed and the good ones kept. */
export async function ingestRecords(opts: IngestRecordsOptions): Promise<IngestRecordsResult> {
  const { store, workspaceId } = opts;
  // One record a line, exactly as a JSONL file would hold it: line N is record N - 1.
  const text = opts.records.map((r) => JSON.stringify(r) ?? 'null').join('\n');
  async function* chunks(): AsyncGenerator<Uint8Array> {
    yield Buffer.from(text, 'utf8');
  }
  const result: IngestRecordsResult = { inserted: 0, updated: 0, skipped: 0, analysed: 0, errors: [] };
  let conversations: ConversationInput[] = [];
  const pseudonymSecret = await store.pseudonymSecret();
  for await (const ev of ingestChunks(chunks(), { fileName: 'request', sourceName: opts.sourceName, clock: opts.clock, format: 'jsonl', pseudonymSecret })) {
    if (ev.type === 'conversation') conversations.push(ev.value);
    else if (ev.type === 'rejected') result.errors.push({ index: ev.error.line > 0 ? ev.error.line - 1 : null, message: recordMessage(ev.error.reason) });
    else if (ev.type === 'ignored') result.errors.push({ index: ev.line - 1, message: EMPTY_RECORD });
  }
  result.errors.sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
  if (conversations.length > 0) {
    await store.ensureWorkspace(workspaceId);
    const sourceId = await store.ensureSource(workspaceId, opts.sourceName, 'api');
    // A conversation a file import already stored under another source is not stored twice.
    const ids = externalIdsOf(conversations);
    if (ids.length) {
      const split = splitDuplicates(conversations, await store.storedElsewhere(workspaceId, sourceId, ids));
      conversations = split.fresh;
      result.skipped += split.duplicates.length;
    }
    if (conversations.length) {
      const w = await store.writeConversations(workspaceId, sourceId, conversations);
      result.inserted += w.inserted;
      result.updated += w.updated;
      result.skipped += w.skipped;
    }
  }
  if (opts.model) {
    // Small batches are analysed in this thread: starting workers would cost more than the analysis.
    result.analysed = await analyzePending(store, workspaceId, opts.model, { workers: 1, rules: opts.rules ?? { clock: opts.clock } });
  }
  return result;
}
