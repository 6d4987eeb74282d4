/**
 * `npm run train:coach`: trains the empathic reply coach on the corpus replies and writes
 * models/coach.json (TRAIN_OUT=dir writes it there instead, to compare before replacing the
 * committed one). Data folder: ../shared/data from the repo root, or ECOUTE_DATA_DIR. Deterministic:
 * the same data gives the same bytes.
 */
import { dataDir } from './data/paths.ts';
import { trainCoach } from './train/coach.ts';
import { writeCoachModel } from './train/write-model.ts';

const t0 = Date.now();
process.stderr.write(`[train-coach ${((Date.now() - t0) / 1000).toFixed(1)}s] ${writeCoachModel(trainCoach(dataDir()))}\n`);
