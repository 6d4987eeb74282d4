import { regexRanges, replaceRanges, type Detector } from './span.ts';

/**
 * French social security number (NIR, "numéro de sécurité sociale") detector: sex (1/2), birth year,
 * birth month (01-12, or 20-99 for unknown months), department (2 digits, or 2A/2B for Corsica),
 * commune (3), order (3), and a 2-digit key = 97 - (first 13 digits mod 97) (INSEE rule; 2A→19, 2B→18).
 */
const CANDIDATE_RE =
  /(?<![\w])([12])[ ]?(\d{2})[ ]?(0[1-9]|1[0-2]|[2-9]\d)[ ]?(\d{2}|2[ABab])[ ]?(\d{3})[ ]?(\d{3})[ ]?(\d{2})(?!\w)/g;

/** True when the 2-digit key matches the first 13 characters (Corsican departments substituted). */
export function nirKeyValid(body13: string, key: string): boolean {
  const numeric = body13.toUpperCase().replace('2A', '19').replace('2B', '18');
  if (!/^\d{13}$/.test(numeric)) return false;
  const expected = 97n - (BigInt(numeric) % 97n);
  return expected === BigInt(key);
}

/** Finds NIRs whose key checks. */
export const nirDetector: Detector = {
  kind: 'NIR',
  find: (text) =>
    regexRanges(text, CANDIDATE_RE, (m) => {
      const [, sex, yy, mm, dept, com, ord, key] = m;
      return nirKeyValid(sex + yy + mm + dept + com + ord, key) ? [m.index, m.index + m[0].length] : null;
    }),
};

/** Replaces every NIR whose key checks with [NIR]. */
export function redactNirs(text: string): string {
  return replaceRanges(text, nirDetector.find(text), 'NIR');
}
