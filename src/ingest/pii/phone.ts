import { followsReferenceWord } from './reference-context.ts';
import { nanpPhoneDetector } from './phone-nanp.ts';
import { trunkPhoneDetector } from './phone-trunk.ts';
import { cuedPhoneDetector } from './phone-cued.ts';
import { regexRanges, replaceRanges, type Detector, type Range } from './span.ts';

/**
 * Phone numbers, by format: French national numbers (0X XX XX XX XX with space, dot or dash
 * separators, also the Moroccan and Ivorian shape), French international forms (+33 / 0033, optional
 * "(0)") and other E.164 numbers written with a leading "+" or "00" (8 to 15 digits, ITU-T E.164
 * maximum); then the national formats of North America (phone-nanp.ts), of the UK, Belgium and
 * Switzerland (phone-trunk.ts), and numbers introduced as phones (phone-cued.ts). Bare digit runs
 * without a leading 0 or "+" (order numbers, amounts) are deliberately not matched, and a national
 * shape right after "commande", "order #", "suivi"… is a reference (reference-context.ts).
 */
const FR_NATIONAL = /(?<![\w+/.,-])0[1-9](?:[ .-]?\d{2}){4}(?![\w/]|[.,-]\d)/g;
const FR_INTERNATIONAL = /(?<![\w+])(?:\+|00)33[ .-]?(?:\(0\)[ .-]?)?[1-9](?:[ .-]?\d{2}){4}(?!\w)/g;
const INTERNATIONAL = /(?<![\w+-])(?:\+|00)[1-9]\d{0,2}(?:[ .-]?\(?\d{1,4}\)?){2,6}(?![\w])/g;

function digitCount(s: string): number {
  return s.replace(/\D/g, '').length;
}

const whole = (m: RegExpExecArray): Range => [m.index, m.index + m[0].length];

/** +33 / 0033 numbers: the country code makes them phones whatever precedes them. */
const frInternational: Detector = { kind: 'PHONE', find: (text) => regexRanges(text, FR_INTERNATIONAL) };

/** Other "+" / "00" numbers of plausible E.164 length (covers +1, +32, +41, +44, +212, +352…). */
const international: Detector = {
  kind: 'PHONE',
  find: (text) =>
    regexRanges(text, INTERNATIONAL, (m) => {
      const n = digitCount(m[0]) - (m[0].startsWith('00') ? 2 : 0);
      return n >= 8 && n <= 15 ? whole(m) : null;
    }),
};

/** 0X XX XX XX XX (France, and the same 10-digit shape in Morocco, Côte d'Ivoire…), unless named as a reference. */
const frNational: Detector = {
  kind: 'PHONE',
  find: (text) => regexRanges(text, FR_NATIONAL, (m) => (followsReferenceWord(text, m.index) ? null : whole(m))),
};

/**
 * The phone detectors in the order they must run: prefixed forms first (unambiguous), then national
 * shapes, and last the numbers recognised only because a word like "tél" or "call" introduces them.
 */
export const PHONE_DETECTORS: readonly Detector[] = [
  frInternational,
  international,
  nanpPhoneDetector,
  frNational,
  trunkPhoneDetector,
  cuedPhoneDetector,
];

/** Replaces every phone number with [PHONE]. */
export function redactPhones(text: string): string {
  return PHONE_DETECTORS.reduce((t, d) => replaceRanges(t, d.find(t), 'PHONE'), text);
}

/**
 * True when the whole string is one phone number (an id that is a phone: "06 12 34 56 78",
 * "+44 20 7946 0958"), by the same detectors as phones in text.
 */
export function isPhoneNumber(id: string): boolean {
  const t = id.trim();
  return /\d/.test(t) && redactPhones(t) === '[PHONE]';
}
