/**
 * Splits streamed text into lines without their line ending (`\n` or `\r\n`); a last line without an
 * ending is yielded as is when not empty. Memory holds one chunk plus the current partial line.
 */
export async function* splitLines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let buf = '';
  for await (const chunk of chunks) {
    buf += chunk;
    let from = 0;
    let k: number;
    while ((k = buf.indexOf('\n', from)) !== -1) {
      yield buf.slice(from, k).replace(/\r$/, '');
      from = k + 1;
    }
    buf = buf.slice(from);
  }
  if (buf) yield buf;
}
