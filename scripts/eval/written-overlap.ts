/**
 * Evidence that the written messages (data/written-messages) are not copies of the messages they are
 * measured on: for each written message, the highest word-trigram Jaccard (numbers masked, accents
 * folded: the coach's near-duplicate measure, src/act/coach/near-duplicates.ts) with any message of
 * the corpus and of the visible gold third. A paraphrase of a test message would lift the figures it
 * is measured on without teaching anything; this prints how close the closest pair is.
 */
import { jaccard, shingles } from '../../src/act/coach/near-duplicates.ts';
import type { LabelledMessage } from '../data/labelled-messages.ts';

/** The closest pair's similarity and how many written messages reach `threshold` with some message of `against`. */
export function closestOverlap(written: readonly LabelledMessage[], against: readonly LabelledMessage[], threshold = 0.5): { max: number; atOrAbove: number; pair: [string, string] | null } {
  const others = against.map((m) => ({ id: m.id, s: shingles(m.text, 3) }));
  let max = 0;
  let atOrAbove = 0;
  let pair: [string, string] | null = null;
  for (const w of written) {
    const s = shingles(w.text, 3);
    let best = 0;
    let bestId = '';
    for (const o of others) {
      const j = jaccard(s, o.s);
      if (j > best) { best = j; bestId = o.id; }
    }
    if (best >= threshold) atOrAbove++;
    if (best > max) { max = best; pair = [w.id, bestId]; }
  }
  return { max, atOrAbove, pair };
}

/** One Markdown paragraph: the overlap of the written messages with the corpus and the gold third. */
export function writtenOverlapReport(written: readonly LabelledMessage[], corpus: readonly LabelledMessage[], gold: readonly LabelledMessage[]): string {
  if (written.length === 0) return '';
  const c = closestOverlap(written, corpus);
  const g = closestOverlap(written, gold);
  const line = (name: string, r: ReturnType<typeof closestOverlap>) =>
    `${name}: closest pair ${r.max.toFixed(2)}${r.pair ? ` (${r.pair[0]} ~ ${r.pair[1]})` : ''}, ${r.atOrAbove} written message(s) at 0.50 or more`;
  return `Written messages (${written.length}) against the messages they are measured on (word-trigram Jaccard, 1 = same text): ${line('corpus', c)}; ${line('gold third', g)}.`;
}
