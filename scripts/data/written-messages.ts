/**
 * The labelled messages the project wrote itself (`data/written-messages/*.jsonl`, committed): original
 * customer messages written and labelled under the gold guidelines, independently of the corpus and
 * gold texts (see that folder's README.md). Training reads them beside the corpus; cross-validation
 * adds them to every training fold and never tests on them, so the corpus figures stay honest.
 * Scripts only.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readExtraLabelled } from './extra-labelled.ts';
import type { LabelledMessage } from './labelled-messages.ts';
import { REPO_ROOT } from './paths.ts';

/** The committed folder of written messages. */
export const WRITTEN_DIR = join(REPO_ROOT, 'data', 'written-messages');

/** Every written message (files in name order, labels checked against the contract); [] without the folder. */
export function readWrittenMessages(dir: string = WRITTEN_DIR): LabelledMessage[] {
  if (!existsSync(dir) || !readdirSync(dir).some((f) => f.endsWith('.jsonl'))) return [];
  return readExtraLabelled([dir]);
}
