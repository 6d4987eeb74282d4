import { hashedId } from '../natural-key.ts';
import { addressDetector } from './address.ts';
import { birthDateDetector } from './birth-date.ts';
import { cardDetector } from './card.ts';
import { emailDetector, isEmailAddress } from './email.ts';
import { obfuscatedEmailDetector } from './email-obfuscated.ts';
import { ibanDetector } from './iban.ts';
import { nirDetector } from './nir.ts';
import { isPhoneNumber, PHONE_DETECTORS } from './phone.ts';
import { runDetectors, type Redaction } from './pipeline.ts';
import type { Detector, PiiSpan } from './span.ts';

/**
 * The redaction order. It matters: e-mails first (an address may hold digits), then the long
 * checksummed numbers (IBAN, NIR, card) so a phone pattern never eats half of one; dates of birth
 * before phones and addresses so "né le 12.03.1984" is never read as digits; phones before addresses
 * so a street line never runs into the number written after it.
 */
export const DETECTORS: readonly Detector[] = [
  emailDetector,
  obfuscatedEmailDetector,
  ibanDetector,
  nirDetector,
  cardDetector,
  birthDateDetector,
  ...PHONE_DETECTORS,
  addressDetector,
];

/** Cheap pre-check: every detector needs a digit, an "@", or the word "at"/"arobase" of an obfuscated e-mail. */
const MAY_HOLD_PII = /[@\d]|(?<![\p{L}])(?:at|arobase)(?![\p{L}])/iu;

/** Redacts a text and reports which original spans became which placeholder (used by the evaluation). */
export function redactWithSpans(text: string): Redaction {
  if (!MAY_HOLD_PII.test(text)) return { text, spans: [] };
  return runDetectors(text, DETECTORS);
}

/** The personal-data spans of a text, in original offsets. */
export function findPii(text: string): PiiSpan[] {
  return redactWithSpans(text).spans;
}

/**
 * Redacts personal data before anything is stored: e-mails (plain and obfuscated), IBANs, NIRs,
 * payment cards, dates of birth, phones, postal addresses.
 */
export function redactPii(text: string): string {
  return redactWithSpans(text).text;
}

/** Redacts an optional field (authors, names, subjects). */
export function redactOptional(text: string | undefined): string | undefined {
  return text === undefined ? undefined : redactPii(text);
}

/**
 * Customer ids that are e-mail addresses or phone numbers become "cust-" + the first 12 hex digits
 * of HMAC-SHA-256(secret, lowercased address / the phone's digits): stable across imports, so a
 * customer's history links without storing the address or number, and not re-identifiable from a
 * list of addresses without the installation's secret (Store.pseudonymSecret). Without a secret
 * (or the empty one of a database pseudonymised before secrets existed) it is plain SHA-256.
 * Other ids are kept verbatim (an id is not free text: redacting digits would break history links).
 */
export function pseudonymizeCustomerId(id: string, secret?: string): string {
  const trimmed = id.trim();
  if (isPhoneNumber(trimmed)) return hashedId('cust', phoneDigits(trimmed), secret);
  if (!isEmailAddress(trimmed)) return trimmed.includes('@') ? redactPii(trimmed) : trimmed;
  return hashedId('cust', trimmed, secret);
}

/** A phone number as "+" and digits only, so "06 12 34 56 78" and "06.12.34.56.78" are one customer. */
export function phoneDigits(phone: string): string {
  return phone.trim().replace(/(?!^\+)[^\d]/g, '');
}
