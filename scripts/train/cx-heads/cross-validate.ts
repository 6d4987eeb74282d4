/**
 * k-fold cross-validation of the learned heads on the corpus: folds by message, stratified by
 * language, fixed seed (folds.ts). Each fold's heads are trained, thresholds included, on the other
 * folds only (fit-heads.ts), so every prediction is of a message its heads never saw.
 */
import { assignFolds } from './folds.ts';
import { decideAll, fitHeads, FIT_DEFAULTS, type FitOptions, type HeadExample } from './fit-heads.ts';
import { fromDecision, type Prediction } from './head-metrics.ts';

/**
 * Out-of-fold predictions, in input order. `alwaysTrain` (the written messages) joins every fold's
 * training set and is never predicted: it can only help through what it teaches.
 */
export function crossValidateHeads(
  examples: readonly HeadExample[], rules: readonly Prediction[], k = 5, seed = 2026, o: FitOptions = FIT_DEFAULTS,
  alwaysTrain: readonly HeadExample[] = [],
): Prediction[] {
  const folds = assignFolds(examples.map((e) => e.msg), k, seed);
  const written = alwaysTrain.map((e) => ({ ...e, written: true }));
  const out = new Array<Prediction>(examples.length);
  for (let f = 0; f < k; f++) {
    const train = [...examples.filter((_, i) => folds[i] !== f), ...written];
    const testIx = examples.flatMap((_, i) => (folds[i] === f ? [i] : []));
    const data = fitHeads(train, o);
    // Corpus messages are customers' messages, read as the product reads the ones it stores.
    const d = decideAll(data, testIx.map((i) => examples[i]), true);
    const ruleJoin = data.heads.find((h) => h.name === 'themes')?.ruleJoin;
    testIx.forEach((i, q) => { out[i] = fromDecision(d[q], rules[i], ruleJoin, examples[i].msg.text.length); });
  }
  return out;
}
