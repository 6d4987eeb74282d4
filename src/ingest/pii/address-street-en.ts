import { localityEnd } from './address-locality.ts';
import { isCapitalised, isLower, STOP_WORDS, tokensBefore } from './address-words.ts';
import type { Range } from './span.ts';

/**
 * English-language street lines (UK, US, Canada): house number, name, street suffix — "221B Baker
 * Street", "10 Downing St", "1600 Pennsylvania Ave NW", "350 5th Avenue, Suite 200". The name is read
 * leftwards from the suffix and must be capitalised, except with a lowercase suffix that is
 * no everyday word ("12 baker street"; not "a 5 hour drive"); a city with a postcode/ZIP that follows joins the span.
 */
const SUFFIX_RE = new RegExp(
  '(?<![\\p{L}\\p{N}])(?:' +
    'Street|St|Road|Rd|Avenue|Ave|Av|Lane|Ln|Drive|Dr|Close|Court|Ct|Crescent|Cres|Place|Pl|Square|Sq|Terrace|Terr|Way|Gardens|Gdns|' +
    'Grove|Hill|Row|Mews|Walk|Parade|Boulevard|Blvd|Highway|Hwy|Parkway|Pkwy|Circle|Cir|Trail|Plaza|Green|Rise|Embankment|Loop|Alley|Pike|' +
    '(street|road|avenue|lane|st|rd))(?![\\p{L}\\p{N}])\\.?',
  'gu',
);
/** A house number: "221B", "10", "1600", "12-14". */
const HOUSE = /^\d{1,5}[A-Za-z]?$|^\d{1,4}-\d{1,4}$/;
/** Compass points after US street names ("Pennsylvania Ave NW"). */
const DIRECTION = /[ \t]+(?:NW|NE|SW|SE|N|S|E|W)(?![\p{L}\p{N}])\.?/uy;
/** A unit after the street line ("Apt 4B", "Suite 200", "#12"). */
const UNIT = /[ \t]*,?[ \t]*(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|#)[ \t]*[A-Za-z0-9-]{1,6}(?![\p{L}\p{N}])/uy;

/** Name words: capitalised words, ordinals ("5th") and compass letters ("W 42nd St"). */
function isNameWord(word: string, lowerSuffix: boolean): boolean {
  if (isCapitalised(word) && !/^\d/.test(word)) return true;
  if (/^\d{1,3}(?:st|nd|rd|th)$/i.test(word)) return true;
  return lowerSuffix && isLower(word) && !STOP_WORDS.has(word.toLowerCase());
}

/** Ranges of English-language street lines (with their locality when one follows). */
export function findEnglishStreets(text: string): Range[] {
  const out: Range[] = [];
  SUFFIX_RE.lastIndex = 0;
  for (let m = SUFFIX_RE.exec(text); m !== null; m = SUFFIX_RE.exec(text)) {
    const lowerSuffix = m[1] !== undefined;
    const before = tokensBefore(text, m.index, 6);
    let start = -1;
    for (let i = 0; i < before.length; i++) {
      const w = before[i].text;
      if (i > 0 && HOUSE.test(w)) {
        const prev = before[i].start > 0 ? text[before[i].start - 1] : ' ';
        if (/[\s(,:;"']/.test(prev) || before[i].start === 0) start = before[i].start;
        break;
      }
      if (i >= 4 || !isNameWord(w, lowerSuffix)) break;
    }
    if (start < 0) continue;
    let end = m.index + m[0].length;
    DIRECTION.lastIndex = end;
    const dir = DIRECTION.exec(text);
    if (dir) end += dir[0].length;
    UNIT.lastIndex = end;
    const unit = UNIT.exec(text);
    if (unit) end += unit[0].length;
    out.push([start, localityEnd(text, end)]);
  }
  return out;
}
