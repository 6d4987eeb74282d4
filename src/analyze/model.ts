/**
 * The analyser's model: a plain, JSON-serialisable data object (wink-nlp style). It is built by
 * `npm run train` into models/analyzer.json, loaded by the shell (src/runtime/analysis/load-model.ts) and
 * passed into `analyze()`; nothing is loaded at import time.
 */

/** A linear model over named sparse features: score[label] = bias + Σ value · weight. */
export interface LinearModelData {
  labels: string[];
  features: string[];
  /**
   * Row-major `features.length × labels.length` weights: integers to divide by `scale`, or int8
   * rows (see PackedRows), which ignore `scale`.
   */
  weights: number[] | PackedRows;
  bias: number[];
  scale: number;
}


/**
 * A hidden ReLU layer added to a linear model's logits ("wide & deep", Cheng et al. 2016):
 * logit += W2 · relu(W1 · x + b1).
 */
export interface HiddenLayerData {
  size: number;
  /** Features that feed the layer (the frequent ones), one row of W1 each. */
  features: string[];
  /** `features.length × size`. */
  w1: PackedRows;
  b1: number[];
  /** Row-major `size × labels`. */
  w2: number[];
  /** Languages that use the linear layer alone (their training lines were too noisy for the layer). */
  skipLanguages: string[];
}

/** Character n-gram naive Bayes language identifier (Cavnar & Trenkle 1994; Dunning 1994). */
export interface LanguageModelData {
  labels: string[];
  ngrams: string[];
  /** Row-major `ngrams.length × labels.length` quantised log-probabilities; divide by `scale`. */
  logp: number[];
  /** Log-probability of an unseen n-gram per label (already divided). */
  unseen: number[];
  scale: number;
  /** Weight of a whole-word entry ("=word") against one character gram; absent (0) in older models. */
  wordWeight?: number;
}

/** Valences on VADER's −4..4 scale, keyed by normalised word or space-joined phrase. */
export interface LexiconData {
  en: Record<string, number>;
  fr: Record<string, number>;
  /** FEEL polarity (±1), a broad but noisy French lexicon kept apart as weak evidence. */
  feel: Record<string, number>;
  /** Emoji -> valence. */
  emoji: Record<string, number>;
}

import type { CxHeadsData } from './heads/head-model.ts';
import type { PackedRows } from './packed-rows.ts';

export type { PackedRows } from './packed-rows.ts';

/** The trained analyser as stored in models/analyzer.json (written by scripts/train.ts). */
export interface AnalyzerModel {
  /** Changes whenever the model or the analysis code changes meaningfully; stored with each analysis. */
  version: string;
  language: LanguageModelData;
  lexicon: LexiconData;
  /** Emotion -> normalised cue phrase -> strength 0..1. */
  emotionCues: Record<string, Record<string, number>>;
  /** Softmax over negative / neutral / positive. */
  sentiment: LinearModelData;
  /** One-vs-rest logistic regression per emotion (plus a hidden layer), with decision thresholds. */
  emotions: LinearModelData & {
    hidden?: HiddenLayerData;
    thresholds: number[];
    /** Thresholds tuned for one language's validation slice (French), overriding `thresholds`. */
    thresholdsByLang?: Record<string, number[]>;
  };
  /**
   * Learned customer-message heads (needs, themes, stage, churn, urgency, vulnerability, emotions,
   * sentiment) over the core outputs and the CX rules; absent in older models (rules decide alone).
   */
  cxHeads?: CxHeadsData;
}
