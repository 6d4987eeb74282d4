/**
 * The events and options of the pure ingest pipeline (ingest-stream.ts), apart so the readers it
 * dispatches to (ingest-delimited.ts, ingest-json.ts) share them without importing the dispatcher.
 */
import type { ConversationInput } from '../core/conversation.ts';
import type { EmployeeSurveyInput } from '../core/employee-survey.ts';
import type { Channel } from '../core/labels.ts';
import type { Clock } from '../core/ports.ts';
import type { FileFormat } from './detect-format.ts';
import type { ImportSchema } from './import-schema.ts';
import type { Mapping } from './mapping-file.ts';
import type { RowError } from './row-error.ts';

/** What the pure ingest pipeline hands to the shell, in file order. */
export type IngestEvent =
  | { type: 'conversation'; value: ConversationInput }
  | { type: 'employee'; value: EmployeeSurveyInput }
  | { type: 'rejected'; error: RowError }
  /** Something read otherwise than written, the record kept: a line not in the file's encoding, NULs removed. */
  | { type: 'warning'; warning: RowError }
  /** One source record read (CSV row, JSON value, e-mail, transcript). */
  | { type: 'row' }
  /** A record with nothing to import (no text, no score). */
  | { type: 'ignored'; line: number }
  /** What the file was read as (kind, channel, columns); tabular files send it again if a label row refines it. */
  | { type: 'schema'; value: ImportSchema };

/** Options of ingestChunks: file identity, mapping and overrides, injected clock. */
export interface IngestOptions {
  /** Name shown in messages and used as the default conversation id of transcripts. */
  fileName: string;
  /** Source name, part of every natural key (defaults to the file's base name in the shell). */
  sourceName: string;
  mapping?: Mapping;
  /** Forces the channel of every conversation. */
  channel?: Channel;
  clock: Clock;
  /** Skips detection (the shell usually detects from the first bytes). */
  format?: FileFormat;
  /** Thread grouping window for tabular files (see ThreadBuilder). */
  windowRows?: number;
  /** The installation's pseudonym key (Store.pseudonymSecret): customer e-mails and phones become keyed "cust-" ids. */
  pseudonymSecret?: string;
  /** The same bytes again from the start, for readers that take two passes (an mbox: threads first, then texts). */
  reopen?: () => AsyncIterable<Uint8Array>;
}
