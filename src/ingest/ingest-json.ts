import type { IngestEvent, IngestOptions } from './ingest-event.ts';
import { mapJsonRow, mapJsonThread, type JsonContext } from './json-mapper.ts';
import { parseJsonArray, parseJsonLines } from './json-parser.ts';
import { ThreadBuilder } from './thread-builder.ts';
import { classifyExport, type ExportClass } from './export-kind.ts';
import { detectColumns } from './header-aliases.ts';

/**
 * JSON and JSON Lines ingest: each value is a thread (an object with "messages") mapped whole, or a flat
 * record mapped like a CSV row and threaded by conversation id. Bad values become `rejected` events.
 */
export async function* ingestJson(format: 'json' | 'jsonl', text: AsyncIterable<string>, opts: IngestOptions): AsyncGenerator<IngestEvent> {
  const ctx: JsonContext = {
    sourceName: opts.sourceName,
    defaultChannel: 'ticket',
    channel: opts.channel,
    brand: opts.mapping?.brand,
    dateFormat: opts.mapping?.dateFormat,
    clock: opts.clock,
    columns: opts.mapping?.columns,
    columnCache: new Map(),
    seenColumns: new Map(),
  };
  const shapes: string[][] = [];
  const classes = new Map<string, ExportClass>();
  let threaded = 0;
  let flat = 0;
  const threads = new ThreadBuilder({ sourceName: opts.sourceName, defaultChannel: 'ticket', channel: opts.channel, brand: opts.mapping?.brand, windowRows: opts.windowRows });
  const file = opts.fileName;
  for await (const ev of format === 'json' ? parseJsonArray(text) : parseJsonLines(text)) {
    yield { type: 'row' };
    if (ev.kind === 'error') {
      yield { type: 'rejected', error: { file, line: ev.line, reason: ev.reason } };
      continue;
    }
    const v = ev.value;
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      yield { type: 'rejected', error: { file, line: ev.line, reason: 'is not a JSON object: each record must be {"text": ..., "date": ...} or a thread with "messages"' } };
      continue;
    }
    const obj = v as Record<string, unknown>;
    if (shapes.length < 64) shapes.push(Object.keys(obj));
    if (Array.isArray(obj.messages)) {
      threaded++;
      const r = mapJsonThread(obj, ev.line, ctx);
      if (r.ok) yield { type: 'conversation', value: r.conversation };
      else yield { type: 'rejected', error: { file, line: ev.line, reason: r.reason } };
      continue;
    }
    flat++;
    const r = mapJsonRow(obj, ev.line, ctx);
    if (r.ok === 'empty') yield { type: 'ignored', line: ev.line };
    else if (r.ok === false) yield { type: 'rejected', error: { file, line: ev.line, reason: r.reason } };
    else {
      // Same defaults as CSV headers (see classifyExport), from this record's own keys.
      if (!r.row.channel && !opts.channel) {
        const keys = Object.keys(obj);
        const sig = keys.join('\u0001');
        let cls = classes.get(sig);
        if (!cls) {
          cls = classifyExport(keys, detectColumns(keys));
          if (classes.size < 256) classes.set(sig, cls);
        }
        if (cls.kind === 'reviews' || cls.kind === 'chats' || cls.kind === 'tickets') r.row.channel = cls.defaultChannel;
        else if (r.row.scores.length > 0) r.row.channel = 'survey';
      }
      const out = threads.add(r.row);
      for (const c of out.conversations) yield { type: 'conversation', value: c };
      for (const l of out.late) yield { type: 'rejected', error: { file, ...l } };
    }
  }
  for (const c of threads.finish()) yield { type: 'conversation', value: c };
  const keys = [...new Set(shapes.flat())];
  const cls = classifyExport(keys, detectColumns(keys));
  const kind = threaded > flat ? 'threads' : cls.kind;
  const columns = [...ctx.seenColumns!].map(([column, field]) => ({ column, field }));
  yield { type: 'schema', value: { kind, channel: opts.channel ?? (threaded > flat ? 'ticket' : cls.defaultChannel), vendor: cls.vendor, columns } };
}
