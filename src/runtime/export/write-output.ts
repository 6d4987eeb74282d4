import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { InputError } from '../../core/errors.ts';

/** A text sink that respects backpressure: stdout, or a file opened for --out. */
export interface OutputSink {
  write(chunk: string): Promise<void>;
  close(): Promise<void>;
}

/** Writes to `path` when given (creating or replacing it), else to `stdout` (left open). */
export async function openOutput(path: string | undefined, stdout: Writable): Promise<OutputSink> {
  const stream: Writable = path ? createWriteStream(path, { encoding: 'utf8' }) : stdout;
  if (path) {
    await Promise.race([
      once(stream, 'open'),
      once(stream, 'error').then(([err]) => {
        throw new InputError(`Cannot write ${path}: ${(err as Error).message}. Check that the folder exists and is writable.`);
      }),
    ]);
  }
  return {
    async write(chunk) {
      if (!stream.write(chunk)) await once(stream, 'drain');
    },
    async close() {
      if (!path) return;
      stream.end();
      await once(stream, 'finish');
    },
  };
}
