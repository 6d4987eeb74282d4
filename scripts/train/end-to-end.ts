/**
 * End-to-end threshold tuning: the emotion thresholds chosen for the way the analyser uses them —
 * model probabilities combined with cue phrases, then made consistent with the sentiment
 * (src/analyze/emotions.ts) — rather than for the model's probabilities alone. Runs the shipped
 * pipeline once per validation line, then re-runs only the cheap selection step per candidate
 * threshold vector (coordinate ascent on the mean Ekman macro-F1 of the slices).
 */
import { analyzeCore } from '../../src/analyze/analyze.ts';
import { compile } from '../../src/analyze/compiled.ts';
import { chooseEmotions, emotionCandidates, isSilent, ratioOf, type EmotionCandidate } from '../../src/analyze/emotions.ts';
import type { AnalyzerModel } from '../../src/analyze/model.ts';
import type { SentimentLabel } from '../../src/core/labels.ts';
import { coordinateAscent, ekmanMacroF1, ekmanSet } from './thresholds.ts';

/** Validation lines with their 0/1 targets (EMOTIONS order). */
export interface TextSlice {
  name: string;
  texts: string[];
  y: Uint8Array[];
}

interface Prepared {
  cands: EmotionCandidate[];
  sentiment: SentimentLabel;
  serviceProblem: boolean;
  silent: boolean;
  /** The line's language has thresholds of its own (French): the general ones do not apply. */
  ownThresholds: boolean;
}

function prepare(model: AnalyzerModel, text: string): Prepared {
  const cm = compile(model);
  const core = analyzeCore(text, { model });
  return {
    cands: emotionCandidates(cm, core.features, core.language),
    sentiment: core.sentiment.label,
    serviceProblem: core.serviceProblem,
    silent: isSilent(core.features, core.words),
    ownThresholds: cm.emotions.thresholdsByLang.has(core.language),
  };
}

function predict(p: Prepared, th: number[]): Set<string> {
  if (p.silent) return ekmanSet(() => false);
  if (!p.ownThresholds) for (const c of p.cands) c.ratio = ratioOf(c.p, c.cue, th[c.labelIndex]);
  const chosen = new Set(chooseEmotions(p.cands, p.sentiment, p.serviceProblem).map((c) => c.labelIndex));
  return ekmanSet((j) => chosen.has(j));
}

/** General thresholds maximising the analyser's mean Ekman macro-F1 over `slices`, from `start`. */
export function pipelineThresholds(
  model: AnalyzerModel, slices: TextSlice[], start: number[],
): { thresholds: number[]; before: number[]; after: number[] } {
  const prepared = slices.map((s) => s.texts.map((t) => prepare(model, t)));
  const gold = slices.map((s) => s.y.map((y) => ekmanSet((j) => y[j] === 1)));
  const scoreOne = (i: number, th: number[]) => ekmanMacroF1(gold[i], prepared[i].map((p) => predict(p, th)));
  const score = (th: number[]) => slices.reduce((a, _, i) => a + scoreOne(i, th), 0) / slices.length;
  const thresholds = coordinateAscent(score, start);
  return { thresholds, before: slices.map((_, i) => scoreOne(i, start)), after: slices.map((_, i) => scoreOne(i, thresholds)) };
}
