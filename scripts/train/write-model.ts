/**
 * Writes a trained model: its version is the semantic part plus a hash of its content (so every
 * retrain that changes a weight re-analyses), and its attribution beside it. TRAIN_OUT=dir writes
 * both there instead of models/, to compare a change before replacing the committed model.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CoachModel } from '../../src/act/coach/coach-model.ts';
import type { AnalyzerModel } from '../../src/analyze/model.ts';
import { REPO_ROOT } from '../data/paths.ts';

/**
 * Semantic part of the model version (1.1: learned customer-message heads; 1.2: the rules' themes
 * join the heads' on terse messages only, so analyses stored by 1.1 are redone; 1.3: the emotion
 * head, trained beside general-domain lines, decides alone where sure; 1.4: a sentiment head decides on
 * customers' messages where sure, with the 500 written reviews; 1.5: the emotion head decides alone on
 * customers' messages; 1.6: the same weights, and the messages the store analyses, all customers', are
 * read as such rather than through the `customer` head's guess, so analyses stored by 1.5 are redone;
 * 1.7: the written messages' needs relabelled; 1.8: the churn and stage heads' own L2, and a known
 * customer's sentiment held to its main emotion, its second emotion the emotion head's runner-up;
 * 1.9: the same weights, and where a known customer's sentiment and main emotion break the checked
 * rule the less sure of the two heads yields, so analyses stored by 1.8 are redone).
 */
export const MODEL_VERSION = 'ecoute-analyzer-1.9';

/** Stamps `model.version` from its content and writes it; returns a line for the training log. */
export function writeModel(model: AnalyzerModel, attribution: string): string {
  const dir = process.env.TRAIN_OUT ?? join(REPO_ROOT, 'models');
  mkdirSync(dir, { recursive: true });
  model.version = '';
  model.version = `${MODEL_VERSION}+${createHash('sha256').update(JSON.stringify(model)).digest('hex').slice(0, 8)}`;
  const json = JSON.stringify(model);
  writeFileSync(join(dir, 'analyzer.json'), json);
  writeFileSync(join(dir, 'ATTRIBUTION.md'), attribution);
  return `wrote ${join(dir, 'analyzer.json')} ${model.version} (${(json.length / 1e6).toFixed(2)} MB; sentiment ${model.sentiment.features.length} features, emotions ${model.emotions.features.length}, hidden rows ${model.emotions.hidden?.features.length}, heads ${model.cxHeads?.features.length ?? 0})`;
}

/** Writes the reply coach's model (models/coach.json, or TRAIN_OUT); returns a line for the training log. */
export function writeCoachModel(model: CoachModel): string {
  const dir = process.env.TRAIN_OUT ?? join(REPO_ROOT, 'models');
  mkdirSync(dir, { recursive: true });
  const json = JSON.stringify(model);
  writeFileSync(join(dir, 'coach.json'), json);
  return `wrote ${join(dir, 'coach.json')} ${model.version} (${(json.length / 1e3).toFixed(0)} KB, ${model.features.length} features, ${model.canned.templates.length} templates)`;
}
