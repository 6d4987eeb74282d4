import { parseHeaders } from './mime.ts';
import { splitLinesCapped } from './split-lines.ts';

/** Longest line kept (a base64 attachment written without line breaks is dropped, not held). */
const MAX_LINE_CHARS = 1_000_000;
/** Most characters kept of one message once its non-text parts are dropped (the rest is cut). */
export const MAX_MESSAGE_CHARS = 20_000_000;

/** Type, boundary and disposition of a header block: what decides whether a body is kept. */
function partOf(headerLines: string[]): { keep: boolean; boundary?: string } {
  const h = parseHeaders(headerLines.join('\n'));
  const ctype = h.get('content-type') ?? 'text/plain';
  const type = ctype.split(';')[0].trim().toLowerCase();
  const boundary = /boundary\s*=\s*("([^"]*)"|[^;\s]+)/i.exec(ctype);
  if (type.startsWith('multipart/')) return { keep: true, boundary: boundary ? (boundary[2] ?? boundary[1]) : undefined };
  return { keep: type.startsWith('text/') && !/attachment/i.test(h.get('content-disposition') ?? '') };
}

/**
 * One message as it streams: headers and text parts are kept, the bodies of other MIME parts
 * (attachments: PDF, images, base64 of any size) are dropped line by line as they pass, so a
 * 100 MB attachment never sits in memory. Boundaries come from the Content-Type headers seen.
 */
class MessageFilter {
  readonly lines: string[] = [];
  private size = 0;
  private headers: string[] = [];
  private state: 'headers' | 'body' = 'headers';
  private keepBody = true;
  private readonly boundaries = new Set<string>();

  push(line: string): void {
    if (this.state === 'headers') {
      this.keep(line);
      if (line.trim() !== '') {
        this.headers.push(line);
        return;
      }
      const part = partOf(this.headers);
      if (part.boundary) this.boundaries.add(part.boundary);
      this.keepBody = part.keep;
      this.headers = [];
      this.state = 'body';
      return;
    }
    if (line.startsWith('--') && this.boundaries.size) {
      const b = line.slice(2).trimEnd();
      if (this.boundaries.has(b) || (b.endsWith('--') && this.boundaries.has(b.slice(0, -2)))) {
        this.keep(line);
        // A closing boundary ("--b--") ends the multipart: what follows (epilogue) is not a part.
        if (!b.endsWith('--') || this.boundaries.has(b)) this.state = 'headers';
        else this.keepBody = false;
        return;
      }
    }
    if (this.keepBody) this.keep(line);
  }

  private keep(line: string): void {
    if (this.size > MAX_MESSAGE_CHARS) return;
    this.size += line.length + 1;
    this.lines.push(line);
  }

  text(): string {
    return this.lines.join('\n');
  }
}

/**
 * Splits an mbox (RFC 4155) into raw messages, streaming: a message starts at a line beginning with
 * "From " at the start of the file or after a blank line; ">From " escapes are undone. With
 * `single` (an .eml) the whole input is one message. Non-text parts are dropped as they stream
 * (see MessageFilter): memory holds one message's text, never an attachment or the mailbox.
 */
export async function* readMailbox(chunks: AsyncIterable<string>, single = false): AsyncGenerator<string> {
  let current = new MessageFilter();
  let prevBlank = true;
  for await (const line of splitLinesCapped(chunks, MAX_LINE_CHARS)) {
    if (typeof line !== 'string') {
      prevBlank = false;
      continue;
    }
    if (!single && line.startsWith('From ') && prevBlank) {
      if (current.lines.length) yield current.text();
      current = new MessageFilter();
    } else current.push(single ? line : line.replace(/^>(>*From )/, '$1'));
    prevBlank = line.trim() === '';
  }
  if (current.lines.some((l) => l.trim())) yield current.text();
}
