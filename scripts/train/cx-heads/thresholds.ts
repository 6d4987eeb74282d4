/**
 * Decision thresholds of the yes/no heads, chosen on out-of-fold predictions (fit-heads.ts) with the
 * measure each head is judged by: micro-F1 of the need lists (the second need), macro-F1 of themes,
 * F1 of churn intent and vulnerability. A grid of 0.05 steps; ties keep the lower.
 */
import { decideHeads, withRuleThemes, type HeadDecision, type HeadProbs } from '../../../src/analyze/heads/decide-heads.ts';
import { MIN_THRESHOLD, type HeadData, type HeadName } from '../../../src/analyze/heads/head-model.ts';
import { THEMES } from '../../../src/core/labels.ts';
import type { LabelledMessage } from '../../data/labelled-messages.ts';
import { f1, multiLabelMacroF1 } from '../../eval/metrics.ts';
import { setMicroF1 } from './head-metrics.ts';

/** The themes of a decision as the analyser ships them: joined by the rules' when `o` carries them. */
function shippedThemes(x: HeadDecision, o: OutOfFold, joined: readonly string[] | undefined): string[] {
  const head = x.themes ?? [];
  return (o.ruleThemes ? withRuleThemes(head, o.ruleThemes.map((label) => ({ label })), joined, o.msg.text.length) : head).map((c) => c.label);
}

function objective(name: HeadName, oof: readonly OutOfFold[], d: readonly HeadDecision[]): number {
  const gold = oof.map((o) => o.msg);
  const labels = (xs: { label: string }[] | undefined) => (xs ?? []).map((c) => c.label);
  switch (name) {
    case 'needs': return setMicroF1(gold.map((m) => m.needs), d.map((x) => labels(x.needs)), 'none');
    case 'themes': return multiLabelMacroF1(gold.map((m) => new Set(m.themes)), d.map((x, i) => new Set(shippedThemes(x, oof[i], oof[i].heads.get('themes')?.ruleJoin))), THEMES).f1;
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
  /** The rules' themes, when the themes threshold is judged on the head's themes joined by them. */
  ruleThemes?: readonly string[];
}

/** The threshold of head `name` that scores best on the out-of-fold predictions. */
export function chooseThreshold(name: HeadName, oof: readonly OutOfFold[]): number {
  let best = 0.5;
  let bestScore = -1;
  for (let t = MIN_THRESHOLD; t <= 0.9001; t += 0.05) {
    const tau = Math.round(t * 100) / 100;
    const d = oof.map(({ heads, probs }) => {
      const h = new Map<HeadName, HeadData>(heads);
      h.set(name, { ...heads.get(name)!, threshold: tau });
      return decideHeads(h, probs);
    });
    const s = objective(name, oof, d);
    if (s > bestScore + 1e-9) { bestScore = s; best = tau; }
  }
  return best;
}

type Counts = [tp: number, fp: number, fn: number];

/**
 * Per-label true positives, false positives and false negatives of head `name` on the out-of-fold
 * predictions, its data overridden by `set` and its themes shipped as joined by `joined`.
 */
function labelCounts(name: HeadName, oof: readonly OutOfFold[], set: Partial<HeadData>, joined: readonly string[] | undefined): Map<string, Counts> {
  const labels = oof[0]?.heads.get(name)?.labels ?? [];
  const c = new Map(labels.map((l): [string, Counts] => [l, [0, 0, 0]]));
  for (const o of oof) {
    const h = new Map<HeadName, HeadData>(o.heads);
    h.set(name, { ...o.heads.get(name)!, ...set });
    const said = new Set(shippedThemes(decideHeads(h, o.probs), o, joined));
    for (const l of labels) {
      const g = o.msg.themes.includes(l);
      const k = c.get(l)!;
      if (g && said.has(l)) k[0]++; else if (said.has(l)) k[1]++; else if (g) k[2]++;
    }
  }
  return c;
}

/**
 * One threshold per label of head `name` (themes), by coordinate ascent from `all`: each label in
 * turn takes the grid value that maximises its own F1 on the out-of-fold predictions, the others
 * held, the decision (cap of three, join with the rules' themes) applied as shipped. Ties keep the lower.
 */
export function chooseLabelThresholds(name: HeadName, oof: readonly OutOfFold[], all: number, ruleJoin?: readonly string[]): number[] {
  const head = oof[0]?.heads.get(name);
  if (!head) return [];
  const out = head.labels.map(() => all);
  head.labels.forEach((label, j) => {
    let best = all;
    let bestScore = -1;
    for (let t = MIN_THRESHOLD; t <= 0.9001; t += 0.05) {
      const tau = Math.round(t * 100) / 100;
      const byLabel = out.map((x, q) => (q === j ? tau : x));
      const s = f1(...labelCounts(name, oof, { threshold: all, thresholdByLabel: byLabel }, ruleJoin).get(label)!);
      if (s > bestScore + 1e-9) { bestScore = s; best = tau; }
    }
    out[j] = best;
  });
  return out;
}

/**
 * The labels of head `name` (themes) on which the rules' verdicts should join the head's: those whose
 * own F1 on the out-of-fold predictions, at threshold `all`, is at least as high with the join as
 * without it (a tie keeps the join).
 */
export function chooseRuleJoin(name: HeadName, oof: readonly OutOfFold[], all: number): string[] {
  const head = oof[0]?.heads.get(name);
  if (!head) return [];
  // Each label's F1 depends on the others' joins only through the cap of three themes: judged one at a time.
  const withAll = labelCounts(name, oof, { threshold: all }, head.labels);
  const withNone = labelCounts(name, oof, { threshold: all }, []);
  return head.labels.filter((l) => f1(...withAll.get(l)!) >= f1(...withNone.get(l)!) - 1e-9);
}
