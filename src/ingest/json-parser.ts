import { splitLines } from './split-lines.ts';

/** One JSON value read from a JSON array or a JSONL line, with where it started. */
export type JsonEvent = { kind: 'value'; line: number; value: unknown } | { kind: 'error'; line: number; reason: string };

/**
 * Streams the elements of a top-level JSON array (or a single top-level object) without holding the
 * whole document: a small scanner tracks depth and strings and hands each element to JSON.parse.
 */
export async function* parseJsonArray(chunks: AsyncIterable<string>): AsyncGenerator<JsonEvent> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let line = 1;
  let elem = '';
  let elemLine = 1;
  let topIsObject = false;
  let started = false;
  let elemStarted = false;
  for await (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (c === '\n') line++;
      if (!started) {
        if (c === '[') {
          started = true;
          depth = 1;
          continue;
        }
        if (c === '{') {
          started = true;
          topIsObject = true;
          depth = 0;
        } else if (/\s/.test(c) || c === '\ufeff') continue;
        else {
          yield { kind: 'error', line, reason: 'is not JSON (expected "[" or "{"): export the data as a JSON array or JSONL' };
          return;
        }
      }
      if (inString) {
        elem += c;
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') inString = false;
        continue;
      }
      if (depth === 1 && !topIsObject && (c === ',' || c === ']')) {
        if (elemStarted) yield parseOne(elem, elemLine);
        elem = '';
        elemStarted = false;
        if (c === ']') depth = 0;
        continue;
      }
      if (depth === 0 && !topIsObject) continue;
      if (!elemStarted) {
        if (/\s/.test(c)) continue;
        elemStarted = true;
        elemLine = line;
      }
      elem += c;
      if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (topIsObject && depth === 0) {
          yield parseOne(elem, elemLine);
          elem = '';
          elemStarted = false;
          topIsObject = false;
          started = false;
        }
      }
    }
  }
  if (elemStarted || depth > 0) {
    yield { kind: 'error', line: elemLine, reason: 'the JSON document ends in the middle of a value (truncated file?): re-export it' };
  }
}

function parseOne(text: string, line: number): JsonEvent {
  try {
    return { kind: 'value', line, value: JSON.parse(text) };
  } catch (err) {
    return { kind: 'error', line, reason: `invalid JSON (${(err as Error).message}): fix this element` };
  }
}

/** Streams JSON Lines: one value a line; blank lines are ignored; a bad line is reported, not fatal. */
export async function* parseJsonLines(chunks: AsyncIterable<string>): AsyncGenerator<JsonEvent> {
  let line = 0;
  for await (const raw of splitLines(chunks)) {
    line++;
    const s = raw.trim();
    if (s) yield parseOne(s, line);
  }
}
