import { detectDelimiter, type Delimiter } from './delimiter.ts';

/** Events of the delimited-text parser: the header, then records and bad rows, in file order. */
export type CsvEvent =
  | { kind: 'header'; line: number; fields: string[]; delimiter: Delimiter }
  | { kind: 'record'; line: number; fields: string[] }
  | { kind: 'error'; line: number; reason: string }
  /** The header itself is unusable (too long, too many columns): nothing of the file can be read right. */
  | { kind: 'fatal'; line: number; reason: string };

/** Most columns a header may have: real exports have tens, a spreadsheet at most 16 384. */
export const MAX_COLUMNS = 10_000;

/** Options of parseDelimited. */
export interface CsvOptions {
  /** Forces the delimiter; detected from the first lines otherwise. */
  delimiter?: Delimiter;
  /** A quoted field spanning more physical lines than this is treated as an unterminated quote. */
  maxRecordLines?: number;
  /** Same, in characters; bounds memory whatever the input. */
  maxRecordChars?: number;
}

type Scan =
  | { type: 'record'; fields: string[]; end: number; lines: number }
  | { type: 'more' }
  | { type: 'bad'; reason: string; tooLong?: boolean };

const SNIFF_CHARS = 64 * 1024;

/**
 * Scans one RFC 4180 record starting at `start`. Quoted fields may span lines and escape quotes by
 * doubling them; a quote left open (until the limits or the end of input) or followed by stray
 * characters makes the record bad so the caller can resynchronise instead of swallowing the file.
 */
function scanRecord(buf: string, start: number, delim: string, final: boolean, maxLines: number, maxChars: number): Scan {
  const tooLong: Scan = { type: 'bad', tooLong: true, reason: `record longer than ${maxChars} characters (the limit per record; a field this long is not a message)` };
  const fields: string[] = [];
  let i = start;
  let lines = 0;
  for (;;) {
    if (buf[i] === '"') {
      let value = '';
      let j = i + 1;
      const linesBefore = lines;
      for (;;) {
        const q = buf.indexOf('"', j);
        const seg = q === -1 ? buf.slice(j) : buf.slice(j, q);
        const segLines = countNewlines(seg);
        if (q === -1) {
          if (final) return { type: 'bad', reason: 'unterminated quoted field (a " opens a field that never closes)' };
          if (buf.length - start > maxChars) return tooLong;
          if (lines + segLines > maxLines) return { type: 'bad', reason: `unterminated quoted field (still open after ${maxLines} lines)` };
          return { type: 'more' };
        }
        lines += segLines;
        value += seg;
        if (q - start > maxChars) return tooLong;
        if (lines > maxLines) return { type: 'bad', reason: `unterminated quoted field (still open after ${maxLines} lines)` };
        if (q + 1 >= buf.length && !final) return { type: 'more' };
        if (buf[q + 1] === '"') {
          value += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      while (buf[i] === ' ' && delim !== ' ') i++;
      if (i >= buf.length && !final) return { type: 'more' };
      fields.push(value);
      const c = buf[i];
      if (c === delim) {
        i++;
        continue;
      }
      if (c === undefined) return { type: 'record', fields, end: i, lines };
      if (c === '\n' || c === '\r') return endOfLine(buf, i, fields, lines, final);
      if (lines > linesBefore) {
        return { type: 'bad', reason: 'unterminated quoted field (the " opened in this row is not closed before the row ends)' };
      }
      return {
        type: 'bad',
        reason: `stray character ${JSON.stringify(c)} after a closing quote (a " inside a quoted field must be doubled as "")`,
      };
    }
    let j = i;
    while (j < buf.length && buf[j] !== delim && buf[j] !== '\n' && buf[j] !== '\r') j++;
    // Checked whether or not the line is complete: a decoder may hand over a whole long line at once.
    if (j - start > maxChars) return tooLong;
    if (j >= buf.length && !final) return { type: 'more' };
    fields.push(buf.slice(i, j));
    if (buf[j] === delim) {
      i = j + 1;
      continue;
    }
    if (j >= buf.length) return { type: 'record', fields, end: j, lines };
    return endOfLine(buf, j, fields, lines, final);
  }
}

function endOfLine(buf: string, i: number, fields: string[], lines: number, final: boolean): Scan {
  if (buf[i] === '\r') {
    if (i + 1 >= buf.length && !final) return { type: 'more' };
    return { type: 'record', fields, end: buf[i + 1] === '\n' ? i + 2 : i + 1, lines: lines + 1 };
  }
  return { type: 'record', fields, end: i + 1, lines: lines + 1 };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let k = s.indexOf('\n'); k !== -1; k = s.indexOf('\n', k + 1)) n++;
  return n;
}

/** Index just after the end of the physical line containing `from`, or -1 if the line is incomplete. */
function nextLineStart(buf: string, from: number): number {
  const k = buf.indexOf('\n', from);
  return k === -1 ? -1 : k + 1;
}

/**
 * Streaming CSV/TSV parser over decoded text chunks. Memory is bounded by the largest record
 * (capped by maxRecordChars) plus one chunk. Every record carries its first physical line number.
 * After a bad quote the parser reports the record's line and resumes at the next line that parses
 * into a record with the header's field count, so one broken row never hides the rest of the file.
 */
export async function* parseDelimited(chunks: AsyncIterable<string>, opts: CsvOptions = {}): AsyncGenerator<CsvEvent> {
  const maxLines = opts.maxRecordLines ?? 200;
  const maxChars = opts.maxRecordChars ?? 1_000_000;
  const it = chunks[Symbol.asyncIterator]();
  let buf = '';
  let final = false;
  const pull = async (): Promise<void> => {
    const r = await it.next();
    if (r.done) final = true;
    else buf += r.value;
  };
  while (!final && buf.length < SNIFF_CHARS && countNewlines(buf) < 20) await pull();
  const delim = opts.delimiter ?? detectDelimiter(buf);

  let pos = 0;
  let line = 1;
  let expected = -1;
  let resync: { line: number; reason: string; skipped: number; tooLong?: boolean } | null = null;
  const flushResync = (): CsvEvent | null => {
    if (!resync) return null;
    const r = resync;
    resync = null;
    const tail = r.skipped > 0 ? `; lines ${r.line + 1}–${r.line + r.skipped} were skipped with it` : '';
    const fix = r.tooLong
      ? 'Check the delimiter and the quotes around this row, or split or shorten the field, then re-import this file (the other rows are kept)'
      : 'Close the quote or double the inner quotes (""), then re-import this file';
    return { kind: 'error', line: r.line, reason: `${r.reason}${tail}. ${fix}` };
  };

  for (;;) {
    if (pos > SNIFF_CHARS) {
      buf = buf.slice(pos);
      pos = 0;
    }
    if (pos >= buf.length) {
      if (final) break;
      await pull();
      continue;
    }
    const scan = scanRecord(buf, pos, delim, final, maxLines, maxChars);
    if (scan.type === 'more') {
      await pull();
      continue;
    }
    if (scan.type === 'bad') {
      if (expected === -1 && scan.tooLong) {
        // No header, nothing can be read right: stop here rather than take a data row for the header.
        yield { kind: 'fatal', line, reason: `the header (line ${line}) is too long: ${scan.reason}. A header has one name per column (at most ${MAX_COLUMNS} columns, ${maxChars} characters); check that this is a CSV export and its delimiter` };
        return;
      }
      let next = nextLineStart(buf, pos);
      while (next === -1 && !final) {
        // The rest of the buffer holds no line break: drop it so an endless line cannot fill memory.
        buf = buf.slice(0, pos + 1);
        await pull();
        next = nextLineStart(buf, pos);
      }
      if (resync) resync.skipped++;
      else resync = { line, reason: scan.reason, skipped: 0, tooLong: scan.tooLong };
      if (next === -1) break;
      pos = next;
      line++;
      continue;
    }
    const fields = scan.fields;
    const blank = fields.length === 1 && fields[0] === '';
    if (blank) {
      pos = scan.end;
      line += scan.lines;
      continue;
    }
    if (expected === -1) {
      if (fields.length > MAX_COLUMNS) {
        yield { kind: 'fatal', line, reason: `the header has ${fields.length} columns, over the limit of ${MAX_COLUMNS}: this is not a customer-feedback export (or its delimiter was misread). Export only the columns you need, or pass the delimiter's file type (.csv/.tsv)` };
        return;
      }
      expected = fields.length;
      yield { kind: 'header', line, fields: fields.map((f) => f.trim()), delimiter: delim };
    } else {
      // Tolerate trailing empty fields (a trailing delimiter) beyond the header width.
      while (fields.length > expected && fields[fields.length - 1].trim() === '') fields.pop();
      if (fields.length !== expected) {
        if (resync) {
          // Still inside the broken record: skip this physical line only.
          resync.skipped++;
          const next = nextLineStart(buf, pos);
          pos = next === -1 ? buf.length : next;
          line++;
          continue;
        }
        yield {
          kind: 'error',
          line,
          reason: `has ${fields.length} fields, expected ${expected} like the header: quote text containing the delimiter ${JSON.stringify(delim)} or fix the row`,
        };
        pos = scan.end;
        line += scan.lines;
        continue;
      }
      const err = flushResync();
      if (err) yield err;
      yield { kind: 'record', line, fields };
    }
    pos = scan.end;
    line += scan.lines;
  }
  const err = flushResync();
  if (err) yield err;
}
