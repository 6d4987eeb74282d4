/**
 * `npm run train:heads`: retrains only the learned customer-message heads over the committed
 * core model (models/analyzer.json, or EVAL_MODEL_DIR), in a few seconds instead of a full
 * `npm run train`. Both write the same bytes for the same core and corpus: the heads are trained
 * last in `npm run train`, on the core it just built. TRAIN_OUT=dir writes elsewhere.
 */
import { loadModel } from '../src/runtime/analysis/load-model.ts';
import { ATTRIBUTION } from './train/attribution.ts';
import { trainCorpusHeads } from './train/cx-heads/train-corpus-heads.ts';
import { writeModel } from './train/write-model.ts';

const t0 = Date.now();
const model = await loadModel(process.env.EVAL_MODEL_DIR);
delete model.cxHeads;
model.cxHeads = trainCorpusHeads(model);
process.stderr.write(`[train:heads ${((Date.now() - t0) / 1000).toFixed(1)}s] ${writeModel(model, ATTRIBUTION)}\n`);
