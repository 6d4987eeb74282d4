import { followsReferenceWord } from './reference-context.ts';
import { regexRanges, type Detector } from './span.ts';

/**
 * National numbers dialled with a trunk prefix 0, in the lengths used by the UK (11 digits: "07700
 * 900123", "020 7946 0958", "(020) 7946 0958"), Belgium (9–10: "02 123 45 67", "0470 12 34 56") and
 * Switzerland (10: "079 123 45 67"). Grouped forms need at least one separator; a compact run is
 * accepted only at 11 digits (UK), since 9-digit runs starting with 0 are as often references.
 * A number followed by another digit group is part of something longer and left alone.
 */
const GROUPED_RE = /(?<![\w+/.,:-]|\d[\s.])(?:\(0\d{1,4}\)|0\d{1,4})(?:[ .-]\d{2,6}){1,4}(?![\w/]|[\s.,:-]\d)/g;
const COMPACT_RE = /(?<![\w+/.,:-]|\d[\s.])0[1-9]\d{9}(?![\w/]|[\s.,:-]\d)/g;

function digits(s: string): number {
  return s.replace(/\D/g, '').length;
}

/** Finds trunk-prefixed national numbers of 9 to 11 digits that are not introduced as references. */
export const trunkPhoneDetector: Detector = {
  kind: 'PHONE',
  find: (text) => {
    if (!/0/.test(text)) return [];
    const ranges = regexRanges(text, GROUPED_RE, (m) => {
      const n = digits(m[0]);
      if (n < 9 || n > 11 || m[0].startsWith('00')) return null;
      // 9 digits is the Belgian landline ("02 123 45 67", "010 12 34 56"): groups of 2-3 digits after
      // the area code; "030-02-8711" is a product code.
      if (n === 9 && !/^\(?0\d{1,3}\)?(?:[ .-]\d{2,3})+$/.test(m[0])) return null;
      return followsReferenceWord(text, m.index) ? null : [m.index, m.index + m[0].length];
    }).concat(regexRanges(text, COMPACT_RE, (m) => (followsReferenceWord(text, m.index) ? null : [m.index, m.index + m[0].length])));
    // The two patterns cannot overlap (a grouped match has a separator right after its first group,
    // a compact one has none), so ordering by start is enough.
    return ranges.sort((a, b) => a[0] - b[0]);
  },
};
