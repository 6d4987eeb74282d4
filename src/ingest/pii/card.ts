/**
 * Payment card detector: 13 to 19 digits (ISO/IEC 7812), optionally grouped by spaces or dashes,
 * kept only when the Luhn checksum (Luhn, US patent 2,950,048, 1960) passes.
 */
const CANDIDATE_RE = /(?<![\w.,])\d(?:[ -]?\d){12,18}(?![\w]|[.,]\d)/g;

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

/** Replaces every Luhn-valid card number with [CARD]. */
export function redactCards(text: string): string {
  return text.replace(CANDIDATE_RE, (m) => {
    const digits = m.replace(/\D/g, '');
    if (digits.length < 13 || digits.length > 19) return m;
    // A run of one repeated digit (000000...) passes Luhn but is filler, not a card.
    if (/^(\d)\1+$/.test(digits)) return m;
    return luhnValid(digits) ? '[CARD]' : m;
  });
}
