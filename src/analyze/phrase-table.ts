/**
 * Phrase tables: lexicon entries (normalised, space-joined keys) indexed by their first word, longest
 * phrase first, for the valence and emotion-cue matching of features.ts. Apart from compiled.ts so
 * that features.ts, which compiled.ts's layers read, does not import it back.
 */

/** Phrase table: first word -> candidate phrases (longest first). */
export type PhraseTable = Map<string, { words: string[]; value: number; key: string }[]>;

/** Builds a phrase table from normalised space-joined keys. */
export function phraseTable(entries: Record<string, number>): PhraseTable {
  const t: PhraseTable = new Map();
  for (const [key, value] of Object.entries(entries)) {
    const words = key.split(' ').filter(Boolean);
    if (words.length === 0) continue;
    const list = t.get(words[0]) ?? [];
    list.push({ words, value, key });
    t.set(words[0], list);
  }
  for (const list of t.values()) list.sort((a, b) => b.words.length - a.words.length);
  return t;
}
