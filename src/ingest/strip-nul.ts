/**
 * NUL characters (U+0000) removed from every string of a record before storage: PostgreSQL refuses
 * them in text columns (one NUL used to fail a PostgreSQL import for good at the same row, while
 * SQLite stored it), so both stores now receive the same text, and the caller counts a warning.
 */
export function stripNul<T>(value: T): { value: T; removed: number } {
  let removed = 0;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (!v.includes('\u0000')) return v;
      const out = v.replace(/\u0000/g, '');
      removed += v.length - out.length;
      return out;
    }
    if (Array.isArray(v)) return v.map(walk);
    // Plain objects only: Dates and other instances pass through untouched.
    if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) o[k] = walk(x);
      return o;
    }
    return v;
  };
  const out = walk(value) as T;
  return { value: removed ? out : value, removed };
}
