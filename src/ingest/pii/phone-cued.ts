import { followsReferenceWord } from './reference-context.ts';
import { regexRanges, type Detector } from './span.ts';

/**
 * Numbers whose national format has no trunk 0 and no shape of its own — Luxembourg ("621 123 456"),
 * Tunisia ("98 123 456"), Senegal ("77 123 45 67") — are recognised only when the customer
 * introduces them as a phone ("tél", "mon numéro", "call me on", "WhatsApp") within the few words
 * before, with no other number in between. Shape alone would catch amounts and references.
 */
const CANDIDATE_RE = /(?<![\w+/.,:-]|\d[\s.])\d{2,3}(?:[ .-]\d{2,3}){2,4}(?![\w/]|[\s.,:-]\d)/g;
const CUE_BEFORE =
  /(?<![\p{L}])(?:t[ée]l(?:[ée]phone)?|phone|portable|mobile|cell|gsm|whats ?app|fixe|joignable|reachable|appel(?:ez|er|le|lez)?|rappel(?:ez|er|lez)?|call|ring|text|sms|num[ée]ro|number)(?![\p{L}])[^\d\n]{0,28}$/iu;

function digits(s: string): number {
  return s.replace(/\D/g, '').length;
}

/** Finds 8- to 10-digit grouped numbers introduced by a phone cue and not by a reference word. */
export const cuedPhoneDetector: Detector = {
  kind: 'PHONE',
  find: (text) =>
    regexRanges(text, CANDIDATE_RE, (m) => {
      const n = digits(m[0]);
      if (n < 8 || n > 10) return null;
      const before = text.slice(Math.max(0, m.index - 48), m.index);
      if (!CUE_BEFORE.test(before) || followsReferenceWord(text, m.index)) return null;
      return [m.index, m.index + m[0].length];
    }),
};
