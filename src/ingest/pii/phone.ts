/**
 * Phone number detector: French national numbers (0X XX XX XX XX with space, dot or dash separators),
 * French international forms (+33 / 0033, optional "(0)") and other E.164 numbers written with a
 * leading "+" or "00" (8 to 15 digits, ITU-T E.164 maximum). Bare digit runs without a leading 0 or
 * "+" (order numbers, amounts) are deliberately not matched.
 */
const FR_NATIONAL = /(?<![\w+/.,-])0[1-9](?:[ .-]?\d{2}){4}(?![\w/]|[.,-]\d)/g;
const FR_INTERNATIONAL = /(?<![\w+])(?:\+|00)33[ .-]?(?:\(0\)[ .-]?)?[1-9](?:[ .-]?\d{2}){4}(?!\w)/g;
const INTERNATIONAL = /(?<![\w+])(?:\+|00)[1-9]\d{0,2}(?:[ .-]?\(?\d{1,4}\)?){2,6}(?![\w])/g;

function digitCount(s: string): number {
  return s.replace(/\D/g, '').length;
}

/** Replaces every phone number with [PHONE]. */
export function redactPhones(text: string): string {
  return text
    .replace(FR_INTERNATIONAL, '[PHONE]')
    .replace(INTERNATIONAL, (m) => {
      const n = digitCount(m) - (m.startsWith('00') ? 2 : 0);
      return n >= 8 && n <= 15 ? '[PHONE]' : m;
    })
    .replace(FR_NATIONAL, '[PHONE]');
}
