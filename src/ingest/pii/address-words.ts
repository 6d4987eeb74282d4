/**
 * Word-level helpers shared by the street-address detectors: reading the words right after or right
 * before a position without crossing punctuation or a line break (an address line never does), and
 * telling name words from the prose around them.
 */

/** One word of a street line and where it sits in the text. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

const WORD_AFTER = / +([\p{L}\p{N}][\p{L}\p{N}'’\-]*)/uy;

/** Up to `max` words following `pos`, separated by spaces only (a comma, full stop, tab or line break ends the run). */
export function tokensAfter(text: string, pos: number, max: number): Token[] {
  const out: Token[] = [];
  let at = pos;
  while (out.length < max) {
    WORD_AFTER.lastIndex = at;
    const m = WORD_AFTER.exec(text);
    if (!m) break;
    const start = m.index + m[0].length - m[1].length;
    out.push({ text: m[1], start, end: start + m[1].length });
    at = start + m[1].length;
  }
  return out;
}

/** Up to `max` words preceding `pos`, nearest first, separated by spaces only. */
export function tokensBefore(text: string, pos: number, max: number): Token[] {
  const out: Token[] = [];
  let end = pos;
  while (out.length < max) {
    let i = end;
    while (i > 0 && text[i - 1] === ' ') i--; // a tab separates fields, not words
    if (i === end && out.length > 0) break; // words must be separated by a space
    let j = i;
    while (j > 0 && /[\p{L}\p{N}'’\-]/u.test(text[j - 1])) j--;
    if (j === i || !/[\p{L}\p{N}]/u.test(text[j])) break;
    out.push({ text: text.slice(j, i), start: j, end: i });
    end = j;
  }
  return out;
}

/** True for a word starting with a capital letter ("Lilas", "Saint-Michel", "Jaurès"). */
export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** True for a lowercase word. */
export function isLower(word: string): boolean {
  return /^\p{Ll}/u.test(word);
}

/**
 * Words that end a lowercase street name: the sentence goes on ("au 12 rue des lilas depuis…"), or
 * the next words are the flat rather than the street ("appartement 4").
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'et ou à a au aux je j’ j\' tu il elle on nous vous ils elles depuis pour par mais avec sans chez près dans où qui que ' +
    'quoi est sont était ai as avons avez ont suis es sera fait mon ma mes ton ta tes son sa ses votre vos notre nos ce cet cette ' +
    'ces le la les un une des du de en y ne pas plus très bien alors donc car si puis ici là merci svp stp bonjour cordialement ' +
    'appartement appart apt app bâtiment batiment bat bât escalier esc étage etage porte code digicode interphone boîte boite bte ' +
    'and or the a an in at on to for from since but with without by of is are was were be been my your his her our their this that ' +
    'flat floor unit suite apartment please thanks thank hi hello near next opposite behind then which who where when ' +
    'vers avant après apres entre hr hrs hour hours min mins minute minutes km kms mile miles day days week weeks month months year years'
  ).split(' '),
);

/** Particles inside French street names ("rue de la Paix", "quai des Orfèvres", "chemin du 8 Mai"). */
export const FR_PARTICLES: ReadonlySet<string> = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'aux', 'au', 'sur', 'sous', 'en', 'lès', 'lez']);
