/**
 * What each learned head predicts from a labelled message (GUIDELINES.md). The label sets are the
 * contract's (src/core/labels.ts). The emotion head decides on a customer's message, and on other
 * text refines the core's emotions inside their families unless sure (src/analyze/heads/emotion-family.ts); the
 * sentiment head replaces the core's sentiment only on what the `customer` head reads as a
 * customer's message, and only when sure (src/analyze/heads/decide-heads.ts).
 */
import { EMOTIONS, NEEDS, SENTIMENTS, STAGES, THEMES, URGENCIES } from '../../../src/core/labels.ts';
import { NONE, type HeadName } from '../../../src/analyze/heads/head-model.ts';
import type { LabelledMessage } from '../../data/labelled-messages.ts';

/** One head to train: its labels, kind, and the gold target of a message. */
export interface HeadSpec {
  name: HeadName;
  mode: 'softmax' | 'ovr';
  labels: readonly string[];
  /** softmax: the index of the gold label; ovr: one 0/1 per label. `general`: a general-domain line. */
  target(m: LabelledMessage, general: boolean): number | Uint8Array;
  /** Whether the head also learns from the general-domain lines (general-examples.ts). */
  general?: boolean;
}

const index = (labels: readonly string[], l: string): number => {
  const i = labels.indexOf(l);
  if (i < 0) throw new Error(`unknown label "${l}" (expected one of ${labels.join(', ')})`);
  return i;
};
const many = (labels: readonly string[], ls: readonly string[]): Uint8Array => {
  const y = new Uint8Array(labels.length);
  for (const l of ls) y[index(labels, l)] = 1;
  return y;
};

const NEED_TOP = [...NEEDS, NONE];
/** The `customer` head's labels: other text, a customer's message. */
const CUSTOMER_LABELS = ['other', 'customer'];
const STAGE_TOP = [...STAGES, NONE];
const EMOTION_TOP = [...EMOTIONS, NONE];
/** The first emotion of a message; none for no emotion, or "neutral", which the guidelines allow as a label. */
const topEmotion = (m: LabelledMessage): string => (m.emotions[0] === undefined || m.emotions[0] === 'neutral' ? NONE : m.emotions[0]);

/** The heads, in storage order. */
export const HEAD_SPECS: readonly HeadSpec[] = [
  { name: 'need', mode: 'softmax', labels: NEED_TOP, target: (m) => index(NEED_TOP, m.needs[0] ?? NONE) },
  { name: 'needs', mode: 'ovr', labels: NEEDS, target: (m) => many(NEEDS, m.needs) },
  { name: 'themes', mode: 'ovr', labels: THEMES, target: (m) => many(THEMES, m.themes) },
  { name: 'stage', mode: 'softmax', labels: STAGE_TOP, target: (m) => index(STAGE_TOP, m.stage ?? NONE) },
  { name: 'churn', mode: 'ovr', labels: ['churn'], target: (m) => Uint8Array.of(m.churn_intent ? 1 : 0) },
  { name: 'urgency', mode: 'softmax', labels: URGENCIES, target: (m) => index(URGENCIES, m.urgency) },
  { name: 'vulnerable', mode: 'ovr', labels: ['vulnerable'], target: (m) => Uint8Array.of(m.vulnerable ? 1 : 0) },
  // The main emotion: in its own right on a customer's message or when sure, else inside the families the core found (emotion-family.ts).
  // The one head that also learns from general-domain lines, which calibrate it for text that is not a customer's.
  { name: 'emotion', mode: 'softmax', labels: EMOTION_TOP, target: (m) => index(EMOTION_TOP, topEmotion(m)), general: true },
  // Sentiment as the guidelines read it, beside the general lines' own labels (their calibration for other text).
  { name: 'sentiment', mode: 'softmax', labels: SENTIMENTS, target: (m) => index(SENTIMENTS, m.sentiment), general: true },
  // Whether a text is the kind the heads learn from (a customer's message) or other text (a general line):
  // the sentiment head decides only on the first, where its reading of the guidelines applies.
  { name: 'customer', mode: 'softmax', labels: CUSTOMER_LABELS, target: (_, general) => (general ? 0 : 1), general: true },
];
