/**
 * Types of the empathic reply coach: its input, its result and the trained model it is given.
 * The model is plain JSON (models/coach.json, written by scripts/train/coach.ts) so the pure core
 * never reads files: the shell loads it (src/runtime/analysis/load-coach-model.ts) and passes it in.
 */

/** The five scored dimensions, in the order results list them. */
export const DIMENSIONS = ['emotionalReaction', 'interpretation', 'exploration', 'ownership', 'personalization'] as const;

/** One reply dimension (see the gold GUIDELINES, section "Replies"). */
export type Dimension = (typeof DIMENSIONS)[number];

/** A dimension's level: 0 absent, 1 generic or vague, 2 specific to this customer. */
export type Level = 0 | 1 | 2;

/** Languages the coach writes suggestions in. */
export type CoachLang = 'fr' | 'en';

/** One reply to coach: the customer's message and the agent's draft. */
export interface CoachInput {
  /** Echoed back in the result; any JSON scalar the caller uses to match lines. */
  id: string | number | null;
  customer: string;
  reply: string;
  /** The reply's language; guessed from the reply when absent. */
  lang?: CoachLang;
}

/** A concrete rewrite hint for one weak dimension (or `canned`), in the reply's language. */
export interface Suggestion {
  dimension: Dimension | 'canned';
  text: string;
}

/** What the coach returns for one reply. */
export interface CoachResult {
  id: string | number | null;
  /** 0..100: the predicted holistic 1–5 rating, rescaled. */
  score: number;
  dimensions: Record<Dimension, Level>;
  /** A template that could be sent unchanged to anyone (then personalization is 0). */
  canned: boolean;
  suggestions: Suggestion[];
}

/** What the rest of the batch says about one reply: its nearest near-duplicate sent to another customer. */
export interface BatchContext {
  duplicateOf?: { id: string | number | null; similarity: number };
}

/** A softmax layer over sparse features: `weights` is features × classes, row-major. */
export interface LinearHead {
  classes: number;
  bias: number[];
  weights: number[];
}

/** The heads the coach trains: one per dimension plus the binary canned detector. */
export type HeadName = Dimension | 'canned';

/** The trained coach, as stored in models/coach.json. */
export interface CoachModel {
  version: string;
  /** Feature names; row i of every head's weights belongs to features[i]. */
  features: string[];
  heads: Record<HeadName, LinearHead>;
  canned: {
    /** P(canned) at or above which the content model alone calls a reply canned. */
    threshold: number;
    /** Word-shingle Jaccard at or above which two replies to different customers are the same template. */
    duplicateJaccard: number;
    /** MinHash signatures of the canned templates seen in training (a reply this close to one is canned). */
    templates: number[][];
  };
  /** Shingling and MinHash parameters shared by training and runtime (Broder 1997). */
  shingle: { size: number; hashes: number; seed: number };
  /**
   * Linear map from dimensions (+ canned) to the 1–5 overall rating, least squares on the corpus labels;
   * applied to expected levels, clamped to 1..5 and rescaled to 0..100.
   */
  score: { intercept: number; weights: Record<HeadName, number> };
}
