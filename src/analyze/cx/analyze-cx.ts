/**
 * Customer-experience layer of the analysis (themes, needs, journey stage, signals, reason), built
 * on one lexicon scan of the message plus the sentiment and emotions found upstream. Rules follow
 * /work/shared/data/ecoute-gold/GUIDELINES.md; each module cites the section it implements.
 */
import type { Analysis, Finding } from '../../core/analysis.ts';
import { PROBLEM_THEMES, type SentimentLabel, type Stage, type Theme } from '../../core/labels.ts';
import type { Token } from '../text.ts';
import { compileCxLexicon, type CxLexicon } from './compile.ts';
import type { Match } from './matcher.ts';
import { detectNeeds, type NeedFacts } from './needs.ts';
import { clauseAround, phraseAround } from './phrase.ts';
import { detectReason, firstClause } from './reason.ts';
import { hits, scanCx, type CxScan } from './scan.ts';
import { churnIntent, repeatContact, urgency, vulnerability, type CxSignals } from './signals.ts';
import { detectStage, type StageFinding } from './stage.ts';
import { detectThemeHits, themeFindings, toneOf, type ThemeHit } from './themes.ts';

export type { CxLexicon } from './compile.ts';
export { compileCxLexicon } from './compile.ts';

/** What the CX layer needs from the earlier stages of analysis. */
export interface CxInput {
  text: string;
  tokens: Token[];
  language: string;
  sentiment: { label: SentimentLabel; score: number };
  /** Strongest first; empty means neutral. */
  emotions: Finding[];
  /**
   * The lexicon scan of `text`, when an earlier stage already made one with the same lexicon
   * (analyze() does, for its problem cues); scanned here when absent.
   */
  scan?: CxScan;
}

/** The CX part of an Analysis. */
export interface CxResult {
  needs: Analysis['needs'];
  themes: Finding[];
  stage: StageFinding | null;
  signals: CxSignals;
  reason: string | null;
}

/**
 * Analyses the customer-experience dimensions of one message. Pass a lexicon from
 * compileCxLexicon() (or use createCxAnalyzer()) when analysing many messages: without one, the
 * lexicon is compiled for this call only.
 */
export function analyzeCx(input: CxInput, lexicon?: CxLexicon): CxResult {
  const scan = input.scan ?? scanCx(input.text, input.tokens, input.language, lexicon ?? compileCxLexicon());
  const sentiment = input.sentiment.label;
  const emotions = input.emotions.map((e) => e.label).filter((e) => e !== 'neutral');
  const themeHits = detectThemeHits(scan, sentiment);
  const stance = complaintStance(scan, sentiment, themeHits);
  const themes = themeHits.map((t) => t.label);
  // Each theme's evidence span: what a need or a stage derived from that theme points at.
  const themeEvidence = new Map(themeHits.map((t) => [t.label, t.evidence.text]));
  // "Pouvez-vous m'envoyer l'attestation ?" is a request, not a question (GUIDELINES: resolution
  // covers "send a document"); a question word ("comment", "why") keeps it a question.
  const wh = hits(scan, 'q').length > 0;
  const polite = hits(scan, 'polite').length > 0;
  const question = wh || (input.text.includes('?') && !polite);
  const request = polite || hits(scan, 'request').length > 0;
  const repeat = repeatContact(scan);
  const vulnerableCue = vulnerability(scan);
  const reason = detectReason(scan, { emotions, themes: themeHits, vulnerable: vulnerableCue });
  const needs = detectNeeds(scan, {
    sentiment, emotions, themes, question, request, repeat,
    spans: needSpans(scan, input, themeHits, themeEvidence, reason),
  });
  const stage = detectStage(scan, {
    sentiment, themes, question, emotionCount: emotions.length,
    themeEvidence,
    about: () => reason ?? firstClause(scan),
  });
  const signals = {
    churnIntent: churnIntent(scan) !== null,
    vulnerable: vulnerableCue !== null,
    repeatContact: repeat,
    urgency: urgency(scan, {
      sentiment: stance,
      vulnerable: vulnerableCue !== null,
      openRequest: question || request,
      dispute: needs[0]?.label === 'fairness',
    }),
  };
  return { needs, themes: themeFindings(themeHits), stage, signals, reason };
}

/**
 * The stance the need and urgency rules read: the sentiment label, except that a message the model
 * read as neutral or positive but that states a problem in complaint words ("7 plates arrived
 * broken", "still no refund") is a complaint. Praise tone never is.
 */
function complaintStance(scan: CxScan, sentiment: SentimentLabel, themeHits: readonly ThemeHit[]): SentimentLabel {
  if (sentiment === 'negative') return sentiment;
  const tone = toneOf(scan);
  const stated = themeHits.some((t) => PROBLEM_THEMES.has(t.label as Theme) && t.score >= 0.45);
  return tone.gripe && stated ? 'negative' : sentiment;
}

/** The spans a need derived from another finding points at (NeedFacts.spans). */
function needSpans(
  scan: CxScan, input: CxInput, themeHits: readonly ThemeHit[], themeEvidence: ReadonlyMap<Theme, string>, reason: string | null,
): NeedFacts['spans'] {
  const clauseOf = (m: Match | undefined): string | null => (m ? clauseAround(scan.text, scan.tokens, m, 10) : null);
  const qmark = scan.tokens.findIndex((t) => t.text.includes('?'));
  const beforeQ = qmark > 0 ? { tokStart: qmark - 1, tokEnd: qmark - 1 } : null;
  const emotions = new Map<string, string>();
  for (const e of input.emotions) if (e.evidence && input.text.includes(e.evidence) && !emotions.has(e.label)) emotions.set(e.label, e.evidence);
  const polite = [...hits(scan, 'polite'), ...hits(scan, 'request')].sort((a, b) => a.from - b.from)[0];
  return {
    themes: themeEvidence,
    emotions,
    question: clauseOf(hits(scan, 'q')[0]) ?? (beforeQ ? clauseAround(scan.text, scan.tokens, beforeQ, 10) : null),
    request: clauseOf(polite),
    repeat: hits(scan, 'repeat')[0] ? phraseAround(scan, hits(scan, 'repeat')[0]).text : null,
    fallback: reason ?? themeHits[0]?.evidence.text ?? firstClause(scan),
  };
}

/** Compiles the lexicon once (on first use) and returns an analyser that reuses it. */
export function createCxAnalyzer(build: () => CxLexicon = compileCxLexicon): (input: CxInput) => CxResult {
  let lex: CxLexicon | null = null;
  return (input) => analyzeCx(input, (lex ??= build()));
}
