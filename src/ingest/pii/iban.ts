import { regexRanges, replaceRanges, type Detector } from './span.ts';

/**
 * IBAN detector (ISO 13616). A candidate is kept only when its check digits pass the ISO 7064
 * mod-97-10 test, so IBAN-like references with wrong check digits stay untouched.
 */
const CANDIDATE_RE = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){11,30}/g;

/** Registry lengths for common countries; other countries are tried at every length 15..34. */
const LENGTHS: Record<string, number> = {
  FR: 27, MC: 27, DE: 22, ES: 24, IT: 27, BE: 16, NL: 18, GB: 22, CH: 21, LU: 20, PT: 25, IE: 22, AT: 20,
  PL: 28, SE: 24, DK: 18, FI: 18, NO: 15, GR: 27, CZ: 24, RO: 24, HU: 28, SK: 24, SI: 19, HR: 21, LI: 21,
};

/** ISO 7064 mod-97-10 check on a compact IBAN (letters A=10..Z=35 after moving the first 4 chars to the end). */
export function ibanChecksumValid(compact: string): boolean {
  const s = (compact.slice(4) + compact.slice(0, 4)).toUpperCase();
  let rem = 0;
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    const v = code >= 65 && code <= 90 ? String(code - 55) : ch;
    for (const d of v) rem = (rem * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return rem === 1;
}

/** Finds valid IBANs; a candidate is cut back to the checksummed length so trailing words stay. */
export const ibanDetector: Detector = {
  kind: 'IBAN',
  find: (text) =>
    regexRanges(text, CANDIDATE_RE, (match) => {
      const m = match[0];
        // Map compact positions back to the original span so trailing words are never swallowed.
        const ends: number[] = [];
        let compact = '';
        for (let i = 0; i < m.length; i++) {
          if (m[i] !== ' ') {
            compact += m[i];
            ends.push(i + 1);
          }
        }
        const country = compact.slice(0, 2).toUpperCase();
        const lengths = LENGTHS[country] ? [LENGTHS[country]] : Array.from({ length: 20 }, (_, k) => 34 - k);
        for (const len of lengths) {
          if (compact.length < len) continue;
          const next = compact[len];
          // The IBAN must end at a token boundary (a space or the end of the candidate).
          if (next !== undefined && m[ends[len - 1]] !== ' ') continue;
          if (ibanChecksumValid(compact.slice(0, len))) return [match.index, match.index + ends[len - 1]];
        }
        return null;
  }),
};

/** Replaces every valid IBAN with [IBAN]. */
export function redactIbans(text: string): string {
  return replaceRanges(text, ibanDetector.find(text), 'IBAN');
}
