import { followsReferenceWord } from './reference-context.ts';
import { regexRanges, type Detector } from './span.ts';

/**
 * North American Numbering Plan numbers (US, Canada including Québec) written nationally:
 * "(555) 123-4567", "555-123-4567", "555.123.4567", "555 123 4567", "1-800-555-0199".
 * The area code cannot start with 0 or 1 (NANP rule), and separators are required: ten bare digits
 * look like any order number. "+1 …" forms are left to the international detector.
 */
const NANP_RE =
  /(?<![\w+/.,:()-]|\d[\s.])(?:1[ .-])?(?:\([2-9]\d{2}\)[ .-]?|[2-9]\d{2}[ .-])\d{3}[ .-]\d{4}(?![\w/]|[\s.,:-]\d)/g;

/** Finds NANP national phone numbers that are not introduced as references. */
export const nanpPhoneDetector: Detector = {
  kind: 'PHONE',
  find: (text) =>
    regexRanges(text, NANP_RE, (m) => (followsReferenceWord(text, m.index) ? null : [m.index, m.index + m[0].length])),
};
