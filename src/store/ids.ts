/**
 * Row ids are integers in the database and strings in the Store API (so callers never do arithmetic on
 * them and the representation can change). Returns null for a string that cannot be one of our ids.
 */
export function toDbId(id: string | null | undefined): number | null {
  if (id == null || !/^\d{1,15}$/.test(id)) return null;
  return Number(id);
}

