import iconv from 'iconv-lite';

/** A line whose bytes were not in the file's encoding (1-based physical line) and how it was read. */
export interface DecodeWarning {
  line: number;
  reason: string;
}

/** Bytes of one line held before it is decoded piecewise (a 100 MB field never sits whole in memory). */
export const LONG_LINE_BYTES = 1024 * 1024;

const strict = new TextDecoder('utf-8', { fatal: true });

function isAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] >= 0x80) return false;
  return true;
}

function tryUtf8(b: Uint8Array): string | null {
  try {
    return strict.decode(b);
  } catch {
    return null;
  }
}

function cp1252(b: Uint8Array): string {
  return iconv.decode(Buffer.from(b.buffer, b.byteOffset, b.byteLength), 'win1252');
}

/**
 * Decodes UTF-8 or Windows-1252 text line by line: a line that is valid UTF-8 is read as UTF-8,
 * any other as Windows-1252. One stray byte therefore spoils at most its own line, never the file
 * (before, one bad byte in the first 64 KB made a whole UTF-8 file read as Windows-1252). A line
 * read otherwise than the file's encoding is reported through `onWarning` with its number. Line
 * breaks (0x0A) never occur inside a multi-byte UTF-8 sequence, so splitting bytes on them is safe.
 */
export class LineDecoder {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  /** Set while a line longer than LONG_LINE_BYTES streams through in the file's encoding. */
  private long: { write(b: Uint8Array): string; end(): string } | null = null;
  private line = 1;
  /** A non-ASCII UTF-8 line was read: from then on a bad line is a stray, not the file's encoding. */
  private sawUtf8: boolean;

  constructor(
    private utf8File: boolean,
    /** The sniffed head already held UTF-8 accents: the file is UTF-8 for sure. */
    confirmedUtf8: boolean,
    private readonly onWarning: (w: DecodeWarning) => void,
    /** Called once if an ASCII-only start turns out to be Windows-1252. */
    private readonly onSwitch?: () => void,
  ) {
    this.sawUtf8 = confirmedUtf8;
  }

  write(chunk: Uint8Array): string {
    let out = '';
    let pos = 0;
    if (this.long) {
      const k = chunk.indexOf(0x0a);
      if (k === -1) return this.long.write(chunk);
      out += this.long.write(chunk.subarray(0, k + 1)) + this.long.end();
      this.long = null;
      this.line++;
      pos = k + 1;
    }
    const last = chunk.lastIndexOf(0x0a);
    if (last >= pos) {
      const block = this.pendingBytes ? Buffer.concat([...this.pending, chunk.subarray(pos, last + 1)]) : chunk.subarray(pos, last + 1);
      this.pending = [];
      this.pendingBytes = 0;
      out += this.lines(block);
      pos = last + 1;
    }
    if (pos < chunk.length) {
      this.pending.push(chunk.subarray(pos));
      this.pendingBytes += chunk.length - pos;
    }
    if (this.pendingBytes > LONG_LINE_BYTES) {
      // A very long line: decode it piecewise in the file's encoding (bad bytes become U+FFFD).
      if (this.utf8File) {
        const td = new TextDecoder('utf-8');
        this.long = { write: (b) => td.decode(b, { stream: true }), end: () => td.decode() };
      } else {
        const d = iconv.getDecoder('win1252');
        this.long = { write: (b) => d.write(Buffer.from(b.buffer, b.byteOffset, b.byteLength)), end: () => d.end() ?? '' };
      }
      out += this.long.write(Buffer.concat(this.pending));
      this.pending = [];
      this.pendingBytes = 0;
    }
    return out;
  }

  end(): string {
    if (this.long) {
      const s = this.long.end();
      this.long = null;
      return s;
    }
    const rest = this.pendingBytes ? this.lines(Buffer.concat(this.pending)) : '';
    this.pending = [];
    this.pendingBytes = 0;
    return rest;
  }

  /** Whole lines (the block ends with a line break, or is the file's last line). */
  private lines(block: Uint8Array): string {
    if (this.utf8File) {
      // Fast path: the whole block is valid UTF-8 (nearly always).
      const whole = tryUtf8(block);
      if (whole !== null) {
        if (!this.sawUtf8 && !isAscii(block)) this.sawUtf8 = true;
        this.line += countBreaks(block);
        return whole;
      }
    }
    let out = '';
    let from = 0;
    while (from < block.length) {
      const k = block.indexOf(0x0a, from);
      const end = k === -1 ? block.length : k + 1;
      out += this.one(block.subarray(from, end));
      if (k !== -1) this.line++;
      from = end;
    }
    return out;
  }

  private one(bytes: Uint8Array): string {
    if (isAscii(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    const utf8 = tryUtf8(bytes);
    if (utf8 !== null && this.utf8File) this.sawUtf8 = true;
    if (utf8 === null && this.utf8File && !this.sawUtf8) {
      // ASCII so far, then Windows-1252: a cp1252 export whose first accent lies beyond the sniff window.
      this.utf8File = false;
      this.onSwitch?.();
    }
    if (utf8 !== null) {
      if (!this.utf8File) this.onWarning({ line: this.line, reason: 'is UTF-8 in a Windows-1252 file: read as UTF-8. Re-export the file in one encoding (UTF-8) to be sure every line reads right' });
      return utf8;
    }
    if (this.utf8File) this.onWarning({ line: this.line, reason: 'is not valid UTF-8: read as Windows-1252, the rest of the file stays UTF-8. Check this line\'s accents, or re-export the file as UTF-8' });
    return cp1252(bytes);
  }
}

function countBreaks(b: Uint8Array): number {
  let n = 0;
  for (let k = b.indexOf(0x0a); k !== -1; k = b.indexOf(0x0a, k + 1)) n++;
  return n;
}
