/**
 * Scores a drill attempt. Reading: the participant's emotions and needs against the message's
 * analysis (F1 per list, so naming everything is no better than naming nothing), with the analysis'
 * evidence spans as feedback. Reply: the reply coach, with the model passed in. Pure.
 */
import type { Analysis } from '../../core/analysis.ts';
import type { Lang } from '../../core/lang.ts';
import { nameOf } from '../../core/label-names.ts';
import { coachReply } from '../coach/coach.ts';
import type { CoachModel } from '../coach/coach-model.ts';
import { drillSummary } from './drill-strings.ts';
import type { DrillAttemptInput, DrillFeedback, DrillSource, LabelMatch, ReadingFeedback } from './drill-types.ts';

/** Compares chosen labels with the analysed ones. */
export function matchLabels<L extends string>(chosen: readonly L[], found: readonly L[]): LabelMatch<L> {
  return {
    matched: chosen.filter((x) => found.includes(x)),
    missed: found.filter((x) => !chosen.includes(x)),
    extra: chosen.filter((x) => !found.includes(x)),
  };
}

/** F1 of one list; both empty is a perfect reading (nothing to find, nothing claimed). */
function f1<L extends string>(m: LabelMatch<L>): number {
  const tp = m.matched.length;
  if (tp + m.missed.length + m.extra.length === 0) return 1;
  return (2 * tp) / (2 * tp + m.missed.length + m.extra.length);
}

/** The reading score (0..100) and what the analysis saw, with its evidence, in `lang`. */
export function scoreReading(analysis: Analysis, emotions: readonly string[], needs: readonly string[], lang: Lang): ReadingFeedback {
  const e = matchLabels(emotions as Analysis['emotions'][number]['label'][], analysis.emotions.map((x) => x.label));
  const n = matchLabels(needs as Analysis['needs'][number]['label'][], analysis.needs.map((x) => x.label));
  return {
    score: Math.round(((f1(e) + f1(n)) / 2) * 100),
    emotions: e,
    needs: n,
    evidence: [
      ...analysis.emotions.map((x) => ({ kind: 'emotion' as const, label: x.label, name: nameOf('emotions', x.label, lang), evidence: x.evidence })),
      ...analysis.needs.map((x) => ({ kind: 'need' as const, label: x.label, name: nameOf('needs', x.label, lang), evidence: x.evidence })),
    ],
  };
}

/** The whole feedback of one attempt on `source` (the message it answers, with its analysis). */
export function scoreDrillAttempt(source: DrillSource, attempt: DrillAttemptInput, model: CoachModel, lang: Lang): DrillFeedback {
  const reading = scoreReading(source.analysis, attempt.emotions, attempt.needs, lang);
  const coached = coachReply({ id: source.messageId, customer: source.text, reply: attempt.reply, lang }, model);
  const reply = { score: coached.score, dimensions: coached.dimensions, canned: coached.canned, suggestions: coached.suggestions };
  return { messageId: source.messageId, mode: attempt.mode, reading, reply, summary: drillSummary(reading, reply, lang) };
}
