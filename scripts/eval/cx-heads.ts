/**
 * The customer-message heads in `npm run eval`: k-fold cross-validation on the Écoute corpus (the
 * heads retrained on each fold's other folds, scripts/train/cx-heads/cross-validate.ts) beside the
 * rules-only engine on the same messages, then the visible gold third as a test set (the shipped
 * model, never trained or tuned on it), per language, with 95 % bootstrap intervals.
 */
import type { AnalyzerModel } from '../../src/analyze/model.ts';
import { readLabelledMessages, type LabelledMessage } from '../data/labelled-messages.ts';
import { readWrittenMessages } from '../data/written-messages.ts';
import { crossValidateHeads } from '../train/cx-heads/cross-validate.ts';
import { decideAll } from '../train/cx-heads/fit-heads.ts';
import { generalExamples, generalLines, type GeneralLine } from '../train/cx-heads/general-examples.ts';
import { headExamples } from '../train/cx-heads/head-examples.ts';
import { FIGURES, figures, fromDecision, type Figure, type Prediction } from '../train/cx-heads/head-metrics.ts';
import { bootstrapInterval } from './metrics.ts';
import { writtenOverlapReport } from './written-overlap.ts';

/** Floors of the issue that introduced the heads (checked on held-out data by others; printed for reference). */
export const HEAD_FLOORS: Partial<Record<Figure, number>> = {
  'sentiment macro-F1': 0.78, 'top emotion': 0.58, 'top need': 0.65, 'themes macro-F1': 0.6, stage: 0.68, 'churn F1': 0.75, urgency: 0.7,
};

const LANGS = ['fr', 'en'] as const;

function withInterval(msgs: readonly LabelledMessage[], pred: readonly Prediction[], ix: readonly number[], f: Figure): string {
  const v = figures(msgs, pred, ix)[f];
  const [lo, hi] = bootstrapInterval(ix.length, (b) => figures(msgs, pred, b.map((q) => ix[q]))[f], 200);
  return `${v.toFixed(3)} (${lo.toFixed(2)}–${hi.toFixed(2)})`;
}

/** One table: a row per figure, rules and heads per language. */
function table(msgs: readonly LabelledMessage[], columns: { name: string; pred: readonly Prediction[] }[]): string[] {
  const byLang = LANGS.map((l) => msgs.flatMap((m, i) => (m.lang === l ? [i] : [])));
  const head = LANGS.flatMap((l, q) => columns.map((c) => `${c.name} ${l} (n=${byLang[q].length})`));
  const lines = [`| figure | ${head.join(' | ')} | floor |`, `|---|${head.map(() => '---').join('|')}|---|`];
  for (const f of FIGURES) {
    const cells = LANGS.flatMap((_, q) => columns.map((c) => withInterval(msgs, c.pred, byLang[q], f)));
    lines.push(`| ${f} | ${cells.join(' | ')} | ${HEAD_FLOORS[f] === undefined ? '—' : `≥ ${HEAD_FLOORS[f]!.toFixed(2)}`} |`);
  }
  return lines;
}

/**
 * Markdown for both tables. `model` is the shipped model; its heads are used for the gold table,
 * while cross-validation retrains heads on the corpus folds with the same code and settings.
 */
export function evalCxHeads(
  model: AnalyzerModel, corpusDir: string, goldDir: string, folds = 5, written: readonly LabelledMessage[] = readWrittenMessages(),
  general: readonly GeneralLine[] = generalLines(),
): string {
  const base: AnalyzerModel = { ...model };
  delete base.cxHeads;
  const corpus = readLabelledMessages(corpusDir);
  const c = headExamples(base, corpus);
  const columns = [{ name: 'rules', pred: c.rules }, { name: 'heads, corpus only', pred: crossValidateHeads(c.examples, c.rules, folds) }];
  if (written.length > 0) {
    // The general-domain lines train the emotion, sentiment and customer heads alone (general-examples.ts), as in `npm run train`.
    const w = [...headExamples(base, written).examples, ...generalExamples(base, general)];
    columns.push({ name: 'heads (shipped recipe)', pred: crossValidateHeads(c.examples, c.rules, folds, undefined, undefined, w) });
  }
  const out = [
    `### ${folds}-fold cross-validation on the Écoute corpus (${corpus.length} messages; folds by message, stratified by language, seed 2026)`,
    '',
    'Rules: the CX rules alone (src/analyze/cx). Heads: the learned heads, trained (thresholds included) on the other folds only. '
      + (written.length > 0 ? `The shipped recipe adds the project's ${written.length} written messages (data/written-messages) and, for the emotion, sentiment and customer heads, ${general.length} general-domain lines (GoEmotions and XED lines the core model never trained on) to every training fold; they are never predicted, so every figure is on corpus messages the heads never saw. ` : '')
      + 'In brackets: 95 % bootstrap interval over the messages.',
    '',
    ...table(corpus, columns),
    '',
  ];
  const gold = readLabelledMessages(goldDir);
  const g = headExamples(base, gold);
  const shipped = model.cxHeads ? decideAll(model.cxHeads, g.examples, true).map((d, i) => fromDecision(d, g.rules[i], model.cxHeads?.heads.find((h) => h.name === 'themes')?.ruleJoin, gold[i].text.length)) : g.rules;
  out.push(
    `### Visible gold third (${gold.length} messages): a test set, never trained or tuned on`,
    '',
    'The CX rules were written while reading these messages (before the heads existed), so the rules column here is fitted; the heads column is the shipped model, trained on the corpus and the written messages only.',
    '',
    ...table(gold, [{ name: 'rules', pred: g.rules }, { name: 'heads', pred: shipped }]),
  );
  const overlap = writtenOverlapReport(written, corpus, gold);
  if (overlap) out.push('', overlap);
  return out.join('\n');
}
