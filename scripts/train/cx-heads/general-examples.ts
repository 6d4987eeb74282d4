/**
 * General-domain examples for the emotion, sentiment and `customer` heads: the lines of public emotion data the core model
 * never trained on (the internal validation slices of GoEmotions train and XED, scripts/data/split.ts,
 * which only tuned the core's emotion thresholds), labelled by the core's own mappings
 * (../examples.ts). Evaluation data (GoEmotions dev, XED's held-out tenth) is never among them.
 *
 * Why: trained on customer messages alone, the emotion head calibrates the core's outputs the way
 * the corpus' labels want, and on Reddit comments or subtitles it then adds anger or sadness where
 * their annotators saw none (GoEmotions Ekman macro-F1 0.505 → 0.400 when it could change the
 * family). Beside the customer messages, lines of other kinds of text teach it where the core's
 * reading should stand (README, "Learned heads"). Out-of-sample lines only: on the lines the core
 * trained on its probabilities are overconfident, and the head would learn to trust them too much.
 * The same lines teach the sentiment head the same lesson, and the `customer` head what is not a
 * customer's message: the sentiment head decides only where that head reads one (decide-heads.ts).
 */
import type { AnalyzerModel } from '../../../src/analyze/model.ts';
import type { HeadName } from '../../../src/analyze/heads/head-model.ts';
import { EMOTIONS } from '../../../src/core/labels.ts';
import type { LabelledMessage } from '../../data/labelled-messages.ts';
import { buildExamples, SENT_LABELS } from '../examples.ts';
import type { HeadExample } from './fit-heads.ts';
import { headExamples } from './head-examples.ts';

/** The sources whose validation slices are used (the core's sentiment and emotion data). */
const SOURCES = ['goemotions', 'xed-en', 'xed-fr', 'xed-neutral'];

/** One general line: as a labelled message, and the heads it does not train for want of their label. */
export interface GeneralLine {
  msg: LabelledMessage;
  skip: readonly HeadName[];
}

/**
 * The general lines. Each trains the `customer` head (as other text); the sentiment head where it has
 * a sentiment label; the emotion head where it has one emotion or none (a line with two or more names
 * no single main emotion, and a line labelled only with XED's anticipation has no emotion of ours).
 */
export function generalLines(): GeneralLine[] {
  const out: GeneralLine[] = [];
  for (const e of buildExamples()) {
    if (!e.validation || !SOURCES.includes(e.source)) continue;
    const emotions = e.emo ? EMOTIONS.filter((_, j) => e.emo![j] === 1) : [];
    const skip: HeadName[] = [];
    if (!e.emo || emotions.length > 1) skip.push('emotion');
    if (e.sent < 0) skip.push('sentiment');
    out.push({
      msg: {
        id: `g-${e.source}-${String(out.length).padStart(5, '0')}`, lang: e.lang, text: e.text,
        sentiment: SENT_LABELS[e.sent] ?? 'neutral', emotions: emotions.length > 1 ? [] : emotions, needs: [], themes: [], stage: null,
        churn_intent: false, urgency: 'low', vulnerable: false, reason: null,
      },
      skip,
    });
  }
  return out;
}

/** Head examples of the general lines under `model`'s core and rules, marked `general`, each with the heads it skips. */
export function generalExamples(model: AnalyzerModel, lines: readonly GeneralLine[] = generalLines()): HeadExample[] {
  return headExamples(model, lines.map((l) => l.msg)).examples.map((e, i) => ({ ...e, general: true, skip: lines[i].skip }));
}
