import iconv from 'iconv-lite';
import { LineDecoder, type DecodeWarning } from './line-decoder.ts';

export type { DecodeWarning } from './line-decoder.ts';

/** Text encodings Écoute recognises in uploaded files. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** How many leading bytes are inspected to choose an encoding. */
export const SNIFF_BYTES = 64 * 1024;

/**
 * UTF-16 without a BOM: text of Latin scripts has a NUL in every other byte (the high byte of
 * each code unit). LE puts them at odd offsets, BE at even ones.
 */
function utf16Guess(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(head.length, 8192) & ~1;
  if (n < 16) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.4 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.4 && odd < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Lines of the head with non-ASCII bytes that are valid UTF-8, and those that are not. */
function utf8Votes(head: Uint8Array): { valid: number; invalid: number } {
  const strict = new TextDecoder('utf-8', { fatal: true });
  let valid = 0;
  let invalid = 0;
  let from = 0;
  while (from < head.length) {
    const k = head.indexOf(0x0a, from);
    const end = k === -1 ? head.length : k + 1;
    const line = head.subarray(from, end);
    if (line.some((b) => b >= 0x80)) {
      try {
        // stream: true tolerates a multi-byte sequence cut at the end of the sample.
        strict.decode(line, { stream: k === -1 });
        valid++;
      } catch {
        invalid++;
      }
    }
    from = end;
  }
  return { valid, invalid };
}

/**
 * Chooses the encoding of a file from its first bytes: a BOM wins; then UTF-16 by its NUL bytes;
 * then UTF-8 unless most accented lines are not valid UTF-8 (Windows-1252, Excel's default "CSV"
 * export in France). One stray byte no longer tips a UTF-8 file into Windows-1252.
 */
export function detectEncoding(head: Uint8Array): TextEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const wide = utf16Guess(head);
  if (wide) return wide;
  const v = utf8Votes(head);
  return v.invalid > v.valid ? 'windows-1252' : 'utf-8';
}

/** Incremental decoder for one encoding; keeps partial multi-byte sequences across chunks. */
export interface ChunkDecoder {
  write(chunk: Uint8Array): string;
  end(): string;
}

function utf16Decoder(encoding: 'utf-16le' | 'utf-16be', onWarning: (w: DecodeWarning) => void): ChunkDecoder {
  const d = iconv.getDecoder(encoding, { stripBOM: true });
  let bytes = 0;
  return {
    write: (c) => {
      bytes += c.byteLength;
      return d.write(Buffer.from(c.buffer, c.byteOffset, c.byteLength));
    },
    end: () => {
      // An odd byte count: the file was cut in the middle of a character.
      if (bytes % 2 === 1) onWarning({ line: 0, reason: `ends in the middle of a ${encoding.toUpperCase()} character (truncated file?): the last byte was dropped. Check that the export finished` });
      return (d.end() ?? '').replace(/\ufffd$/, '');
    },
  };
}

/**
 * Creates a decoder; the BOM (if any) is dropped. UTF-8 and Windows-1252 are decoded line by line
 * (see LineDecoder): a line in the other encoding is read right and reported through `onWarning`.
 */
export function createDecoder(
  encoding: TextEncoding, onWarning: (w: DecodeWarning) => void = () => undefined, head?: Uint8Array, onSwitch?: () => void,
): ChunkDecoder {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return utf16Decoder(encoding, onWarning);
  const utf8 = encoding !== 'windows-1252';
  const lines = new LineDecoder(utf8, utf8 && head !== undefined && utf8Votes(head).valid > 0, onWarning, onSwitch);
  let skipBom = encoding === 'utf-8-bom' ? 3 : 0;
  return {
    write(c) {
      if (skipBom) {
        const cut = Math.min(skipBom, c.byteLength);
        skipBom -= cut;
        c = c.subarray(cut);
      }
      return lines.write(c);
    },
    end: () => lines.end(),
  };
}

/**
 * Reads byte chunks, sniffs the encoding from the first SNIFF_BYTES (or the whole input if shorter)
 * and yields decoded text chunks. Memory stays bounded by the sniff window plus one chunk (plus one
 * line up to LONG_LINE_BYTES). Lines not in the file's encoding are reported through `onWarning`.
 */
export async function* decodeChunks(
  chunks: AsyncIterable<Uint8Array>,
  onEncoding?: (e: TextEncoding) => void,
  onWarning?: (w: DecodeWarning) => void,
): AsyncGenerator<string> {
  const pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let decoder: ChunkDecoder | undefined;
  const start = (): string => {
    const head = Buffer.concat(pending);
    const enc = detectEncoding(head);
    onEncoding?.(enc);
    decoder = createDecoder(enc, onWarning, head, () => onEncoding?.('windows-1252'));
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

/** Archive and compressed formats, by their magic bytes: never decompressed, refused by name. */
export function archiveKind(head: Uint8Array): string | null {
  const b = head;
  if (b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5 || b[2] === 7) && (b[3] === 4 || b[3] === 6 || b[3] === 8)) return 'a ZIP archive (or an .xlsx/.docx, which are ZIP files)';
  if (b[0] === 0x1f && b[1] === 0x8b) return 'a gzip-compressed file';
  if (b[0] === 0x42 && b[1] === 0x5a && b[2] === 0x68) return 'a bzip2-compressed file';
  if (b[0] === 0xfd && b[1] === 0x37 && b[2] === 0x7a && b[3] === 0x58 && b[4] === 0x5a) return 'an xz-compressed file';
  if (b[0] === 0x37 && b[1] === 0x7a && b[2] === 0xbc && b[3] === 0xaf) return 'a 7-Zip archive';
  if (b[0] === 0x52 && b[1] === 0x61 && b[2] === 0x72 && b[3] === 0x21) return 'a RAR archive';
  if (b[0] === 0x28 && b[1] === 0xb5 && b[2] === 0x2f && b[3] === 0xfd) return 'a zstd-compressed file';
  return null;
}

/**
 * True when the bytes look like a binary file, not text: many NUL or control bytes. UTF-16 text
 * (NUL in every other byte) is text; a stray NUL in a text export is not enough to refuse it (the
 * NUL is removed from the field, with a warning).
 */
export function looksBinary(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  if (head[0] === 0xff && head[1] === 0xfe) return false;
  if (head[0] === 0xfe && head[1] === 0xff) return false;
  if (utf16Guess(head)) return false;
  const n = Math.min(head.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / n > 0.05;
}
