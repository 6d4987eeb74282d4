/**
 * Splits streamed text into lines without their line ending (`\n` or `\r\n`); a last line without an
 * ending is yielded as is when not empty. Memory holds one chunk plus the current partial line.
 */
export async function* splitLines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  for await (const l of splitLinesCapped(chunks, Infinity)) if (typeof l === 'string') yield l;
}

/** A line longer than the cap: its text was dropped as it streamed; `overLimit` is its length. */
export interface OverlongLine {
  overLimit: number;
}

/**
 * splitLines with a cap: a line longer than `maxChars` is never held whole; it is dropped as it
 * streams and yielded as an OverlongLine in its place, so line numbers stay right.
 */
export async function* splitLinesCapped(chunks: AsyncIterable<string>, maxChars: number): AsyncGenerator<string | OverlongLine> {
  // The current partial line as pieces (joined once at its end: no quadratic re-scan or re-copy).
  let parts: string[] = [];
  let partLen = 0;
  // Length of the current line dropped so far (> 0 while skipping an overlong line).
  let dropped = 0;
  const endLine = (tail: string): string | OverlongLine => {
    const len = partLen + tail.length;
    const out = dropped || len > maxChars ? { overLimit: dropped + len } : (parts.length ? parts.join('') + tail : tail).replace(/\r$/, '');
    parts = [];
    partLen = 0;
    dropped = 0;
    return out;
  };
  for await (const chunk of chunks) {
    let from = 0;
    let k: number;
    while ((k = chunk.indexOf('\n', from)) !== -1) {
      yield endLine(chunk.slice(from, k));
      from = k + 1;
    }
    if (from < chunk.length) {
      parts.push(from ? chunk.slice(from) : chunk);
      partLen += chunk.length - from;
      if (partLen > maxChars) {
        dropped += partLen;
        parts = [];
        partLen = 0;
      }
    }
  }
  if (dropped || partLen) yield endLine('');
}
