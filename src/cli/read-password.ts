/**
 * Reads a password for `ecoute user add`: from stdin when asked (`--password-stdin`, for scripts), else
 * typed twice at the terminal without echo. Never from a flag: flags end up in shell history and `ps`.
 */
import type { Readable, Writable } from 'node:stream';
import { UsageError } from '../core/errors.ts';

/** Reads all of `input` and drops one trailing line break (what `echo` or a file adds). */
async function readAll(input: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

type RawInput = Readable & { isTTY?: boolean; setRawMode?: (on: boolean) => unknown };

/** One line typed at the terminal, echoed as nothing; Ctrl-C or Ctrl-D cancels. */
function promptHidden(input: RawInput, output: Writable, question: string): Promise<string> {
  output.write(question);
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (err?: Error): void => {
      input.off('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      if (err) reject(err);
      else resolve(typed);
    };
    const onData = (data: Buffer | string): void => {
      for (const ch of String(data)) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003' || ch === '\u0004') return done(new UsageError('Cancelled: no password given, nothing was changed.'));
        typed = ch === '\u007f' || ch === '\b' ? [...typed].slice(0, -1).join('') : typed + ch;
      }
    };
    input.setRawMode?.(true);
    input.resume();
    input.on('data', onData);
  });
}

/** The new password: from stdin, or prompted twice at a terminal (the two must match). */
export async function readNewPassword(input: Readable, output: Writable, fromStdin: boolean): Promise<string> {
  if (fromStdin) return readAll(input);
  const tty = input as RawInput;
  if (!tty.isTTY) {
    throw new UsageError('No terminal to type the password in. Pipe it instead: `printf %s "$PASSWORD" | ecoute user add EMAIL --role ROLE --password-stdin`.');
  }
  const first = await promptHidden(tty, output, 'Password (12 characters or more): ');
  const second = await promptHidden(tty, output, 'Same password again: ');
  if (first !== second) throw new UsageError('The two passwords differ. Run the command again; nothing was changed.');
  return first;
}
