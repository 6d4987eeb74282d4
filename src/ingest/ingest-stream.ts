import { ConversationInputSchema } from '../core/conversation.ts';
import { InputError } from '../core/errors.ts';
import type { Channel } from '../core/labels.ts';
import { detectFormat, type FileFormat } from './detect-format.ts';
import { decodeChunks as decodeText, type TextEncoding } from './encoding.ts';
import { stripNul } from './strip-nul.ts';
import type { RowError } from './row-error.ts';
import { redactConversation, redactEmployeeAnswer } from './pii/redact-records.ts';
import type { IngestEvent, IngestOptions } from './ingest-event.ts';
import { ingestDelimited } from './ingest-delimited.ts';
import { ingestJson } from './ingest-json.ts';
import { parseSrt, parseTurns, parseVtt, transcriptToConversation } from './transcript.ts';
import { compactEmail, emailThreadToConversation, readEmail, readEmailFacts, threadEmails, threadRoots, type EmailMessage, type ThreadingFacts } from './email-thread.ts';
import { readMailbox } from './mbox-reader.ts';

export type { IngestEvent, IngestOptions } from './ingest-event.ts';

/** Largest transcript / single e-mail read whole (they are parsed in one piece). */
const MAX_WHOLE_FILE_CHARS = 50 * 1024 * 1024;

/**
 * Reads one file's bytes and yields normalized, PII-redacted records plus rejected rows. Pure: no
 * file system, no store; the caller supplies the bytes and writes the records.
 */
export async function* ingestChunks(chunks: AsyncIterable<Uint8Array>, opts: IngestOptions): AsyncGenerator<IngestEvent> {
  let format = opts.format;
  let rest = chunks;
  if (format === undefined) {
    // Only detection needs the head; a caller that already detected (run-import) streams straight through.
    const peeked = await peek(chunks, 8192);
    format = detectFormat(opts.fileName, peeked.head);
    rest = peeked.rest;
  }
  const file = opts.fileName;
  const channel = opts.channel ?? (opts.mapping?.channel as Channel | undefined);
  const decoded: Decoded = { warnings: [] };
  for await (const ev of route(format, rest, { ...opts, channel }, decoded)) {
    // Decoding warnings gathered while this event was read come first (they name earlier lines).
    while (decoded.warnings.length) yield { type: 'warning', warning: decoded.warnings.shift()! };
    if (ev.type === 'schema') yield { type: 'schema', value: { ...ev.value, encoding: ev.value.encoding ?? decoded.encoding } };
    else if (ev.type === 'conversation') {
      const clean = stripNul(ev.value);
      if (clean.removed) yield { type: 'warning', warning: { file, line: 0, reason: nulReason(`conversation "${ev.value.externalId ?? ev.value.naturalKey}"`, clean.removed) } };
      const checked = ConversationInputSchema.safeParse(redactConversation(clean.value, opts.pseudonymSecret));
      if (!checked.success) {
        const issue = checked.error.issues[0];
        yield { type: 'rejected', error: { file, line: 0, reason: `conversation "${ev.value.externalId ?? ev.value.naturalKey}": ${issue.path.join('.')}: ${issue.message}` } };
      } else yield { type: 'conversation', value: checked.data };
    } else if (ev.type === 'employee') {
      const clean = stripNul(ev.value);
      if (clean.removed) yield { type: 'warning', warning: { file, line: 0, reason: nulReason('an employee answer', clean.removed) } };
      yield { type: 'employee', value: redactEmployeeAnswer(clean.value) };
    } else yield ev;
  }
  while (decoded.warnings.length) yield { type: 'warning', warning: decoded.warnings.shift()! };
}

/** What decoding found: the encoding (for the schema event) and lines read otherwise, to report. */
interface Decoded {
  encoding?: TextEncoding;
  warnings: RowError[];
}

function nulReason(what: string, n: number): string {
  return `${what}: ${n} NUL character${n === 1 ? '' : 's'} (\\u0000) removed, since databases cannot store them; the record is kept. Check the export if its text looks cut`;
}

async function* route(
  format: FileFormat, chunks: AsyncIterable<Uint8Array>, opts: IngestOptions, decoded: Decoded,
): AsyncGenerator<IngestEvent> {
  const base = opts.fileName.replace(/^.*[\\/]/, '');
  // The encoding is sniffed while decoding; the schema event reports it, and lines read otherwise are warned of.
  const decodeChunks = (c: AsyncIterable<Uint8Array>): AsyncGenerator<string> => decodeText(
    c, (e) => (decoded.encoding = e), (w) => { if (decoded.warnings.length < 10_000) decoded.warnings.push({ file: opts.fileName, ...w }); },
  );
  switch (format) {
    case 'csv':
    case 'tsv':
      yield* ingestDelimited(decodeChunks(chunks), { ...opts, delimiter: format === 'tsv' ? '\t' : undefined });
      return;
    case 'json':
    case 'jsonl':
      yield* ingestJson(format, decodeChunks(chunks), opts);
      return;
    case 'vtt':
    case 'srt':
    case 'turns': {
      const text = await readWhole(decodeChunks(chunks), opts.fileName);
      const t = format === 'vtt' ? parseVtt(text) : format === 'srt' ? parseSrt(text) : parseTurns(text);
      yield { type: 'schema', value: { kind: 'call transcript', channel: opts.channel ?? 'call', columns: [] } };
      yield { type: 'row' };
      if (t.turns.length === 0) {
        yield { type: 'rejected', error: { file: opts.fileName, line: 1, reason: 'no speaker turns found: write cues as "Name: text" or use <v Name> voice tags' } };
        return;
      }
      yield { type: 'conversation', value: transcriptToConversation(t, { sourceName: opts.sourceName, baseName: base.replace(/\.[^.]+$/, ''), channel: opts.channel, clock: opts.clock }) };
      return;
    }
    case 'eml':
    case 'mbox': {
      yield { type: 'schema', value: { kind: 'e-mail', channel: opts.channel ?? 'email', columns: [] } };
      const ctx = { sourceName: opts.sourceName, channel: opts.channel };
      if (format === 'mbox' && opts.reopen) {
        yield* streamMailbox(chunks, opts.reopen, opts, ctx);
        return;
      }
      // One pass (an .eml, or bytes that cannot be read twice): messages held compact, then threaded.
      const messages: EmailMessage[] = [];
      for await (const raw of readMailbox(latin1(chunks), format === 'eml')) messages.push(compactEmail(readEmail(raw, messages.length, opts.clock)));
      for (const _ of messages) yield { type: 'row' };
      for (const c of threadEmails(messages, ctx)) yield { type: 'conversation', value: c };
      return;
    }
  }
}

/**
 * An mbox in two passes, so it is never held whole: the first reads only headers and threads them
 * (a few hundred bytes a message); the second reads each message again and emits its thread as soon
 * as the thread's last message has passed. Memory: the threading facts plus the open threads' texts.
 */
async function* streamMailbox(
  chunks: AsyncIterable<Uint8Array>, reopen: () => AsyncIterable<Uint8Array>, opts: IngestOptions, ctx: { sourceName: string; channel?: Channel },
): AsyncGenerator<IngestEvent> {
  const facts: ThreadingFacts[] = [];
  for await (const raw of readMailbox(latin1(chunks))) facts.push(readEmailFacts(raw, facts.length, opts.clock));
  const roots = threadRoots(facts);
  facts.length = 0;
  const last = new Map<number, number>();
  for (const [index, root] of roots) last.set(root, Math.max(last.get(root) ?? -1, index));
  const open = new Map<number, EmailMessage[]>();
  let index = 0;
  for await (const raw of readMailbox(latin1(reopen()))) {
    const i = index++;
    const root = roots.get(i);
    // The file changed between the passes: stop rather than mis-thread.
    if (root === undefined) throw new InputError(`${opts.fileName} changed while it was being imported (more messages on the second read). Import it again once it is complete.`);
    yield { type: 'row' };
    const thread = open.get(root) ?? [];
    thread.push(compactEmail(readEmail(raw, i, opts.clock)));
    if (last.get(root) === i) {
      open.delete(root);
      yield { type: 'conversation', value: emailThreadToConversation(thread, ctx) };
    } else open.set(root, thread);
  }
  for (const thread of open.values()) yield { type: 'conversation', value: emailThreadToConversation(thread, ctx) };
}

async function* latin1(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  for await (const c of chunks) yield Buffer.from(c.buffer, c.byteOffset, c.byteLength).toString('latin1');
}

async function readWhole(chunks: AsyncIterable<string>, fileName: string): Promise<string> {
  let s = '';
  for await (const c of chunks) {
    s += c;
    if (s.length > MAX_WHOLE_FILE_CHARS) {
      throw new InputError(`${fileName} is larger than 50 MB; transcripts and single e-mails are read whole. Split the file, or use .mbox for many e-mails.`);
    }
  }
  return s;
}

/** Reads at least `n` bytes (or everything) and returns them with an iterable that replays them first. */
async function peek(chunks: AsyncIterable<Uint8Array>, n: number): Promise<{ head: Uint8Array; rest: AsyncIterable<Uint8Array> }> {
  const it = chunks[Symbol.asyncIterator]();
  const taken: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < n) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    taken.push(r.value);
    size += r.value.byteLength;
  }
  const head = Buffer.concat(taken);
  async function* rest(): AsyncGenerator<Uint8Array> {
    if (head.byteLength) yield head;
    if (done) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  return { head, rest: rest() };
}
