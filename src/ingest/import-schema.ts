import type { Channel } from '../core/labels.ts';
import type { Delimiter } from './delimiter.ts';
import type { TextEncoding } from './encoding.ts';

/** How one column (CSV header or JSON key) of a file is read: the field it fills, or null when ignored. */
export interface ColumnUse {
  column: string;
  /** Canonical field (mapping key), employee field, "item:NAME", or null when nothing reads it. */
  field: string | null;
}

/**
 * What the pipeline understood of a file before mapping its rows: the shell shows it in `--dry-run`
 * and names the ignored columns in every import summary, so no column is dropped without a word.
 */
export interface ImportSchema {
  /** "tickets", "reviews", "chats", "survey responses", "messages", "employee survey", "threads", "call transcript", "e-mail". */
  kind: string;
  /** Channel of records whose rows do not name one (or the forced --channel). */
  channel?: Channel;
  /** Helpdesk recognised from the headers (Zendesk, Freshdesk, Intercom). */
  vendor?: string;
  encoding?: TextEncoding;
  delimiter?: Delimiter;
  columns: ColumnUse[];
}

/** Columns nothing reads, in file order (unnamed columns, such as a trailing delimiter's, are left out). */
export function ignoredColumns(schema: ImportSchema): string[] {
  return schema.columns.filter((c) => c.field === null && c.column.trim() !== '').map((c) => c.column);
}

/** The summary line for ignored columns, or null when every column is read. */
export function describeIgnored(ignored: readonly string[]): string | null {
  if (ignored.length === 0) return null;
  return `ignored columns: ${ignored.join(', ')} — map them with --map`;
}

/** Builds the column list of a tabular file from its headers and the field each column index fills. */
export function columnUses(headers: readonly string[], fieldOf: ReadonlyMap<number, string>): ColumnUse[] {
  return headers.map((column, i) => ({ column, field: fieldOf.get(i) ?? null }));
}
