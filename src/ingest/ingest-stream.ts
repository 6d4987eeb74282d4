import { ConversationInputSchema } from '../core/conversation.ts';
import { InputError } from '../core/errors.ts';
import type { Channel } from '../core/labels.ts';
import { detectFormat, type FileFormat } from './detect-format.ts';
import { decodeChunks as decodeText, type TextEncoding } from './encoding.ts';
import { redactConversation, redactEmployeeAnswer } from './pii/redact-records.ts';
import type { IngestEvent, IngestOptions } from './ingest-event.ts';
import { ingestDelimited } from './ingest-delimited.ts';
import { ingestJson } from './ingest-json.ts';
import { parseSrt, parseTurns, parseVtt, transcriptToConversation } from './transcript.ts';
import { readEmail, splitMbox, threadEmails, type EmailMessage } from './email-thread.ts';

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
  const decoded: { encoding?: TextEncoding } = {};
  for await (const ev of route(format, rest, { ...opts, channel }, decoded)) {
    if (ev.type === 'schema') yield { type: 'schema', value: { ...ev.value, encoding: ev.value.encoding ?? decoded.encoding } };
    else if (ev.type === 'conversation') {
      const checked = ConversationInputSchema.safeParse(redactConversation(ev.value));
      if (!checked.success) {
        const issue = checked.error.issues[0];
        yield { type: 'rejected', error: { file, line: 0, reason: `conversation "${ev.value.externalId ?? ev.value.naturalKey}": ${issue.path.join('.')}: ${issue.message}` } };
      } else yield { type: 'conversation', value: checked.data };
    } else if (ev.type === 'employee') yield { type: 'employee', value: redactEmployeeAnswer(ev.value) };
    else yield ev;
  }
}

async function* route(
  format: FileFormat, chunks: AsyncIterable<Uint8Array>, opts: IngestOptions, decoded: { encoding?: TextEncoding },
): AsyncGenerator<IngestEvent> {
  const base = opts.fileName.replace(/^.*[\\/]/, '');
  // The encoding is sniffed while decoding; the schema event reports it.
  const decodeChunks = (c: AsyncIterable<Uint8Array>): AsyncGenerator<string> => decodeText(c, (e) => (decoded.encoding = e));
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
      const binary = latin1(chunks);
      const messages: EmailMessage[] = [];
      if (format === 'eml') messages.push(readEmail(await readWhole(binary, opts.fileName), 0, opts.clock));
      else for await (const raw of splitMbox(binary)) messages.push(readEmail(raw, messages.length, opts.clock));
      for (const _ of messages) yield { type: 'row' };
      for (const c of threadEmails(messages, { sourceName: opts.sourceName, channel: opts.channel })) yield { type: 'conversation', value: c };
      return;
    }
  }
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
