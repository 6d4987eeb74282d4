import { InputError } from '../core/errors.ts';
import type { Channel } from '../core/labels.ts';
import type { Clock } from '../core/ports.ts';
import type { IngestEvent } from './ingest-event.ts';
import { parseDelimited } from './csv-parser.ts';
import type { Delimiter } from './delimiter.ts';
import {
  detectColumns, detectEmployeeColumns, looksLikeEmployeeSurvey, normalizeHeader, type CanonicalField, type ColumnMap, type EmployeeField,
} from './header-aliases.ts';
import { resolveMappedColumns, type Mapping } from './mapping-file.ts';
import { mapRow, type RowContext } from './row-mapper.ts';
import { mapEmployeeRow, type EmployeeRowContext } from './employee-mapper.ts';
import { ThreadBuilder } from './thread-builder.ts';
import { classifyExport } from './export-kind.ts';
import { columnUses, type ImportSchema } from './import-schema.ts';

/** Options of ingestDelimited: the IngestOptions it uses, plus a forced delimiter (TSV). */
export interface DelimitedOptions {
  fileName: string;
  sourceName: string;
  mapping?: Mapping;
  channel?: Channel;
  clock: Clock;
  delimiter?: Delimiter;
  windowRows?: number;
}

/** The schema event of a conversation file: kind, default channel and what each column fills. */
function conversationSchema(ctx: RowContext, opts: DelimitedOptions, delimiter: Delimiter): ImportSchema {
  const cls = classifyExport(ctx.headers, ctx.columns);
  const fieldOf = new Map(Object.entries(ctx.columns).map(([f, col]) => [col, f] as [number, string]));
  return { kind: cls.kind, channel: opts.channel ?? cls.defaultChannel, vendor: cls.vendor, delimiter, columns: columnUses(ctx.headers, fieldOf) };
}

/** Qualtrics exports carry two extra header rows (question texts, then {"ImportId": ...}). */
function isLabelRow(fields: string[], headers: string[], columns: ColumnMap): boolean {
  if (fields.some((f) => f.startsWith('{"ImportId"') || f.startsWith('{""ImportId""'))) return true;
  const idCol = columns.conversationId ?? columns.at;
  if (idCol === undefined) return false;
  const cell = normalizeHeader(fields[idCol] ?? '');
  if (cell === '') return false;
  if (cell === normalizeHeader(headers[idCol])) return true;
  const asHeader = detectColumns([fields[idCol]]);
  return asHeader.conversationId === 0 || asHeader.at === 0;
}

/**
 * Tabular ingest: header detection (aliases or mapping), then each record mapped, validated and
 * threaded. Bad rows become `rejected` events naming the line and the fix; all other rows are kept.
 */
export async function* ingestDelimited(text: AsyncIterable<string>, opts: DelimitedOptions): AsyncGenerator<IngestEvent> {
  const file = opts.fileName;
  let rowCtx: RowContext | undefined;
  let empCtx: EmployeeRowContext | undefined;
  let threads: ThreadBuilder | undefined;
  let headers: string[] = [];
  let seen = 0;
  let delimiter: Delimiter = ',';
  const makeThreads = (ctx: RowContext): ThreadBuilder =>
    new ThreadBuilder({
      sourceName: opts.sourceName,
      defaultChannel: classifyExport(ctx.headers, ctx.columns).defaultChannel,
      channel: opts.channel,
      brand: opts.mapping?.brand,
      windowRows: opts.windowRows,
    });
  for await (const ev of parseDelimited(text, { delimiter: opts.delimiter })) {
    if (ev.kind === 'header') {
      headers = ev.fields;
      delimiter = ev.delimiter;
      if (opts.mapping?.kind === 'employee' || (!opts.mapping && looksLikeEmployeeSurvey(headers))) {
        const detected = detectEmployeeColumns(headers);
        const mapped = opts.mapping ? resolveMappedColumns(opts.mapping, headers, file) : {};
        for (const [k, col] of Object.entries(mapped)) {
          if (k.startsWith('item')) detected.items.set(col, k.replace(/^items?[:_]?/, '') || headers[col]);
          else detected.fields[k as EmployeeField] = col;
        }
        if (detected.fields.team === undefined) {
          throw new InputError(`${file}: employee survey without a "team" column. Headers found: ${headers.join(', ')}. Add a team column or map it with --map ({"kind": "employee", "columns": {"team": "..."}}).`);
        }
        empCtx = { ...detected, headers, sourceName: opts.sourceName, dateFormat: opts.mapping?.dateFormat, clock: opts.clock };
        const fieldOf = new Map<number, string>(Object.entries(detected.fields).map(([f, col]) => [col, f]));
        for (const [col, name] of detected.items) fieldOf.set(col, `item:${name}`);
        yield { type: 'schema', value: { kind: 'employee survey', delimiter, columns: columnUses(headers, fieldOf) } };
      } else {
        const columns: ColumnMap = { ...detectColumns(headers) };
        if (opts.mapping) {
          for (const [k, col] of Object.entries(resolveMappedColumns(opts.mapping, headers, file))) {
            for (const [f, c] of Object.entries(columns)) if (c === col) delete columns[f as CanonicalField];
            columns[k as CanonicalField] = col;
          }
        }
        rowCtx = { columns, sourceName: opts.sourceName, dateFormat: opts.mapping?.dateFormat, clock: opts.clock, headers };
        threads = makeThreads(rowCtx);
        yield { type: 'schema', value: conversationSchema(rowCtx, opts, delimiter) };
      }
      continue;
    }
    if (ev.kind === 'fatal') throw new InputError(`${file}:${ev.line}: ${ev.reason}. Nothing of this file was imported.`, { file });
    if (ev.kind === 'error') {
      yield { type: 'row' };
      yield { type: 'rejected', error: { file, line: ev.line, reason: ev.reason } };
      continue;
    }
    seen++;
    if (empCtx) {
      yield { type: 'row' };
      const r = mapEmployeeRow(ev.fields, empCtx);
      if (r.ok === true) yield { type: 'employee', value: r.answer };
      else if (r.ok === 'empty') yield { type: 'ignored', line: ev.line };
      else yield { type: 'rejected', error: { file, line: ev.line, reason: r.reason } };
      continue;
    }
    const ctx = rowCtx!;
    if (seen <= 2 && isLabelRow(ev.fields, headers, ctx.columns)) {
      // Use the question texts of a Qualtrics label row for fields the short headers did not reveal.
      const extra = detectColumns(ev.fields);
      const used = new Set(Object.values(ctx.columns));
      for (const [f, col] of Object.entries(extra)) {
        if (ctx.columns[f as CanonicalField] === undefined && !used.has(col)) ctx.columns[f as CanonicalField] = col;
      }
      threads = makeThreads(ctx);
      yield { type: 'schema', value: conversationSchema(ctx, opts, delimiter) };
      continue;
    }
    if (seen === 1 || seen === 2) requireUsefulColumns(ctx, file);
    yield { type: 'row' };
    const r = mapRow(ev.fields, ev.line, ctx);
    if (r.ok === 'empty') {
      yield { type: 'ignored', line: ev.line };
      continue;
    }
    if (r.ok === false) {
      yield { type: 'rejected', error: { file, line: ev.line, reason: r.reason } };
      continue;
    }
    const out = threads!.add(r.row);
    for (const c of out.conversations) yield { type: 'conversation', value: c };
    for (const l of out.late) yield { type: 'rejected', error: { file, ...l } };
  }
  if (rowCtx && seen > 0) requireUsefulColumns(rowCtx, file);
  if (threads) for (const c of threads.finish()) yield { type: 'conversation', value: c };
}

function requireUsefulColumns(ctx: RowContext, file: string): void {
  const c = ctx.columns;
  if (c.text === undefined && c.nps === undefined && c.csat === undefined && c.ces === undefined) {
    throw new InputError(
      `${file}: no column holds text or a score. Headers found: ${ctx.headers.map((h) => JSON.stringify(h)).join(', ')}. ` +
        'Rename the verbatim column (e.g. "message", "commentaire") or pass --map mapping.json with {"columns": {"text": "<your header>"}}.',
      { file },
    );
  }
}
