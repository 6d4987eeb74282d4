import { localityEnd } from './address-locality.ts';
import { FR_PARTICLES, isCapitalised, isLower, STOP_WORDS, tokensAfter, type Token } from './address-words.ts';
import type { Range } from './span.ts';

/**
 * French-language street lines, as written in France, Belgium, Switzerland, Luxembourg and Québec:
 * number first ("12 rue des Lilas", "3 bis avenue Jean Jaurès", "12, bd Voltaire") or, in Belgium and
 * Switzerland, number last ("Rue de la Loi 16", "Chaussée de Waterloo 123"), plus Flemish and Swiss
 * German compounds ("Kerkstraat 12", "Bahnhofstrasse 10"). A postcode and city that follow join the span.
 */

/** Street types that are not everyday words: a house number before them is enough. */
const PLAIN_TYPES =
  'rue|avenue|av|ave|boulevard|bd|bld|blvd|allée|allee|impasse|imp|chemin|ch|quai|faubourg|fbg|chaussée|chaussee|drève|dreve|' +
  'esplanade|rond-point|sentier|ruelle|venelle|lotissement|rte';
/** Street types that are also common nouns ("2 places de concert", "3 cours de maths"): need a capitalised name. */
const NOUN_TYPES = 'place|pl|route|cours|passage|voie|clos|montée|montee|traverse|parvis|promenade|square|cité|cite|résidence|residence|hameau|villa|carrefour|galerie';
const TYPE_RE = new RegExp(`(?<![\\p{L}\\p{N}])(${PLAIN_TYPES}|${NOUN_TYPES})(?![\\p{L}])\\.?`, 'giu');
const PLAIN = new Set(PLAIN_TYPES.split('|'));
/** House number right before the type: "12", "12b", "3 bis", "12-14", "12,". */
const NUMBER_BEFORE = /(?<![\p{L}\p{N}.,/:-]|\d[ .])(\d{1,4}(?:[ \t]*-[ \t]*\d{1,4})?[a-hA-H]?(?:[ \t]+(?:bis|ter|quater))?)[ \t]*,?[ \t]*$/u;
/** House number after the name (Belgian/Swiss order), with an optional box ("16 bte 3"). */
const NUMBER_AFTER = / +\d{1,4}[a-dA-D]?(?:[ \t]*(?:bis|ter|bte|boîte|bus)[ \t]*\d{0,3})?(?![\p{L}\p{N}])/uy;
/** Flemish / Swiss German compound street names with the number after them. */
const GERMANIC_RE =
  /(?<![\p{L}\p{N}])\p{Lu}[\p{L}]*(?:strasse|straße|str\.|gasse|weg|platz|allee|straat|laan|plein|steenweg|dreef|kaai)[ \t]+\d{1,4}[a-zA-Z]?(?![\p{L}\p{N}])/gu;
const MONTH = /^(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)$/i;

/**
 * Length (in tokens) of the street name starting at tokens[0], ending on a name word (never on a
 * particle), or 0 when there is none. Lowercase words are accepted only for unambiguous types, and
 * never from the stop list, so the sentence after the address is not swallowed.
 */
function nameLength(tokens: Token[], allowLower: boolean): number {
  let last = -1;
  let lower = 0;
  let sawDate = false;
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i].text;
    const lw = w.toLowerCase();
    const prev = i > 0 ? tokens[i - 1].text.toLowerCase() : '';
    const elided = /^[dl]['’](.+)$/iu.exec(w)?.[1];
    const head = elided ?? w;
    if (elided === undefined && FR_PARTICLES.has(lw)) continue;
    if (/^\d{1,2}(?:er)?$/.test(w) && prev === 'du') {
      sawDate = true; // "rue du 8 Mai 1945"
      continue;
    }
    if (/^1[89]\d\d$/.test(w) && sawDate && MONTH.test(prev)) {
      last = i;
      continue;
    }
    if (isCapitalised(head)) {
      last = i;
      continue;
    }
    // Lowercase words only before any capitalised one: after "rue Pasteur", a lowercase word is prose.
    if (allowLower && last < 0 && isLower(head) && !STOP_WORDS.has(lw) && lower < 3 && !/\d/.test(w)) {
      lower++;
      last = i;
      continue;
    }
    break;
  }
  return last + 1;
}

/** Ranges of French-language street lines (with their locality when one follows). */
export function findFrenchStreets(text: string): Range[] {
  const out: Range[] = [];
  TYPE_RE.lastIndex = 0;
  for (let m = TYPE_RE.exec(text); m !== null; m = TYPE_RE.exec(text)) {
    const type = m[1].toLowerCase();
    const plain = PLAIN.has(type);
    const typeEnd = m.index + m[0].length;
    const tokens = tokensAfter(text, typeEnd, 8);
    const n = nameLength(tokens, plain);
    if (n === 0) continue;
    const firstName = tokens.find((t) => !FR_PARTICLES.has(t.text.toLowerCase()));
    if (!plain && !(firstName && isCapitalised(firstName.text.replace(/^[dl]['’]/iu, '')))) continue;
    const nameEnd = tokens[n - 1].end;
    const before = NUMBER_BEFORE.exec(text.slice(Math.max(0, m.index - 24), m.index));
    if (before) {
      const start = m.index - before[0].length;
      out.push([start, localityEnd(text, nameEnd)]);
      continue;
    }
    // Belgian / Swiss order: the number comes after the name, then a locality or the end of the clause.
    NUMBER_AFTER.lastIndex = nameEnd;
    const after = NUMBER_AFTER.exec(text);
    if (!after) continue;
    const numberEnd = nameEnd + after[0].length;
    const end = localityEnd(text, numberEnd);
    // Common-noun types ("Place", "Mail") need the locality: "Mail Group 7" is not an address.
    if (end > numberEnd || (plain && /^ *(?:$|[,.;:!?)\n])/.test(text.slice(numberEnd)))) out.push([m.index, end]);
  }
  GERMANIC_RE.lastIndex = 0;
  for (let m = GERMANIC_RE.exec(text); m !== null; m = GERMANIC_RE.exec(text)) {
    out.push([m.index, localityEnd(text, m.index + m[0].length)]);
  }
  return out;
}

