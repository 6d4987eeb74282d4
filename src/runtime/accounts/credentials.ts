/**
 * Secrets of accounts, with Node's own crypto (no extra dependency): passwords hashed with scrypt and a
 * per-user salt, compared in constant time; API tokens and session ids are 32 random bytes, of which
 * only the SHA-256 is stored, so a copy of the database opens nothing.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { InputError } from '../../core/errors.ts';
import { TOKEN_PREFIX_TEXT } from '../../core/roles.ts';

/** Shortest password accepted: long enough to resist guessing without a rule on character classes. */
export const MIN_PASSWORD_LENGTH = 12;

/** OWASP's scrypt setting (N=2^15, r=8, p=3): about 32 MiB and a tenth of a second per hash. */
const COST = { N: 2 ** 15, r: 8, p: 3 };
const KEY_LENGTH = 64;

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** Refuses a password too short to be safe, saying how long it must be. */
export function checkPasswordStrength(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new InputError(`The password has ${[...password].length} characters: it needs at least ${MIN_PASSWORD_LENGTH}. A few unrelated words make a long password that is easy to remember.`);
  }
}

/** Hashes a password: `scrypt$N$r$p$salt$key` (base64url), the cost stored so it can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  checkPasswordStrength(password);
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when `password` matches a hash made by hashPassword (constant-time comparison; false for a malformed hash). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash no password matches, verified against when an e-mail is unknown so both answers take as long. */
export const DUMMY_PASSWORD_HASH = `scrypt$${COST.N}$${COST.r}$${COST.p}$AAAAAAAAAAAAAAAAAAAAAA$${'A'.repeat(86)}`;

/** A new random secret: 32 bytes, base64url. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** A new API token, `ec_` + 32 random bytes (shown once, never stored). */
export function newApiToken(): string {
  return `${TOKEN_PREFIX_TEXT}${newSecret()}`;
}

/** SHA-256 (hex) of a token or session id: what is stored and looked up. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Constant-time equality of two strings (CSRF tokens). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
