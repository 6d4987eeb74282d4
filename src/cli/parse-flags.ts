import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../core/errors.ts';
import type { Lang } from '../core/lang.ts';

/** A command's parseArgs options (strict mode is always on; `args` is passed separately). */
export type FlagsConfig = Omit<ParseArgsConfig, 'args' | 'strict'>;

/**
 * node:util `parseArgs` in strict mode, with its errors (unknown flag, missing value...) turned into a
 * UsageError that ends with the command's usage text, so every command reports bad flags the same way.
 */
export function parseFlags<const T extends FlagsConfig>(args: string[], config: T, usage: string): ReturnType<typeof parseArgs<T & { args: string[]; strict: true }>> {
  try {
    return parseArgs({ ...config, args, strict: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${usage}`);
  }
}

/** Validates --lang. */
export function parseLang(value: string | undefined): Lang | undefined {
  if (value === undefined) return undefined;
  if (value !== 'fr' && value !== 'en') throw new UsageError(`--lang must be fr or en, not "${value}".`);
  return value;
}

/**
 * Validates `--format text|json` (default text), the listing commands' choice. With `usage`, the
 * error ends with the command's usage text, as its other usage errors do.
 */
export function parseTextOrJson(value: string | undefined, usage?: string): 'text' | 'json' {
  const format = value ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}".${usage ? `\n${usage}` : ''}`);
  return format;
}
