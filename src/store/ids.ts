import { InputError } from '../core/errors.ts';

/**
 * Row ids are integers in the database and strings in the Store API (so callers never do arithmetic on
 * them and the representation can change). Returns null for a string that cannot be one of our ids.
 */
export function toDbId(id: string | null | undefined): number | null {
  if (id == null || !/^\d{1,15}$/.test(id)) return null;
  return Number(id);
}


/** The database id of a source id returned by ensureSource(); throws InputError naming the fix otherwise. */
export function sourceDbId(sourceId: string): number {
  const id = toDbId(sourceId);
  if (id === null) throw new InputError(`Source id "${sourceId}" is invalid. Get one from ensureSource().`);
  return id;
}
