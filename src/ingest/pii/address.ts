import { findEnglishStreets } from './address-street-en.ts';
import { findFrenchStreets } from './address-street-fr.ts';
import type { Detector, Range } from './span.ts';

/**
 * Postal addresses → [ADDRESS]: a street line with its house number (French, Belgian, Swiss, UK, US
 * and Canadian forms), extended over the postcode and city that follow it. Both language readers run
 * on every text (a French customer may write a London address); overlapping finds are merged.
 */
export const addressDetector: Detector = {
  kind: 'ADDRESS',
  find: (text) => {
    if (!/\d/.test(text)) return [];
    const found = [...findFrenchStreets(text), ...findEnglishStreets(text)].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const merged: Range[] = [];
    for (const [s, e] of found) {
      const last = merged[merged.length - 1];
      if (last && s < last[1]) merged[merged.length - 1] = [last[0], Math.max(last[1], e)];
      else merged.push([s, e]);
    }
    return merged;
  },
};
