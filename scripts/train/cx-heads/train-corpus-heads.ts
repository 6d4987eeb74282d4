/**
 * The learned heads as `npm run train` builds them: every labelled message in
 * `ecoute-corpus/messages.jsonl` (whatever it holds as it grows), read through `model`'s core and
 * CX rules, then fit-heads.ts. The visible gold third is never read here.
 */
import type { CxHeadsData } from '../../../src/analyze/heads/head-model.ts';
import type { AnalyzerModel } from '../../../src/analyze/model.ts';
import { extraLabelledDirs, readExtraLabelled } from '../../data/extra-labelled.ts';
import { readLabelledMessages, type LabelledMessage } from '../../data/labelled-messages.ts';
import { dataPath } from '../../data/paths.ts';
import { fitHeads, FIT_DEFAULTS } from './fit-heads.ts';
import { headExamples } from './head-examples.ts';

/**
 * Trains the heads for `model` (its core and rules produce their features) on the Écoute corpus, plus
 * `extra` labelled messages (a workspace's exported corrections: --extra DIR, see extra-labelled.ts),
 * read after the corpus. Without extra messages the heads are exactly those of the corpus alone.
 */
export function trainCorpusHeads(model: AnalyzerModel, extra: readonly LabelledMessage[] = readExtraLabelled(extraLabelledDirs())): CxHeadsData {
  const base: AnalyzerModel = { ...model };
  delete base.cxHeads;
  const msgs = [...readLabelledMessages(dataPath('ecoute-corpus')), ...extra];
  const options = extra.length ? { ...FIT_DEFAULTS, corpus: `${FIT_DEFAULTS.corpus}+${extra.length} extra` } : FIT_DEFAULTS;
  return fitHeads(headExamples(base, msgs).examples, options);
}
