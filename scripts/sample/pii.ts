/**
 * Fake but checksum-valid personal data, so the redaction step has something real to catch:
 * an IBAN whose mod-97 check digits are computed (ISO 13616) and a card number with a Luhn check digit
 * (ISO/IEC 7812). Also near-misses (order and tracking numbers) that must NOT be redacted.
 */
import type { Rng } from './prng.ts';

/** Remainder of a long decimal string modulo 97, computed piecewise. */
function mod97(digits: string): number {
  let rest = 0;
  for (const ch of digits) rest = (rest * 10 + Number(ch)) % 97;
  return rest;
}

/** Letters to numbers as ISO 13616 requires (A=10 … Z=35). */
function ibanDigits(text: string): string {
  return [...text].map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join('');
}

/** A French IBAN (FR76-style) with valid check digits, grouped by four as customers paste it. */
export function frenchIban(rng: Rng): string {
  let bban = '';
  for (let i = 0; i < 23; i++) bban += String(rng.int(0, 9));
  const check = 98 - mod97(ibanDigits(`${bban}FR00`));
  const iban = `FR${String(check).padStart(2, '0')}${bban}`;
  return iban.replace(/(.{4})/g, '$1 ').trim();
}

/** True when an IBAN (spaces allowed) passes the mod-97 check; used by the generator's self-check. */
export function ibanIsValid(iban: string): boolean {
  const s = iban.replace(/\s+/g, '');
  return mod97(ibanDigits(s.slice(4) + s.slice(0, 4))) === 1;
}

/** Luhn check digit for a digit string. */
function luhnDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** A 16-digit Visa-like test card number with a valid Luhn digit, grouped by four. */
export function testCard(rng: Rng): string {
  let body = '4970';
  for (let i = 0; i < 11; i++) body += String(rng.int(0, 9));
  const card = body + String(luhnDigit(body));
  return card.replace(/(.{4})/g, '$1 ').trim();
}

/** A French mobile number in one of the written forms customers use. */
export function frenchMobile(rng: Rng): string {
  const pairs = Array.from({ length: 4 }, () => String(rng.int(0, 99)).padStart(2, '0'));
  const lead = rng.pick(['6', '7']);
  return rng.chance(0.6) ? `0${lead} ${pairs.join(' ')}` : `+33 ${lead} ${pairs.join(' ')}`;
}

/** An order number such as "4512 8890" (8 digits, never a phone, IBAN or card). */
export function orderNumber(rng: Rng): string {
  return `${rng.int(1000, 9899)} ${rng.int(1000, 9999)}`;
}

/** A parcel tracking number, letters and digits ("6A" + 11 digits, Colissimo-like). */
export function trackingNumber(rng: Rng): string {
  let digits = '';
  for (let i = 0; i < 11; i++) digits += String(rng.int(0, 9));
  return `6A${digits}`;
}
