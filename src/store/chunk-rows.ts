/**
 * Splits rows for multi-row INSERTs so that one statement stays under the dialect's bound-parameter limit
 * (SQLite 32766, PostgreSQL 65535) and under `maxRows`, which keeps statements small enough to parse fast.
 */
export function chunkRows<T extends object>(rows: readonly T[], maxParams: number, maxRows = 1000): T[][] {
  if (rows.length === 0) return [];
  const columns = Math.max(1, Object.keys(rows[0]).length);
  return slices(rows, Math.max(1, Math.min(maxRows, Math.floor(maxParams / columns))));
}

/** Splits values for `IN (…)` lists, bounded by the parameter limit. */
export function chunkValues<T>(values: readonly T[], maxParams: number, reserve = 16): T[][] {
  return slices(values, Math.max(1, Math.min(10_000, maxParams - reserve)));
}

function slices<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
