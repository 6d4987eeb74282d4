/**
 * Customer-experience layer of the analysis (themes, needs, journey stage, signals, reason), built
 * on one lexicon scan of the message plus the sentiment and emotions found upstream. Rules follow
 * /work/shared/data/ecoute-gold/GUIDELINES.md; each module cites the section it implements.
 */
import type { Finding } from '../../core/analysis.ts';
import type { Stage, Urgency } from '../../core/labels.ts';
import type { Token } from '../text.ts';
import { compileCxLexicon, type CxLexicon } from './compile.ts';
import { detectNeeds } from './needs.ts';
import { detectReason } from './reason.ts';
import { hits, scanCx } from './scan.ts';
import { churnIntent, repeatContact, urgency, vulnerability } from './signals.ts';
import { detectStage } from './stage.ts';
import { detectThemeHits, themeFindings } from './themes.ts';

export type { CxLexicon } from './compile.ts';
export { compileCxLexicon } from './compile.ts';

/** What the CX layer needs from the earlier stages of analysis. */
export interface CxInput {
  text: string;
  tokens: Token[];
  language: string;
  sentiment: { label: 'negative' | 'neutral' | 'positive'; score: number };
  /** Strongest first; empty means neutral. */
  emotions: Finding[];
}

/** The CX part of an Analysis. */
export interface CxResult {
  needs: Finding[];
  themes: Finding[];
  stage: { label: Stage; score: number } | null;
  signals: { churnIntent: boolean; urgency: Urgency; vulnerable: boolean; repeatContact: boolean };
  reason: string | null;
}

/**
 * Analyses the customer-experience dimensions of one message. Pass a lexicon from
 * compileCxLexicon() (or use createCxAnalyzer()) when analysing many messages: without one, the
 * lexicon is compiled for this call only.
 */
export function analyzeCx(input: CxInput, lexicon?: CxLexicon): CxResult {
  const lex = lexicon ?? compileCxLexicon();
  const scan = scanCx(input.text, input.tokens, input.language, lex);
  const sentiment = input.sentiment.label;
  const emotions = input.emotions.map((e) => e.label).filter((e) => e !== 'neutral');
  const themeHits = detectThemeHits(scan, sentiment);
  const themes = themeHits.map((t) => t.label);
  // "Pouvez-vous m'envoyer l'attestation ?" is a request, not a question (GUIDELINES: resolution
  // covers "send a document"); a question word ("comment", "why") keeps it a question.
  const wh = hits(scan, 'q').length > 0;
  const polite = hits(scan, 'polite').length > 0;
  const question = wh || (input.text.includes('?') && !polite);
  const request = polite || hits(scan, 'request').length > 0;
  const repeat = repeatContact(scan);
  const vulnerableCue = vulnerability(scan);
  const needs = detectNeeds(scan, { sentiment, emotions, themes, question, request, repeat });
  const stage = detectStage(scan, { sentiment, themes, question, emotionCount: emotions.length });
  const signals = {
    churnIntent: churnIntent(scan) !== null,
    vulnerable: vulnerableCue !== null,
    repeatContact: repeat,
    urgency: urgency(scan, {
      sentiment,
      vulnerable: vulnerableCue !== null,
      openRequest: question || request,
      dispute: needs[0]?.label === 'fairness',
    }),
  };
  const reason = detectReason(scan, { emotions, themes: themeHits, vulnerable: vulnerableCue });
  return { needs, themes: themeFindings(themeHits), stage, signals, reason };
}

/** Compiles the lexicon once (on first use) and returns an analyser that reuses it. */
export function createCxAnalyzer(build: () => CxLexicon = compileCxLexicon): (input: CxInput) => CxResult {
  let lex: CxLexicon | null = null;
  return (input) => analyzeCx(input, (lex ??= build()));
}
