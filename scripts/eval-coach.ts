/**
 * `tsx scripts/eval-coach.ts`: prints the reply coach's evaluation (EPITOME beside the paper, the
 * visible gold replies, 5-fold cross-validation on the corpus) as Markdown. EVAL_MODEL_DIR compares a
 * model written by `TRAIN_OUT=dir tsx scripts/train-coach.ts` with the committed one. Trains nothing
 * that is kept: the cross-validation folds are fitted and thrown away.
 */
import { loadCoachModel } from '../src/runtime/analysis/load-coach-model.ts';
import { dataDir } from './data/paths.ts';
import { evalCoach } from './eval/coach.ts';

const model = await loadCoachModel(process.env.EVAL_MODEL_DIR);
process.stdout.write(await evalCoach(model, dataDir()));
