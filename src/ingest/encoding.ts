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
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') {
    const d = new TextDecoder('utf-8', { ignoreBOM: false });
    return { write: (c) => d.decode(c, { stream: true }), end: () => d.decode() };
  }
  const d = iconv.getDecoder(encoding === 'utf-16le' ? 'utf-16le' : 'win1252', { stripBOM: true });
  return { write: (c) => d.write(Buffer.from(c.buffer, c.byteOffset, c.byteLength)), end: () => d.end() ?? '' };
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
