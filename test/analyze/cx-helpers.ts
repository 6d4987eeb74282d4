/** Test helper: runs the CX layer on a sentence with a given sentiment and emotions. */
import { analyzeCx, compileCxLexicon, type CxResult } from '../../src/analyze/cx/analyze-cx.ts';
import { tokenize } from '../../src/analyze/text.ts';

const lex = compileCxLexicon();

export function cx(
  text: string,
  language: 'fr' | 'en',
  sentiment: 'negative' | 'neutral' | 'positive' = 'negative',
  emotions: string[] = sentiment === 'negative' ? ['frustration'] : sentiment === 'positive' ? ['joy'] : [],
): CxResult {
  return analyzeCx({
    text,
    tokens: tokenize(text),
    language,
    sentiment: { label: sentiment, score: sentiment === 'negative' ? -0.6 : sentiment === 'positive' ? 0.6 : 0 },
    emotions: emotions.map((label, i) => ({ label, score: 0.9 - i * 0.2, evidence: null })),
  }, lex);
}

export const themesOf = (r: CxResult): string[] => r.themes.map((t) => t.label);
