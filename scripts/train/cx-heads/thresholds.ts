/**
 * Decision thresholds of the yes/no heads, chosen on out-of-fold predictions (fit-heads.ts) with the
 * measure each head is judged by: micro-F1 of the need lists (the second need), macro-F1 of themes,
 * F1 of churn intent and vulnerability. A grid of 0.05 steps; ties keep the lower.
 */
import { compileHeads } from '../../../src/analyze/heads/compile-heads.ts';
import { scoreHeads } from '../../../src/analyze/heads/apply-heads.ts';
import { decideHeads, type HeadDecision } from '../../../src/analyze/heads/decide-heads.ts';
import { MIN_THRESHOLD, type CxHeadsData, type HeadData, type HeadName } from '../../../src/analyze/heads/head-model.ts';
import { THEMES } from '../../../src/core/labels.ts';
import type { LabelledMessage } from '../../data/labelled-messages.ts';
import { f1, multiLabelMacroF1 } from '../../eval/metrics.ts';
import type { HeadExample } from './fit-heads.ts';
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

/** The threshold of head `name` that scores best on the out-of-fold predictions. */
export function chooseThreshold(name: HeadName, oof: readonly { data: CxHeadsData; ex: HeadExample }[]): number {
  const scored = oof.map(({ data, ex }) => ({ heads: compileHeads(data).heads, probs: scoreHeads(compileHeads(data), ex.fs) }));
  const gold = oof.map((o) => o.ex.msg);
  let best = 0.5;
  let bestScore = -1;
  for (let t = MIN_THRESHOLD; t <= 0.9001; t += 0.05) {
    const tau = Math.round(t * 100) / 100;
    const d = scored.map(({ heads, probs }) => {
      const h = new Map<HeadName, HeadData>(heads);
      h.set(name, { ...heads.get(name)!, threshold: tau });
      return decideHeads(h, probs);
    });
    const s = objective(name, gold, d);
    if (s > bestScore + 1e-9) { bestScore = s; best = tau; }
  }
  return best;
}

/**
 * Per-label thresholds of a multi-label head (themes): each label's own best F1 on the out-of-fold
 * predictions, so a rare theme is not held to a common theme's bar. A label with fewer than
 * `minPositives` out-of-fold positives keeps the head's threshold (too few to choose from).
 */
export function chooseLabelThresholds(name: HeadName, oof: readonly { data: CxHeadsData; ex: HeadExample }[], fallback: number, minPositives = 20): number[] {
  const head = compileHeads(oof[0].data).heads.get(name)!;
  const probs = oof.map(({ data, ex }) => scoreHeads(compileHeads(data), ex.fs).get(name)!);
  const gold = oof.map((o) => (name === 'themes' ? o.ex.msg.themes : []));
  return head.labels.map((label, j) => {
    const pos = gold.filter((g) => g.includes(label)).length;
    if (pos < minPositives) return fallback;
    let best = fallback;
    let bestF = -1;
    for (let t = MIN_THRESHOLD; t <= 0.9001; t += 0.05) {
      const tau = Math.round(t * 100) / 100;
      let tp = 0, fp = 0, fn = 0;
      probs.forEach((p, i) => {
        const g = gold[i].includes(label);
        const y = p[j] >= tau;
        if (g && y) tp++; else if (y) fp++; else if (g) fn++;
      });
      const f = f1(tp, fp, fn);
      if (f > bestF + 1e-9) { bestF = f; best = tau; }
    }
    return best;
  });
}
