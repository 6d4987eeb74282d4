/**
 * Accent folding, shared by every layer that compares words: the analyser's tokens, the store's
 * search column, the ingest header and value aliases, the insights' brand and theme matching.
 */

const DIACRITICS = /[\u0300-\u036f]/g;

/** Lowercases and strips diacritics ("Déçu" -> "decu"); keeps length-preserving for Latin text. */
export function fold(s: string): string {
  return s.toLowerCase().normalize('NFD').replace(DIACRITICS, '');
}
