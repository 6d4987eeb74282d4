import { UsageError } from '../core/errors.ts';

/**
 * Parses --from/--to values: a calendar date (YYYY-MM-DD, UTC; --to includes that whole day) or a
 * full ISO timestamp. Throws UsageError naming the flag and the expected form.
 */
export function parseDateFlag(flag: '--from' | '--to', value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const d = new Date(dateOnly ? `${value}T00:00:00.000Z` : value);
  if (Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    throw new UsageError(`${flag} "${value}" is not a date. Use YYYY-MM-DD (e.g. 2026-11-01) or an ISO timestamp.`);
  }
  if (flag === '--to' && dateOnly) return new Date(d.getTime() + 86_400_000 - 1);
  return d;
}

/** Checks that --from is not after --to. */
export function checkRange(from: Date | undefined, to: Date | undefined): void {
  if (from && to && from > to) {
    throw new UsageError(`--from (${from.toISOString().slice(0, 10)}) is after --to (${to.toISOString().slice(0, 10)}). Swap them.`);
  }
}
