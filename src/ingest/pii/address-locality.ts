/**
 * What may follow a street line and belongs to the same address: a postcode and city in the forms
 * of France, Belgium, Switzerland and Luxembourg ("75011 Paris", "1000 Bruxelles", "L-1234
 * Luxembourg", "Paris Cedex 11"), the UK ("London SW1A 2AA"), the US ("Washington, DC 20500") and
 * Canada ("Montréal, QC H3B 1A7"). A postcode alone elsewhere in a message is not personal data
 * (it names a delivery area) and is never matched on its own.
 */
const CAP = "\\p{Lu}[\\p{L}'’\\-]*";
const CITY = `${CAP}(?:[ \\t]+(?:(?:sur|sous|en|lès|les|le|la|de|du|des|am|an|bei|upon|on)[ \\t]+)?${CAP}){0,3}`;
const SEP = '[ \\t]*[,\\-–]?[ \\t]*(?:\\r?\\n[ \\t]*)?';

/** Continental postcode then city (postcodes of 4 or 5 digits, optional country letter prefix). */
const CONTINENTAL = new RegExp(
  `${SEP}(?:(?:F|B|CH|L|FR|BE|LU)-[ ]?)?\\d{4,5}[ \\t]+(?:${CITY}|\\p{Ll}[\\p{L}'’\\-]{2,})(?:[ \\t]+(?:cedex|CEDEX|Cedex)(?:[ \\t]+\\d{1,2})?)?(?![\\p{L}\\p{N}])`,
  'uy',
);
/** UK: optional town, then the postcode (outward code, space, inward code). */
const UK = new RegExp(`${SEP}(?:${CITY}[ \\t]*,?[ \\t]*)?(?:GIR ?0AA|[A-Z]{1,2}\\d[A-Z\\d]?[ \\t]?\\d[A-Z]{2})(?![\\p{L}\\p{N}])`, 'uy');
/** US: city, two-letter state, ZIP or ZIP+4. */
const US = new RegExp(`${SEP}${CITY}[ \\t]*,?[ \\t]+[A-Z]{2}[ \\t]+\\d{5}(?:-\\d{4})?(?![\\p{L}\\p{N}])`, 'uy');
/** Canada: city, province (code or name, maybe in brackets), postal code "A1A 1A1". */
const CANADA = new RegExp(
  `${SEP}${CITY}[ \\t]*,?[ \\t]*\\(?(?:QC|ON|BC|AB|MB|SK|NS|NB|NL|PE|YT|NT|NU|Québec|Quebec|Ontario)\\)?[ \\t]*,?[ \\t]+[A-Z]\\d[A-Z][ \\t]?\\d[A-Z]\\d(?![\\p{L}\\p{N}])`,
  'uy',
);

/** Low-case words that may not stand for a city after a postcode ("75011 et…"). */
const NOT_CITY = /^(?:et|ou|pour|mais|depuis|and|or|but|euros?|eur|€)$/i;

/** End of the locality that starts at `pos` (right after a street line), or `pos` when none follows. */
export function localityEnd(text: string, pos: number): number {
  let best = pos;
  for (const re of [CONTINENTAL, UK, US, CANADA]) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) continue;
    const lastWord = /[\p{L}'’\-]+$/u.exec(m[0])?.[0] ?? '';
    if (re === CONTINENTAL && NOT_CITY.test(lastWord)) continue;
    best = Math.max(best, pos + m[0].length);
  }
  return best;
}
