import { splitLinesCapped } from './split-lines.ts';

/** One JSON value read from a JSON array or a JSONL line, with where it started. */
export type JsonEvent = { kind: 'value'; line: number; value: unknown } | { kind: 'error'; line: number; reason: string };

/** Largest record (array element or JSONL line), in characters: a thread of hundreds of messages fits. */
export const MAX_JSON_RECORD_CHARS = 10_000_000;
/** Deepest nesting of a record: exports nest a handful of levels; 100 000 levels would blow the stack. */
export const MAX_JSON_DEPTH = 100;

const tooLarge = (chars: number): string =>
  `record larger than ${MAX_JSON_RECORD_CHARS} characters (the limit per record; this one has at least ${chars}): split it or remove the oversized field, then re-import this file (the other records are kept)`;
const tooDeep = `record nested deeper than ${MAX_JSON_DEPTH} levels (the limit): flatten it, then re-import this file (the other records are kept)`;

/**
 * Streams the elements of a top-level JSON array (or a single top-level object) without holding the
 * whole document: a small scanner tracks depth and strings and hands each element to JSON.parse.
 * An element over MAX_JSON_RECORD_CHARS or MAX_JSON_DEPTH is not kept in memory: it is skipped to
 * its end and reported with its line, and the elements after it are read.
 */
export async function* parseJsonArray(chunks: AsyncIterable<string>): AsyncGenerator<JsonEvent> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let line = 1;
  let elem = '';
  let elemLen = 0;
  let elemLine = 1;
  let elemDepth = 0;
  let topIsObject = false;
  let started = false;
  let elemStarted = false;
  const finish = (): JsonEvent => {
    const ev: JsonEvent = elemLen > MAX_JSON_RECORD_CHARS ? { kind: 'error', line: elemLine, reason: tooLarge(elemLen) }
      : elemDepth > MAX_JSON_DEPTH ? { kind: 'error', line: elemLine, reason: tooDeep }
        : parseOne(elem, elemLine);
    elem = '';
    elemLen = 0;
    elemDepth = 0;
    elemStarted = false;
    return ev;
  };
  for await (const chunk of chunks) {
    // Characters of the current element are appended by slices, not one by one (a 100 MB field stays fast).
    let from = elemStarted ? 0 : -1;
    const keep = (to: number): void => {
      if (from !== -1 && to > from) {
        elemLen += to - from;
        if (elemLen <= MAX_JSON_RECORD_CHARS) elem += chunk.slice(from, to);
        else elem = '';
      }
      from = -1;
    };
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
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') inString = false;
        continue;
      }
      if (depth === 1 && !topIsObject && (c === ',' || c === ']')) {
        keep(i);
        if (elemStarted) yield finish();
        if (c === ']') depth = 0;
        continue;
      }
      if (depth === 0 && !topIsObject) continue;
      if (!elemStarted) {
        if (/\s/.test(c)) continue;
        elemStarted = true;
        elemLine = line;
      }
      if (from === -1) from = i;
      if (c === '"') inString = true;
      else if (c === '{' || c === '[') {
        depth++;
        elemDepth = Math.max(elemDepth, depth - (topIsObject ? 0 : 1));
      } else if (c === '}' || c === ']') {
        depth--;
        if (topIsObject && depth === 0) {
          keep(i + 1);
          yield finish();
          topIsObject = false;
          started = false;
        }
      }
    }
    keep(chunk.length);
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

/** Deepest nesting of brackets outside strings (JSON.parse and the mappers recurse: checked first). */
function depthOf(s: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) max = depth;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/**
 * Streams JSON Lines: one value a line; blank lines are ignored; a bad line (invalid, over
 * MAX_JSON_RECORD_CHARS, nested deeper than MAX_JSON_DEPTH) is reported with its number, not fatal.
 */
export async function* parseJsonLines(chunks: AsyncIterable<string>): AsyncGenerator<JsonEvent> {
  let line = 0;
  for await (const raw of splitLinesCapped(chunks, MAX_JSON_RECORD_CHARS)) {
    line++;
    if (typeof raw !== 'string') {
      yield { kind: 'error', line, reason: tooLarge(raw.overLimit) };
      continue;
    }
    const s = raw.trim();
    if (!s) continue;
    if (depthOf(s) > MAX_JSON_DEPTH) yield { kind: 'error', line, reason: tooDeep };
    else yield parseOne(s, line);
  }
}
