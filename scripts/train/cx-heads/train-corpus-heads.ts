/**
 * The learned heads as `npm run train` builds them: every labelled message in
 * `ecoute-corpus/messages.jsonl` (whatever it holds as it grows) and the project's own written
 * messages (`data/written-messages`, see written-messages.ts), and for the emotion, sentiment and
 * `customer` heads the general-domain lines of general-examples.ts, read through `model`'s core and CX rules, then
 * fit-heads.ts. The visible gold third is never read here, nor any evaluation split.
 */
import type { CxHeadsData } from '../../../src/analyze/heads/head-model.ts';
import type { AnalyzerModel } from '../../../src/analyze/model.ts';
import { extraLabelledDirs, readExtraLabelled } from '../../data/extra-labelled.ts';
import { readLabelledMessages, type LabelledMessage } from '../../data/labelled-messages.ts';
import { readWrittenMessages } from '../../data/written-messages.ts';
import { dataPath } from '../../data/paths.ts';
import { fitHeads, FIT_DEFAULTS } from './fit-heads.ts';
import { generalExamples, generalLines, type GeneralLine } from './general-examples.ts';
import { headExamples } from './head-examples.ts';

/**
 * Trains the heads for `model` (its core and rules produce their features) on the Écoute corpus and
 * the written messages, plus `extra` labelled messages (a workspace's exported corrections: --extra
 * DIR, see extra-labelled.ts), read in that order. Without extra messages the heads are exactly
 * those of the committed data.
 */
export function trainCorpusHeads(
  model: AnalyzerModel,
  extra: readonly LabelledMessage[] = readExtraLabelled(extraLabelledDirs()),
  written: readonly LabelledMessage[] = readWrittenMessages(),
  general: readonly GeneralLine[] = generalLines(),
): CxHeadsData {
  const base: AnalyzerModel = { ...model };
  delete base.cxHeads;
  const corpus = [FIT_DEFAULTS.corpus, written.length ? `${written.length} written` : '', extra.length ? `${extra.length} extra` : '', general.length ? `${general.length} general` : '']
    .filter(Boolean).join('+');
  const examples = [
    ...headExamples(base, readLabelledMessages(dataPath('ecoute-corpus'))).examples,
    ...headExamples(base, written).examples.map((e) => ({ ...e, written: true })),
    ...headExamples(base, extra).examples,
    ...generalExamples(base, general),
  ];
  return fitHeads(examples, { ...FIT_DEFAULTS, corpus });
}
