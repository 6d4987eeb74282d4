/**
 * The learned heads as `npm run train` builds them: every labelled message in
 * `ecoute-corpus/messages.jsonl` (whatever it holds as it grows), read through `model`'s core and
 * CX rules, then fit-heads.ts. The visible gold third is never read here.
 */
import type { CxHeadsData } from '../../../src/analyze/heads/head-model.ts';
import type { AnalyzerModel } from '../../../src/analyze/model.ts';
import { readLabelledMessages } from '../../data/labelled-messages.ts';
import { dataPath } from '../../data/paths.ts';
import { fitHeads, FIT_DEFAULTS } from './fit-heads.ts';
import { headExamples } from './head-examples.ts';

/** Trains the heads for `model` (its core and rules produce their features) on the Écoute corpus. */
export function trainCorpusHeads(model: AnalyzerModel): CxHeadsData {
  const base: AnalyzerModel = { ...model };
  delete base.cxHeads;
  const msgs = readLabelledMessages(dataPath('ecoute-corpus'));
  return fitHeads(headExamples(base, msgs).examples, FIT_DEFAULTS);
}
