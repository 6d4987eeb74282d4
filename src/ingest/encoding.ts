import iconv from 'iconv-lite';

/** Text encodings Écoute recognises in uploaded files. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'windows-1252';

/** How many leading bytes are inspected to choose an encoding. */
export const SNIFF_BYTES = 64 * 1024;

/**
 * Chooses the encoding of a file from its first bytes: a BOM wins; otherwise bytes that are valid
 * UTF-8 are read as UTF-8, and anything else as Windows-1252 (Excel's default "CSV" export in France).
 */
export function detectEncoding(head: Uint8Array): TextEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  try {
    // stream: true tolerates a multi-byte sequence cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** Incremental decoder for one encoding; keeps partial multi-byte sequences across chunks. */
export interface ChunkDecoder {
  write(chunk: Uint8Array): string;
  end(): string;
}

/** Creates a decoder; the BOM (if any) is dropped. */
export function createDecoder(encoding: TextEncoding): ChunkDecoder {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') return utf8OrLate1252();
  const d = iconv.getDecoder(encoding === 'utf-16le' ? 'utf-16le' : 'win1252', { stripBOM: true });
  return { write: (c) => d.write(Buffer.from(c.buffer, c.byteOffset, c.byteLength)), end: () => d.end() ?? '' };
}

/**
 * UTF-8 decoder that switches to Windows-1252 when invalid UTF-8 shows up after a pure-ASCII start
 * (a cp1252 export whose first accented letter lies beyond the sniff window). ASCII reads the same
 * in both, so nothing already decoded changes. After real UTF-8 text, bad bytes become U+FFFD.
 */
function utf8OrLate1252(): ChunkDecoder {
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const lenient = new TextDecoder('utf-8', { ignoreBOM: false });
  let sawNonAscii = false;
  let fallback: ChunkDecoder | null = null;
  let mode: 'strict' | 'lenient' = 'strict';
  return {
    write(c) {
      if (fallback) return fallback.write(c);
      if (mode === 'lenient') return lenient.decode(c, { stream: true });
      try {
        const s = strict.decode(c, { stream: true });
        if (!sawNonAscii) sawNonAscii = c.some((b) => b >= 0x80);
        return s;
      } catch {
        if (!sawNonAscii) {
          fallback = createDecoder('windows-1252');
          return fallback.write(c);
        }
        mode = 'lenient';
        return lenient.decode(c, { stream: true });
      }
    },
    end() {
      if (fallback) return fallback.end();
      if (mode === 'lenient') return lenient.decode();
      try {
        return strict.decode();
      } catch {
        return '\ufffd';
      }
    },
  };
}

/**
 * Reads byte chunks, sniffs the encoding from the first SNIFF_BYTES (or the whole input if shorter)
 * and yields decoded text chunks. Memory stays bounded by the sniff window plus one chunk.
 */
export async function* decodeChunks(
  chunks: AsyncIterable<Uint8Array>,
  onEncoding?: (e: TextEncoding) => void,
): AsyncGenerator<string> {
  const pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let decoder: ChunkDecoder | undefined;
  const start = (): string => {
    const head = Buffer.concat(pending);
    const enc = detectEncoding(head);
    onEncoding?.(enc);
    decoder = createDecoder(enc);
    return decoder.write(head);
  };
  for await (const chunk of chunks) {
    if (decoder) {
      const s = decoder.write(chunk);
      if (s) yield s;
      continue;
    }
    pending.push(chunk);
    pendingBytes += chunk.byteLength;
    if (pendingBytes >= SNIFF_BYTES) {
      const s = start();
      if (s) yield s;
    }
  }
  if (!decoder) {
    const s = start();
    if (s) yield s;
  }
  const tail = decoder!.end();
  if (tail) yield tail;
}

/** True when the bytes look like a binary file (NUL bytes or many control characters), not text. */
export function looksBinary(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  if (head[0] === 0xff && head[1] === 0xfe) return false;
  const n = Math.min(head.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / n > 0.05;
}
