/**
 * General-domain examples for the emotion head: the lines of public emotion data the core model
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
 */
import type { AnalyzerModel } from '../../../src/analyze/model.ts';
import { EMOTIONS } from '../../../src/core/labels.ts';
import type { LabelledMessage } from '../../data/labelled-messages.ts';
import { buildExamples, SENT_LABELS } from '../examples.ts';
import type { HeadExample } from './fit-heads.ts';
import { headExamples } from './head-examples.ts';

/** The sources whose validation slices are used (the core's sentiment and emotion data). */
const SOURCES = ['goemotions', 'xed-en', 'xed-fr', 'xed-neutral'];

/**
 * The general lines as labelled messages: one emotion (or none) each; a line with two or more
 * emotions is left out, since the head learns a single main emotion and such a line names none.
 */
export function generalMessages(): LabelledMessage[] {
  const out: LabelledMessage[] = [];
  for (const e of buildExamples()) {
    if (!e.validation || !SOURCES.includes(e.source) || !e.emo) continue;
    const emotions = EMOTIONS.filter((_, j) => e.emo![j] === 1);
    if (emotions.length > 1) continue;
    out.push({
      id: `g-${e.source}-${String(out.length).padStart(5, '0')}`, lang: e.lang, text: e.text,
      sentiment: SENT_LABELS[e.sent] ?? 'neutral', emotions, needs: [], themes: [], stage: null,
      churn_intent: false, urgency: 'low', vulnerable: false, reason: null,
    });
  }
  return out;
}

/** Head examples of the general lines under `model`'s core and rules, marked `general`. */
export function generalExamples(model: AnalyzerModel, msgs: readonly LabelledMessage[] = generalMessages()): HeadExample[] {
  return headExamples(model, msgs).examples.map((e) => ({ ...e, general: true }));
}
