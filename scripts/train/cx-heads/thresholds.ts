/**
 * Decision thresholds of the yes/no heads, chosen on out-of-fold predictions (fit-heads.ts) with the
 * measure each head is judged by: micro-F1 of the need lists (the second need), macro-F1 of themes,
 * F1 of churn intent and vulnerability. A grid of 0.05 steps; ties keep the lower.
 */
import { decideHeads, type HeadDecision, type HeadProbs } from '../../../src/analyze/heads/decide-heads.ts';
import { MIN_THRESHOLD, type HeadData, type HeadName } from '../../../src/analyze/heads/head-model.ts';
import { THEMES } from '../../../src/core/labels.ts';
import type { LabelledMessage } from '../../data/labelled-messages.ts';
import { f1, multiLabelMacroF1 } from '../../eval/metrics.ts';
import { setMicroF1 } from './head-metrics.ts';

function objective(name: HeadName, gold: readonly LabelledMessage[], d: readonly HeadDecision[]): number {
  const labels = (xs: { label: string }[] | undefined) => (xs ?? []).map((c) => c.label);
  switch (name) {
    case 'needs': return setMicroF1(gold.map((m) => m.needs), d.map((x) => labels(x.needs)), 'none');
    case 'themes': return multiLabelMacroF1(gold.map((m) => new Set(m.themes)), d.map((x) => new Set(labels(x.themes))), THEMES).f1;
    case 'churn':
    case 'vulnerable': {
      let tp = 0, fp = 0, fn = 0;
      gold.forEach((m, i) => {
        const g = name === 'churn' ? m.churn_intent : m.vulnerable;
        const p = d[i][name] ?? false;
        if (g && p) tp++; else if (p) fp++; else if (g) fn++;
      });
      return f1(tp, fp, fn);
    }
    default: throw new Error(`head ${name} has no threshold`);
  }
}

/** One training message's out-of-fold probabilities, with the heads (their fold's) that gave them. */
export interface OutOfFold {
  msg: LabelledMessage;
  heads: ReadonlyMap<HeadName, HeadData>;
  probs: HeadProbs;
}

/** The threshold of head `name` that scores best on the out-of-fold predictions. */
export function chooseThreshold(name: HeadName, oof: readonly OutOfFold[]): number {
  const gold = oof.map((o) => o.msg);
  let best = 0.5;
  let bestScore = -1;
  for (let t = MIN_THRESHOLD; t <= 0.9001; t += 0.05) {
    const tau = Math.round(t * 100) / 100;
    const d = oof.map(({ heads, probs }) => {
      const h = new Map<HeadName, HeadData>(heads);
      h.set(name, { ...heads.get(name)!, threshold: tau });
      return decideHeads(h, probs);
    });
    const s = objective(name, gold, d);
    if (s > bestScore + 1e-9) { bestScore = s; best = tau; }
  }
  return best;
}
