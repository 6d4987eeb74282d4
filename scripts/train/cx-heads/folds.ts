/**
 * Fold assignment for cross-validation: by message, stratified by language (each language is
 * shuffled with a fixed seed and dealt round-robin), so every fold holds both languages in the
 * corpus's proportions and the same corpus always gives the same folds.
 */
import { mulberry32 } from '../../../src/core/prng.ts';
import { shuffleInPlace } from '../logreg.ts';

/** Fold number (0..k−1) of each item, in input order. */
export function assignFolds(items: readonly { id: string; lang: string }[], k: number, seed: number): number[] {
  const fold = new Array<number>(items.length).fill(0);
  const byLang = new Map<string, number[]>();
  items.forEach((it, i) => {
    const l = byLang.get(it.lang) ?? [];
    l.push(i);
    byLang.set(it.lang, l);
  });
  const rand = mulberry32(seed);
  for (const lang of [...byLang.keys()].sort()) {
    const ix = byLang.get(lang)!.sort((a, b) => (items[a].id < items[b].id ? -1 : items[a].id > items[b].id ? 1 : a - b));
    shuffleInPlace(ix, rand);
    ix.forEach((i, q) => { fold[i] = q % k; });
  }
  return fold;
}
