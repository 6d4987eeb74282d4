import { hashedId } from '../natural-key.ts';
import { isEmailAddress, redactEmails } from './email.ts';
import { redactIbans } from './iban.ts';
import { redactNirs } from './nir.ts';
import { redactCards } from './card.ts';
import { redactPhones } from './phone.ts';

/**
 * Redacts personal data before anything is stored: e-mails, IBANs, NIRs, payment cards, then phones.
 * The order matters: long checksummed numbers go first so a phone pattern never eats half of an IBAN.
 */
export function redactPii(text: string): string {
  if (!/[@\d]/.test(text)) return text;
  return redactPhones(redactCards(redactNirs(redactIbans(redactEmails(text)))));
}

/** Redacts an optional field (authors, names, subjects). */
export function redactOptional(text: string | undefined): string | undefined {
  return text === undefined ? undefined : redactPii(text);
}

/**
 * Customer ids that are e-mail addresses become "cust-" + the first 12 hex digits of sha256(lowercased
 * address): stable across imports, so a customer's history links without storing the address.
 * Other ids are kept verbatim (an id is not free text: redacting digits would break history links).
 */
export function pseudonymizeCustomerId(id: string): string {
  const trimmed = id.trim();
  if (!isEmailAddress(trimmed)) return trimmed.includes('@') ? redactPii(trimmed) : trimmed;
  return hashedId('cust', trimmed);
}
