import { regexRanges, replaceRanges, type Detector } from './span.ts';

/** E-mail address detector (pragmatic subset of RFC 5322 addr-spec: dot-atom local part and a dotted domain). */
const EMAIL_RE = /(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])/g;

/** Finds plain e-mail addresses. */
export const emailDetector: Detector = {
  kind: 'EMAIL',
  find: (text) => (text.includes('@') ? regexRanges(text, EMAIL_RE) : []),
};

/** Replaces every e-mail address with [EMAIL]. */
export function redactEmails(text: string): string {
  return replaceRanges(text, emailDetector.find(text), 'EMAIL');
}

/** True when the whole string is one e-mail address (customer ids that must be pseudonymised). */
export function isEmailAddress(s: string): boolean {
  return /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(s.trim());
}
