/**
 * Shared text primitives for every analyser: accent folding and a tokenizer that keeps character
 * offsets, so each finding can point back at its evidence span in the original text.
 */

/** A token with its offsets in the original text and its folded form (lowercase, no diacritics). */
export interface Token {
  text: string;
  norm: string;
  start: number;
  end: number;
}

/** Characters written as an apostrophe (typewriter, typographic, backtick, modifier letter). */
export const APOSTROPHES: ReadonlySet<string> = new Set(["'", '’', '‘', '`', 'ʼ']);

import { fold } from '../core/fold.ts';

export { fold };

// Words (with inner apostrophes/hyphens split off below), numbers, emoji and punctuation runs.
const TOKEN_RE = /[\p{L}\p{M}]+|\d+(?:[.,]\d+)?|\p{Extended_Pictographic}|[!?]+|[^\s\p{L}\p{M}\d]/gu;

/** Splits text into tokens; French elisions ("l'appli", "j'ai") become separate tokens ("l", "appli"). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index ?? 0;
    out.push({ text: m[0], norm: fold(m[0]), start, end: start + m[0].length });
  }
  return out;
}
