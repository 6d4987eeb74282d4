/**
 * The figures of the customer-message heads, one scorer for every column (rules, learned heads,
 * cross-validation and the gold test set): sentiment macro-F1, top emotion (an empty list counts as
 * neutral), top need (none counts as a label), themes macro-F1 (over the themes the gold set holds),
 * stage accuracy (null counts as a label), churn-intent precision / recall / F1, urgency accuracy,
 * vulnerable F1.
 */
import { headEmotions } from '../../../src/analyze/heads/emotion-family.ts';
import type { Analysis } from '../../../src/core/analysis.ts';
import { SENTIMENTS, THEMES } from '../../../src/core/labels.ts';
import { withRuleThemes, type HeadDecision } from '../../../src/analyze/heads/decide-heads.ts';
import { sentimentAndEmotions } from '../../../src/analyze/heads/sentiment-emotions.ts';
import type { LabelledMessage } from '../../data/labelled-messages.ts';
import { f1, macroF1, multiLabelMacroF1 } from '../../eval/metrics.ts';

/** What any engine said about one message, in the scorer's terms. */
export interface Prediction {
  sentiment: string;
  emotions: string[];
  needs: string[];
  themes: string[];
  stage: string | null;
  churn: boolean;
  urgency: string;
  vulnerable: boolean;
}

/** A full analysis (rules or heads) as a prediction. */
export function fromAnalysis(a: Analysis): Prediction {
  return {
    sentiment: a.sentiment.label, emotions: a.emotions.map((e) => e.label), needs: a.needs.map((n) => n.label),
    themes: a.themes.map((t) => t.label), stage: a.stage?.label ?? null, churn: a.signals.churnIntent,
    urgency: a.signals.urgency, vulnerable: a.signals.vulnerable,
  };
}

/**
 * The heads' decision as the analyser applies it (themes joined by the rules' on a message of `chars`
 * characters, the emotion the head's own on a customer's message or where it is sure, else refined in
 * the core's family, the sentiment head's label where it decides and the emotions allow it), the rules'
 * verdict where a head is absent.
 */
export function fromDecision(d: HeadDecision, rules: Prediction, ruleJoin: readonly string[] | undefined, chars: number): Prediction {
  const emotions = headEmotions(rules.emotions.map((label) => ({ label })), d.emotion?.label ?? null, d.emotionFree === true, (label) => ({ label }), d.emotion2);
  const fit = sentimentAndEmotions(d.sentiment, { label: rules.sentiment, score: 0 }, emotions, d.knownCustomer === true);
  return {
    sentiment: fit.sentiment.label,
    emotions: fit.emotions.map((e) => e.label),
    needs: d.needs?.map((c) => c.label) ?? rules.needs,
    themes: d.themes ? withRuleThemes(d.themes, rules.themes.map((label) => ({ label })), ruleJoin, chars).map((c) => c.label) : rules.themes,
    stage: d.stage === undefined ? rules.stage : d.stage?.label ?? null,
    churn: d.churn ?? rules.churn,
    urgency: d.urgency ?? rules.urgency,
    vulnerable: d.vulnerable ?? rules.vulnerable,
  };
}

/** Names of the figures, in table order. */
export const FIGURES = [
  'sentiment macro-F1', 'top emotion', 'top need', 'themes macro-F1', 'stage', 'churn precision', 'churn recall', 'churn F1',
  'urgency', 'vulnerable F1',
] as const;
export type Figure = (typeof FIGURES)[number];

const topEmotion = (xs: readonly string[]): string => (xs[0] === undefined || xs[0] === 'neutral' ? 'neutral' : xs[0]);
const binary = (gold: boolean[], pred: boolean[]): [number, number, number] => {
  let tp = 0, fp = 0, fn = 0;
  gold.forEach((g, i) => { if (g && pred[i]) tp++; else if (pred[i]) fp++; else if (g) fn++; });
  return [tp, fp, fn];
};

/** Every figure over the messages `ix` (indices into gold and pred). */
export function figures(gold: readonly LabelledMessage[], pred: readonly Prediction[], ix: readonly number[]): Record<Figure, number> {
  const g = ix.map((i) => gold[i]);
  const p = ix.map((i) => pred[i]);
  const acc = (ok: (a: LabelledMessage, b: Prediction) => boolean) => g.reduce((s, m, q) => s + (ok(m, p[q]) ? 1 : 0), 0) / Math.max(1, g.length);
  const [ctp, cfp, cfn] = binary(g.map((m) => m.churn_intent), p.map((x) => x.churn));
  const [vtp, vfp, vfn] = binary(g.map((m) => m.vulnerable), p.map((x) => x.vulnerable));
  return {
    'sentiment macro-F1': macroF1(g.map((m) => m.sentiment), p.map((x) => x.sentiment), SENTIMENTS),
    'top emotion': acc((m, x) => topEmotion(m.emotions) === topEmotion(x.emotions)),
    'top need': acc((m, x) => (m.needs[0] ?? 'none') === (x.needs[0] ?? 'none')),
    'themes macro-F1': multiLabelMacroF1(g.map((m) => new Set(m.themes)), p.map((x) => new Set(x.themes)), THEMES).f1,
    stage: acc((m, x) => m.stage === x.stage),
    'churn precision': ctp + cfp === 0 ? 0 : ctp / (ctp + cfp),
    'churn recall': ctp + cfn === 0 ? 0 : ctp / (ctp + cfn),
    'churn F1': f1(ctp, cfp, cfn),
    urgency: acc((m, x) => m.urgency === x.urgency),
    'vulnerable F1': f1(vtp, vfp, vfn),
  };
}

/** Micro-F1 of label sets (an empty set counts as the label `empty`). */
export function setMicroF1(gold: readonly (readonly string[])[], pred: readonly (readonly string[])[], empty: string): number {
  let tp = 0, fp = 0, fn = 0;
  gold.forEach((gs, i) => {
    const a = new Set(gs.length ? gs : [empty]);
    const b = new Set(pred[i].length ? pred[i] : [empty]);
    for (const l of b) if (a.has(l)) tp++; else fp++;
    for (const l of a) if (!b.has(l)) fn++;
  });
  return f1(tp, fp, fn);
}
