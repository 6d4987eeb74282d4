/**
 * The analysis pipeline for one customer message: language -> sentiment -> emotions -> CX layer
 * (needs, themes, stage, signals, reason). Pure: the model is passed in, nothing is read or written.
 * Never throws: any string (empty, huge, binary, mixed languages) yields a valid Analysis.
 */
import type { Analysis } from '../core/analysis.ts';
import { scoreOnLabelSide } from '../core/sentiment-score.ts';
import { analyzeCx, type CxResult } from './cx/analyze-cx.ts';
import { compile } from './compiled.ts';
import { emotionCandidates, selectEmotions, type EmotionCandidate } from './emotions.ts';
import { extractFeatures, type FeatureSet } from './features.ts';
import { detectLanguage } from './language.ts';
import type { AnalyzerModel } from './model.ts';
import { toWords, type Word } from './normalize.ts';
import { hits, scanCx, type CxScan } from './cx/scan.ts';
import { scoreSentiment, withProblemCues } from './sentiment.ts';
import { tokenize, type Token } from './text.ts';
import { applyHeads } from './heads/apply-heads.ts';

/** Longer texts are analysed on their first MAX_CHARS characters (evidence stays verbatim). */
export const MAX_CHARS = 20_000;

/**
 * CX lexicon keys that state a service failure (complaint tone, delays, cancellations, losses,
 * waits, unresolved contacts, outages, lock-outs, unfair treatment): a flat report of one is a complaint.
 */
const PROBLEM_KEYS = ['gripe', 'unfair', 'theme:delay', 'theme:cancellation', 'theme:lost_or_damaged', 'theme:wait_time', 'theme:unresolved', 'theme:technical', 'theme:account_access'];

/** What analyze() and analyzeCore() need besides the text. */
export interface AnalyzeOptions {
  model: AnalyzerModel;
  /** Known language (ISO 639-1); detected when absent. */
  lang?: string;
  /**
   * Language to prefer when detection cannot tell French from English (a workspace's language):
   * a prior that decides short messages made of words both languages have, never clear ones.
   */
  langPrior?: string;
  /**
   * Skip the learned heads and keep the CX rules' verdicts (what `npm run eval` compares the heads
   * against). Off by default; a model without heads behaves so anyway.
   */
  rulesOnly?: boolean;
  /**
   * The text is known to be a customer's message (the store analyses only those; the CLI and the API
   * say so unless told otherwise): the learned heads then read it as one. Absent or false, the model's
   * `customer` head guesses, as it must for text of unknown origin (the public evaluation sets).
   */
  customer?: boolean;
}

const NEUTRAL_CX: CxResult = {
  needs: [],
  themes: [],
  stage: null,
  signals: { churnIntent: false, urgency: 'low', vulnerable: false, repeatContact: false },
  reason: null,
};

/** The model-driven part of an analysis (language, sentiment, emotions) and what the CX layer needs. */
export interface CoreAnalysis {
  text: string;
  tokens: Token[];
  language: string;
  sentiment: Analysis['sentiment'];
  emotions: Analysis['emotions'];
  /** The CX lexicon scan made for the problem cues, handed on so the CX layer does not scan again. */
  scan: CxScan;
  /** The scan found a stated service failure (which makes a flat report a complaint). */
  serviceProblem: boolean;
  /** Normalised words and their features, handed on for tools that re-run a later step (threshold tuning). */
  words: Word[];
  features: FeatureSet;
  /** Every emotion's probability before selection (the learned heads read them too). */
  candidates: EmotionCandidate[];
}

/** Language, sentiment and emotions only (no CX layer): what evaluation of those layers needs. */
export function analyzeCore(text: string, options: AnalyzeOptions): CoreAnalysis {
  const cm = compile(options.model);
  const full = typeof text === 'string' ? text : String(text ?? '');
  const input = full.length > MAX_CHARS ? full.slice(0, MAX_CHARS) : full;
  const given = typeof options.lang === 'string' ? options.lang.trim().toLowerCase().slice(0, 2) : '';
  const language = /^[a-z]{2}$/.test(given) ? given : detectLanguage(input, cm, options.langPrior);
  const tokens = tokenize(input);
  const words = toWords(tokens, language);
  const fs = extractFeatures(words, language, cm);
  const scan = scanCx(input, tokens, language, cm.cx);
  const problem = PROBLEM_KEYS.some((k) => hits(scan, k).length > 0);
  // A lukewarm verdict ("correct sans plus") is not a complaint, whatever problem words it uses.
  const sent = withProblemCues(scoreSentiment(cm, fs), problem && !fs.lukewarm, hits(scan, 'unfair').length > 0);
  const candidates = emotionCandidates(cm, fs, language);
  const emotions = selectEmotions(cm, fs, sent.label, input, tokens, words, language, problem, candidates);
  return { text: input, tokens, language, sentiment: { label: sent.label, score: sent.score }, emotions, scan, serviceProblem: problem, words, features: fs, candidates };
}

/** Analyses one message. */
export function analyze(text: string, options: AnalyzeOptions): Analysis {
  const core = analyzeCore(text, options);
  const cm = compile(options.model);
  let cx: CxResult;
  try {
    cx = analyzeCx(core, cm.cx);
  } catch {
    // The CX layer must not take the whole analysis down; its findings are simply absent.
    cx = NEUTRAL_CX;
  }
  const heads = options.model.cxHeads;
  // The score stored agrees with the label (core/sentiment-score.ts); the heads read the core's own score.
  const agreeing = (s: Analysis['sentiment']): Analysis['sentiment'] => ({ label: s.label, score: scoreOnLabelSide(s.label, s.score) });
  if (heads && !options.rulesOnly) {
    const h = applyHeads(heads, { ...core, rules: cx }, cm.headsShared, options.customer === true);
    return { language: core.language, ...h, sentiment: agreeing(h.sentiment) };
  }
  return {
    language: core.language, sentiment: agreeing(core.sentiment), emotions: core.emotions,
    needs: cx.needs, themes: cx.themes, stage: cx.stage, signals: { ...cx.signals }, reason: cx.reason,
  };
}
