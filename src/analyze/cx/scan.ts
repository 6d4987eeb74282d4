/**
 * Runs the compiled lexicon over one message and indexes the matches by key, so every CX rule
 * (themes, needs, stage, signals, reason) reads the same single scan.
 */
import type { Token } from '../text.ts';
import { canonicalize, type CxLang } from './canon.ts';
import type { CxLexicon } from './compile.ts';
import { findMatches, type Match } from './matcher.ts';

/** All lexicon matches of one message. */
export interface CxScan {
  text: string;
  tokens: readonly Token[];
  matches: readonly Match[];
  /** Matches by key, negated ones excluded (what rules almost always want). */
  byKey: ReadonlyMap<string, readonly Match[]>;
}

/** The languages whose lexicons apply: the detected one, or both when it is neither fr nor en. */
export function cxLanguages(language: string): CxLang[] {
  const l = language.toLowerCase().slice(0, 2);
  return l === 'fr' || l === 'en' ? [l] : ['fr', 'en'];
}

/** Scans `text` with the lexicons of `language`. */
export function scanCx(text: string, tokens: readonly Token[], language: string, lex: CxLexicon): CxScan {
  const matches: Match[] = [];
  for (const lang of cxLanguages(language)) {
    matches.push(...findMatches(lex[lang], canonicalize(tokens, lang), tokens, text));
  }
  matches.sort((a, b) => a.from - b.from || b.to - a.to);
  const byKey = new Map<string, Match[]>();
  for (const m of matches) {
    if (m.negated) continue;
    const list = byKey.get(m.key);
    if (list) list.push(m);
    else byKey.set(m.key, [m]);
  }
  return { text, tokens, matches, byKey };
}

/** Non-negated matches of `key` (empty array when none). */
export function hits(scan: CxScan, key: string): readonly Match[] {
  return scan.byKey.get(key) ?? [];
}
