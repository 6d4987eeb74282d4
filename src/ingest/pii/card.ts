import { regexRanges, replaceRanges, type Detector } from './span.ts';

/**
 * Payment card detector: 13 to 19 digits (ISO/IEC 7812), optionally grouped by spaces or dashes,
 * kept only when the Luhn checksum (Luhn, US patent 2,950,048, 1960) passes.
 */
const CANDIDATE_RE = /(?<![\w.,])\d(?:[ -]?\d){12,18}(?![\w]|[.,]\d)/g;

/**
 * Other Luhn-checked identifiers that are not cards: a French company's SIRET (14 digits, written
 * 3 3 3 5) and SIREN, and a phone's IMEI (15 digits). They are named just before the number, or have
 * the SIRET grouping, and must stay readable (a SIRET is public, an IMEI is not a payment means).
 */
const NOT_CARD_BEFORE = /(?<![\p{L}])(?:siret|siren|imei|rcs|tva|vat)(?![\p{L}])[\s:#°.n-]*$/iu;
const SIRET_GROUPING = /^\d{3} \d{3} \d{3} \d{5}$/;

/** Luhn mod-10 check over a digit string. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Finds Luhn-valid card numbers. */
export const cardDetector: Detector = {
  kind: 'CARD',
  find: (text) =>
    regexRanges(text, CANDIDATE_RE, (m) => {
      const digits = m[0].replace(/\D/g, '');
      if (digits.length < 13 || digits.length > 19) return null;
      // A run of one repeated digit (000000...) passes Luhn but is filler, not a card.
      if (/^(\d)\1+$/.test(digits)) return null;
      if (SIRET_GROUPING.test(m[0]) || NOT_CARD_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) return null;
      return luhnValid(digits) ? [m.index, m.index + m[0].length] : null;
    }),
};

/** Replaces every Luhn-valid card number with [CARD]. */
export function redactCards(text: string): string {
  return replaceRanges(text, cardDetector.find(text), 'CARD');
}
