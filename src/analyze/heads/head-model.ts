/**
 * The learned customer-message heads as stored in models/analyzer.json (`cxHeads`): one linear
 * layer per head over one shared feature list (words, character grams, CX lexicon matches, the
 * CX rules' verdicts and the core model's sentiment and emotions), trained by `npm run train` on
 * the Écoute corpus (scripts/train/cx-heads.ts). The rules' verdicts are evidence here, not the
 * answer: a head weighs them against everything else the message says.
 */
import type { PackedRows } from '../packed-rows.ts';

/** Every head, in the order they are stored. */
export const HEAD_NAMES = ['need', 'needs', 'themes', 'stage', 'churn', 'urgency', 'vulnerable', 'emotion', 'sentiment', 'customer'] as const;
export type HeadName = (typeof HEAD_NAMES)[number];

/** Label used by single-choice heads for "nothing": no need (praise, flat remarks), no stage (the message names no point in the journey), no emotion. */
export const NONE = 'none';

/** The lowest decision threshold training may choose (scripts/train/cx-heads/thresholds.ts). */
export const MIN_THRESHOLD = 0.1;

/** One head: a slice of the shared weight matrix. */
export interface HeadData {
  name: HeadName;
  /** `softmax`: exactly one label wins. `ovr`: each label is a yes/no (sigmoid) with `threshold`. */
  mode: 'softmax' | 'ovr';
  labels: string[];
  /** First column of this head in the shared matrix. */
  offset: number;
  /** Decision threshold of an `ovr` head, chosen by cross-validation inside the training data. */
  threshold?: number;
  /**
   * The threshold for messages of one language (ISO 639-1), chosen the same way on that language's
   * messages: the heads' probabilities are not calibrated alike in French and English. Other
   * languages use `threshold`.
   */
  thresholdByLang?: Record<string, number>;
  /**
   * One threshold per label of an `ovr` head, in label order, each chosen on that label's own F1:
   * a rare theme's probabilities run lower than a common one's. Takes precedence over the others.
   */
  thresholdByLabel?: number[];
  /**
   * The labels (themes) on which the rules' verdicts join the head's (withRuleThemes), each kept only
   * where joining raised that label's F1 on the out-of-fold training messages. Absent: every label.
   */
  ruleJoin?: string[];
  /**
   * An `ovr` label is found only when some words of the message push it up by at least this much
   * (logit units): a theme that only the label's base rate carries is no finding, and has no evidence.
   */
  minSupport?: number;
  /**
   * Emotion head: at or above this probability its choice stands on its own (it may change the
   * emotion's family, or clear the emotions); below it, it only refines the core's emotions inside
   * their families (emotion-family.ts). Absent: never on its own. Sentiment head: the adjusted
   * probability (see `prior`) at or above which its label replaces the core's. Absent: never.
   */
  freeAbove?: number;
  /**
   * Emotion head: on a message the `customer` head reads as a customer's, its choice stands on its
   * own whatever its probability, as at `freeAbove`. The head learned the guidelines' emotions from
   * customer messages; the core's families, learned from Reddit comments and film subtitles, are the
   * safer reading only on other text (decide-heads.ts). Absent: `freeAbove` alone decides.
   */
  freeOnCustomer?: boolean;
  /**
   * Sentiment head: the share of each label among its training examples. Its probabilities are
   * divided by these shares before it decides (the logit adjustment of Menon et al., "Long-tail
   * learning via logit adjustment", ICLR 2021; the prior correction of Saerens et al., Neural
   * Computation 2002): the customer messages it learns from are half complaints, and without the
   * correction it reads that prior into every text. It decides where the adjusted probability of its
   * label reaches `freeAbove` and the `customer` head reads a customer's message; the core model's
   * sentiment stands elsewhere (decide-heads.ts).
   */
  prior?: number[];
}

/** All heads: `features.length × columns` int8 weights (PackedRows) and one bias per column. */
export interface CxHeadsData {
  /** Corpus the heads were trained on and its size (for the model card and `ecoute analyze --explain`). */
  trainedOn: { corpus: string; messages: number };
  features: string[];
  columns: number;
  weights: PackedRows;
  bias: number[];
  heads: HeadData[];
}
