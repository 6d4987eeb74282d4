/**
 * The JSONL plumbing shared by the commands that read one JSON object a line and answer one a line
 * without the database (`ecoute analyze`, `ecoute coach`): the input (a file, or `-` for standard
 * input), back-pressured output, and the error line a rejected input line gets.
 */
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { UsageError } from '../core/errors.ts';

/** Standard input for `-`, else the file, opened: a path that cannot be read is a UsageError naming it. */
export async function openJsonlInput(file: string, stdin: Readable): Promise<Readable> {
  if (file === '-') return stdin;
  const input = createReadStream(file);
  await new Promise<void>((resolve, reject) => {
    input.once('open', () => resolve());
    input.once('error', (err: Error) => reject(new UsageError(`Cannot read ${file}: ${err.message}. Check the path.`)));
  });
  return input;
}

/** Writes `s`, waiting for the stream to drain when its buffer is full. */
export async function writeOut(out: Writable, s: string): Promise<void> {
  if (!out.write(s)) await once(out, 'drain');
}

/** The output line of a rejected input line: {"id"?, "line", "error": {"code", "message"}}. */
export function errorLine(p: { id?: unknown; line: number; code: string; message: string }): string {
  return JSON.stringify({ ...(p.id !== undefined ? { id: p.id } : {}), line: p.line, error: { code: p.code, message: p.message } }) + '\n';
}
