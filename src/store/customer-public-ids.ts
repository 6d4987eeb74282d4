import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './db-types.ts';

/**
 * Customers are known outside the store by a random public id ("c_" and 16 base32 letters: 80 random
 * bits), never by the table's sequential key: a sequential key lets anyone who can call the API walk
 * ids 1, 2, 3… and read every customer's history. The integer key stays internal (joins, foreign keys).
 * Migration 013 gave existing customers one with the same shape (it keeps its own copy of the generator).
 */
export const CUSTOMER_PUBLIC_ID = /^c_[a-z2-7]{16}$/;

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A new public customer id from the system's cryptographic random source. */
export function newCustomerPublicId(): string {
  const bytes = randomBytes(10);
  let bits = 0;
  let value = 0;
  let out = 'c_';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** Whether `id` has the shape of a public customer id (says nothing about whether it exists). */
export function isCustomerPublicId(id: string): boolean {
  return CUSTOMER_PUBLIC_ID.test(id);
}

/**
 * The internal key of the customer with public id `publicId` in `workspaceId`, as a scalar subquery
 * (answered by the unique (workspace_id, public_id) index; NULL, so matching nothing, for an unknown id
 * or another workspace's). Lets the fact queries filter on the integer column their indexes hold.
 */
export function customerKeyOf(db: Kysely<Database>, workspaceId: string, publicId: string) {
  return db.selectFrom('customers').select('id').where('workspace_id', '=', workspaceId).where('public_id', '=', publicId);
}
