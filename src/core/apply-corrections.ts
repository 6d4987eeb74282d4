/**
 * Shows people's corrections instead of the model's findings: a pure rewrite of an Analysis by the
 * latest correction of each field. A corrected label carries score 1 (a person said so) and no
 * evidence (the model's span no longer applies); uncorrected fields stay as the model found them.
 */
import type { Analysis } from './analysis.ts';
import { latestCorrections, type AppliedCorrection, type Correction, type CorrectionField, type CorrectionValue } from './correction.ts';
import type { Emotion, Need, SentimentLabel, Stage, Urgency } from './labels.ts';
import { scoreOnLabelSide } from './sentiment-score.ts';

/** The model's value of a field, in a correction's shape (for "was X" in the UI and in exports). */
export function modelValueOf(a: Analysis, field: CorrectionField): CorrectionValue {
  switch (field) {
    case 'emotions': return a.emotions.map((f) => f.label);
    case 'needs': return a.needs.map((f) => f.label);
    case 'themes': return a.themes.map((f) => f.label);
    case 'stage': return a.stage?.label ?? null;
    case 'churn': return a.signals.churnIntent;
    case 'urgency': return a.signals.urgency;
    case 'vulnerable': return a.signals.vulnerable;
    case 'sentiment': return a.sentiment.label;
  }
}

const asLabels = <T extends string>(v: CorrectionValue): T[] => (Array.isArray(v) ? (v as T[]) : []);
const findings = <T extends string>(labels: T[]) => labels.map((label) => ({ label, score: 1, evidence: null }));

function applyOne(a: Analysis, c: Correction): Analysis {
  const v = c.value;
  switch (c.field) {
    case 'emotions': return { ...a, emotions: findings(asLabels<Emotion>(v)) };
    case 'needs': return { ...a, needs: findings(asLabels<Need>(v)) };
    case 'themes': return { ...a, themes: findings(asLabels<string>(v)) };
    case 'stage': return { ...a, stage: typeof v === 'string' ? { label: v as Stage, score: 1, evidence: null } : null };
    case 'churn': return { ...a, signals: { ...a.signals, churnIntent: v === true } };
    case 'urgency': return { ...a, signals: { ...a.signals, urgency: v as Urgency } };
    case 'vulnerable': return { ...a, signals: { ...a.signals, vulnerable: v === true } };
    case 'sentiment': return { ...a, sentiment: { label: v as SentimentLabel, score: scoreOnLabelSide(v as SentimentLabel, a.sentiment.score) } };
  }
}

/**
 * The analysis with the latest correction of each field applied, and what was applied (with the model's
 * value each one replaced). `corrections` may hold several per field, in any order.
 */
export function applyCorrections(analysis: Analysis, corrections: readonly Correction[]): { analysis: Analysis; applied: AppliedCorrection[] } {
  let out = analysis;
  const applied: AppliedCorrection[] = [];
  for (const c of latestCorrections(corrections)) {
    applied.push({ field: c.field, value: c.value, modelValue: modelValueOf(analysis, c.field), actor: c.actor, at: c.at });
    out = applyOne(out, c);
  }
  return { analysis: out, applied };
}
