import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConversationInput } from '../../src/core/conversation.ts';
import type { EmployeeSurveyInput } from '../../src/core/employee-survey.ts';
import { ingestChunks, type IngestOptions } from '../../src/ingest/ingest-stream.ts';
import type { RowError } from '../../src/ingest/row-error.ts';
import type { ImportSchema } from '../../src/ingest/import-schema.ts';
import { luhnValid } from '../../src/ingest/pii/card.ts';

export const FIXED_NOW = new Date('2026-11-01T12:00:00Z');
export const fixedClock = () => FIXED_NOW;

/** Splits bytes into chunks of `size` bytes, to prove parsers do not depend on chunk boundaries. */
export async function* chunked(data: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

export interface Collected {
  conversations: ConversationInput[];
  employees: EmployeeSurveyInput[];
  rejected: RowError[];
  rows: number;
  ignored: number;
  /** The last schema event: kind, channel and what each column fills. */
  schema?: ImportSchema;
}

/** Runs the pure ingest pipeline over in-memory bytes. */
export async function ingestBytes(
  fileName: string,
  data: string | Uint8Array,
  opts: Partial<IngestOptions> & { chunkSize?: number } = {},
): Promise<Collected> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const out: Collected = { conversations: [], employees: [], rejected: [], rows: 0, ignored: 0 };
  const events = ingestChunks(chunked(bytes, opts.chunkSize ?? 64 * 1024), {
    fileName,
    sourceName: opts.sourceName ?? 'test',
    clock: fixedClock,
    ...opts,
  });
  for await (const ev of events) {
    if (ev.type === 'conversation') out.conversations.push(ev.value);
    else if (ev.type === 'employee') out.employees.push(ev.value);
    else if (ev.type === 'rejected') out.rejected.push(ev.error);
    else if (ev.type === 'row') out.rows++;
    else if (ev.type === 'ignored') out.ignored++;
    else if (ev.type === 'schema') out.schema = ev.value;
  }
  return out;
}

/** Writes a fixture into a fresh temp directory and returns its path. */
export function tempFile(name: string, data: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'ecoute-ingest-'));
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

/** Computes a NIR key by the INSEE rule, so fixtures are built, not copied. */
export function nirWithKey(body13: string): string {
  const n = BigInt(body13.replace('2A', '19').replace('2B', '18'));
  return body13 + String(97n - (n % 97n)).padStart(2, '0');
}

/** Builds a valid IBAN from country + BBAN by computing the mod-97 check digits (ISO 7064). */
export function ibanFor(country: string, bban: string): string {
  const digits = (bban + country + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  const check = 98n - (BigInt(digits) % 97n);
  return country + String(check).padStart(2, '0') + bban;
}

/** Appends a Luhn check digit. */
export function withLuhn(prefix: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(prefix + d)) return prefix + d;
  throw new Error('unreachable');
}

/**
 * Runs `fn` with process stdout and stderr captured (for commands called through `main`), restoring
 * both afterwards; returns its result and everything written, in order. `fn` may read what was
 * written so far through `seen()`.
 */
export async function captureOutput<T>(fn: (seen: () => string) => Promise<T>): Promise<{ result: T; output: string }> {
  const out: string[] = [];
  const origOut = process.stdout.write.bind(process.stdout);
  const origErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => (out.push(String(s)), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => (out.push(String(s)), true)) as typeof process.stderr.write;
  try {
    return { result: await fn(() => out.join('')), output: out.join('') };
  } finally {
    process.stdout.write = origOut;
    process.stderr.write = origErr;
  }
}
