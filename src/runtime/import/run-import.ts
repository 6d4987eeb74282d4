import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ConversationInput } from '../../core/conversation.ts';
import type { EmployeeSurveyInput } from '../../core/employee-survey.ts';
import { InputError, UsageError } from '../../core/errors.ts';
import { CHANNELS, type Channel } from '../../core/labels.ts';
import { systemClock, type Clock } from '../../core/ports.ts';
import type { Store, WriteResult } from '../../store/store.ts';
import { detectFormat, type FileFormat } from '../../ingest/detect-format.ts';
import { ingestChunks } from '../../ingest/ingest-stream.ts';
import { parseMapping, type Mapping } from '../../ingest/mapping-file.ts';
import { normalizeChannel } from '../../ingest/normalize-values.ts';
import type { RowError } from '../../ingest/row-error.ts';
import { externalIdsOf, splitDuplicates } from '../../ingest/duplicate-records.ts';
import { ignoredColumns, type ImportSchema } from '../../ingest/import-schema.ts';
import { collectPreview, type FilePreview } from '../../ingest/preview.ts';
import { DEFAULT_RETRY, withDbRetry, type RetryPolicy } from './retry-transient.ts';

/** Outcome of importing one file. `inserted`/`updated`/`skipped` count conversations (or employee answers). */
export interface FileSummary {
  file: string;
  format: FileFormat;
  /** Source records read (CSV rows, JSON values, e-mails, transcripts). */
  rows: number;
  inserted: number;
  /** Records imported before that gained messages or survey answers (a thread exported again later). */
  updated: number;
  /** Records already imported before with nothing new: nothing was written for them. */
  skipped: number;
  /** Records with neither text nor score. */
  ignored: number;
  /** The first REJECTED_LISTED rejected rows (memory stays bounded on a badly broken file). */
  rejected: RowError[];
  /** All rejected rows, listed or not. */
  rejectedCount: number;
  /** The first REJECTED_LISTED warnings: rows kept but read otherwise than written (a line not in the file's encoding, NULs removed). */
  warnings: RowError[];
  /** All warnings, listed or not. */
  warningCount: number;
  /** What the file was read as (kind, channel, each column's field). */
  schema?: ImportSchema;
  /** Columns nothing reads (named in the summary: map them with --map). */
  ignoredColumns: string[];
  /** Set when these exact bytes were imported before under another source: nothing was read or written. */
  alreadyImported?: { sourceName: string; importedAt: Date };
  /** Conversations skipped because another source already holds them (same id, same texts); counted in `skipped`. */
  storedElsewhere?: { count: number; sourceName: string };
}

/** Rejected rows kept with their reason per file; the rest are counted. */
export const REJECTED_LISTED = 1000;

/** Outcome of one `runImport` call: per file, then summed. */
export interface ImportSummary {
  files: FileSummary[];
  totals: { rows: number; inserted: number; updated: number; skipped: number; ignored: number; rejected: number };
}

/** Progress of the file being imported, reported every 1000 records and after each written batch. */
export interface ImportProgress {
  file: string;
  bytes: number;
  totalBytes: number;
  rows: number;
}

/** What to import, where, and how (see runImport). */
export interface RunImportOptions {
  store: Store;
  workspaceId: string;
  files: string[];
  /** Source name for natural keys; defaults to each file's base name. */
  sourceName?: string;
  /** Parsed JSON of a mapping file (validated here). */
  mapping?: unknown;
  channel?: string;
  /** Conversations per write transaction (default 500). */
  batchSize?: number;
  /** Rows of open threads buffered per file (default 10 000; see ThreadBuilder). */
  windowRows?: number;
  clock?: Clock;
  onProgress?: (p: ImportProgress) => void;
  /** How database steps are retried when the database is away for a moment (default: 5 tries over 30 s). */
  retry?: RetryPolicy;
}

/** Checks a --channel value: canonical names or French/English synonyms ("téléphone", "mail"). */
export function parseChannelOption(value: string | undefined): Channel | undefined {
  if (value === undefined) return undefined;
  const c = (CHANNELS as readonly string[]).includes(value) ? (value as Channel) : normalizeChannel(value);
  if (!c) throw new UsageError(`--channel "${value}" is not a channel. Use one of: ${CHANNELS.join(', ')}.`);
  return c;
}

/** SHA-256 (hex) of a file's bytes, streamed: the file's identity whatever its name or --source. */
async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** Checks every file (exists, is a file, recognisable format) before anything is read or written. */
async function planFiles(files: string[]): Promise<{ path: string; size: number; format: FileFormat }[]> {
  const plans: { path: string; size: number; format: FileFormat }[] = [];
  for (const path of files) {
    const st = await stat(path).catch(() => null);
    if (!st) throw new InputError(`File not found or unreadable: ${path}. Check the path (it is relative to ${process.cwd()}).`, { file: path });
    if (!st.isFile()) throw new InputError(`${path} is not a file. Pass files to import (directories are not read).`, { file: path });
    plans.push({ path, size: st.size, format: detectFormat(path, await readHead(path, 8192)) });
  }
  return plans;
}

async function readHead(path: string, n: number): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/**
 * Imports files into the store: each is streamed (fs.createReadStream), parsed and redacted by the
 * pure pipeline in src/ingest, and written in batches. Every file is checked first (exists, not
 * empty, recognisable format) so a typo in the last path does not leave a half-done import.
 * Threads: rows of one conversation are grouped within a window of `windowRows` rows, so a small
 * file is grouped after a full read whatever its order, and a large one must keep each thread's rows
 * within that window (else the late row is rejected with "sort the file by conversation id").
 */
export async function runImport(opts: RunImportOptions): Promise<ImportSummary> {
  const mapping: Mapping | undefined = opts.mapping === undefined ? undefined : parseMapping(opts.mapping);
  const channel = parseChannelOption(opts.channel ?? mapping?.channel);
  const clock = opts.clock ?? systemClock;
  const batchSize = opts.batchSize ?? 500;
  const plans = await planFiles(opts.files);

  // Every database step is retried on a transient failure (a PostgreSQL restart): each is idempotent.
  const db = <T>(what: string, step: () => Promise<T>): Promise<T> => withDbRetry(what, step, opts.retry ?? DEFAULT_RETRY);
  await db('preparing the workspace', () => opts.store.ensureWorkspace(opts.workspaceId));
  const pseudonymSecret = await db('reading the pseudonym key', () => opts.store.pseudonymSecret());
  const files: FileSummary[] = [];
  for (const plan of plans) {
    const sourceName = opts.sourceName ?? basename(plan.path);
    const sourceId = await db(`preparing the import of ${plan.path}`, () => opts.store.ensureSource(opts.workspaceId, sourceName, plan.format));
    const summary: FileSummary = { file: plan.path, format: plan.format, rows: 0, inserted: 0, updated: 0, skipped: 0, ignored: 0, rejected: [], rejectedCount: 0, warnings: [], warningCount: 0, ignoredColumns: [] };
    files.push(summary);
    // The same bytes under another source name would get other natural keys: recognise them by content.
    const sha256 = await sha256File(plan.path);
    const prior = await db(`preparing the import of ${plan.path}`, () => opts.store.findImport(opts.workspaceId, sha256));
    if (prior && prior.sourceName !== sourceName) {
      summary.alreadyImported = { sourceName: prior.sourceName, importedAt: prior.importedAt };
      continue;
    }
    // Every row this file adds carries the import's id, so `ecoute import undo` can remove exactly them.
    const importId = await db(`preparing the import of ${plan.path}`, () => opts.store.beginImport(opts.workspaceId, sourceId, { sha256, fileName: basename(plan.path), bytes: plan.size }));
    let bytes = 0;
    const report = (): void => opts.onProgress?.({ file: plan.path, bytes, totalBytes: plan.size, rows: summary.rows });
    async function* counted(): AsyncGenerator<Uint8Array> {
      for await (const chunk of createReadStream(plan.path, { highWaterMark: 64 * 1024 })) {
        bytes += (chunk as Buffer).byteLength;
        yield chunk as Buffer;
      }
    }
    let conversations: ConversationInput[] = [];
    let employees: EmployeeSurveyInput[] = [];
    const tally = (r: WriteResult): void => {
      summary.inserted += r.inserted;
      summary.updated += r.updated;
      summary.skipped += r.skipped;
    };
    const flush = async (): Promise<void> => {
      const ids = externalIdsOf(conversations);
      if (ids.length) {
        const elsewhere = await db(`writing a batch of ${plan.path}`, () => opts.store.storedElsewhere(opts.workspaceId, sourceId, ids));
        const split = splitDuplicates(conversations, elsewhere);
        conversations = split.fresh;
        summary.skipped += split.duplicates.length;
        if (split.duplicates.length) {
          const count = (summary.storedElsewhere?.count ?? 0) + split.duplicates.length;
          summary.storedElsewhere = { count, sourceName: summary.storedElsewhere?.sourceName ?? split.duplicates[0].sourceName };
        }
      }
      const batch = conversations;
      if (batch.length) tally(await db(`writing a batch of ${plan.path}`, () => opts.store.writeConversations(opts.workspaceId, sourceId, batch, importId)));
      conversations = [];
      const answers = employees;
      if (answers.length) tally(await db(`writing a batch of ${plan.path}`, () => opts.store.writeEmployeeAnswers(opts.workspaceId, sourceId, answers, importId)));
      employees = [];
      report();
    };
    // An mbox is read twice (threads from headers, then texts): progress counts the second read.
    const reopen = (): AsyncIterable<Uint8Array> => {
      bytes = 0;
      return counted();
    };
    const events = ingestChunks(counted(), { fileName: plan.path, sourceName, mapping, channel, clock, format: plan.format, windowRows: opts.windowRows, reopen, pseudonymSecret });
    for await (const ev of events) {
      switch (ev.type) {
        case 'row':
          summary.rows++;
          if (summary.rows % 1000 === 0) report();
          break;
        case 'ignored':
          summary.ignored++;
          break;
        case 'schema':
          summary.schema = ev.value;
          summary.ignoredColumns = ignoredColumns(ev.value);
          break;
        case 'rejected':
          if (summary.rejectedCount++ < REJECTED_LISTED) summary.rejected.push(ev.error);
          break;
        case 'warning':
          if (summary.warningCount++ < REJECTED_LISTED) summary.warnings.push(ev.warning);
          break;
        case 'conversation':
          conversations.push(ev.value);
          if (conversations.length >= batchSize) await flush();
          break;
        case 'employee':
          employees.push(ev.value);
          if (employees.length >= batchSize) await flush();
          break;
      }
    }
    await flush();
    // A file that stored nothing (every row rejected) stays importable under any name once fixed.
    const records = summary.inserted + summary.updated + summary.skipped;
    // The first import of these bytes is remembered even when it added nothing; a later one only if it added something.
    await db(`finishing the import of ${plan.path}`, () => opts.store.finishImport(opts.workspaceId, importId, records, !prior && records > 0));
  }
  const sum = (k: 'rows' | 'inserted' | 'updated' | 'skipped' | 'ignored'): number => files.reduce((a, f) => a + f[k], 0);
  return {
    files,
    totals: { rows: sum('rows'), inserted: sum('inserted'), updated: sum('updated'), skipped: sum('skipped'), ignored: sum('ignored'), rejected: files.reduce((a, f) => a + f.rejectedCount, 0) },
  };
}

/** One file of a dry run: its detected format and what importing it would do. */
export interface FileDryRun {
  file: string;
  format: FileFormat;
  preview: FilePreview;
}

/**
 * `ingest --dry-run`: reads, maps and redacts every file exactly as runImport would, without a store,
 * so nothing is written; returns per file the schema, roles, first records and rejected rows.
 */
export async function previewImport(opts: Omit<RunImportOptions, 'store' | 'workspaceId' | 'batchSize' | 'onProgress'>): Promise<FileDryRun[]> {
  const mapping: Mapping | undefined = opts.mapping === undefined ? undefined : parseMapping(opts.mapping);
  const channel = parseChannelOption(opts.channel ?? mapping?.channel);
  const out: FileDryRun[] = [];
  for (const plan of await planFiles(opts.files)) {
    const stream = createReadStream(plan.path, { highWaterMark: 64 * 1024 });
    try {
      const events = ingestChunks(stream, {
        fileName: plan.path, sourceName: opts.sourceName ?? basename(plan.path), mapping, channel,
        clock: opts.clock ?? systemClock, format: plan.format, windowRows: opts.windowRows,
        reopen: () => createReadStream(plan.path, { highWaterMark: 64 * 1024 }),
      });
      out.push({ file: plan.path, format: plan.format, preview: await collectPreview(events, REJECTED_LISTED) });
    } finally {
      stream.destroy();
    }
  }
  return out;
}
