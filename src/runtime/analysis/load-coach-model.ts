/**
 * Loads the committed reply-coach model (models/coach.json next to the package root, resolved from
 * this file's URL) and checks its shape, so a missing or corrupt file fails with a clear ModelError.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIMENSIONS, type CoachModel } from '../../act/coach/coach-model.ts';
import { ModelError } from '../../core/errors.ts';
import { DEFAULT_MODEL_DIR } from './load-model.ts';

const FILE = 'coach.json';

/** True when `x` is a softmax head whose weights fit `rows` features. */
function isHead(x: unknown, rows: number, classes: number): boolean {
  const h = x as Record<string, unknown> | null;
  return !!h && h.classes === classes && Array.isArray(h.bias) && h.bias.length === classes
    && Array.isArray(h.weights) && h.weights.length === rows * classes;
}

/** Validates a parsed coach model; throws ModelError naming what is wrong. */
export function checkCoachModel(x: unknown, where = FILE): CoachModel {
  const o = x as Record<string, unknown> | null;
  const rows = Array.isArray(o?.features) ? o.features.length : -1;
  const heads = (o?.heads ?? null) as Record<string, unknown> | null;
  const canned = (o?.canned ?? null) as Record<string, unknown> | null;
  const shingle = (o?.shingle ?? null) as Record<string, unknown> | null;
  const score = (o?.score ?? null) as Record<string, unknown> | null;
  const problem = !o || typeof o !== 'object' ? 'not an object'
    : typeof o.version !== 'string' ? 'no version'
    : rows < 0 ? 'no feature list'
    : !heads || DIMENSIONS.some((d) => !isHead(heads[d], rows, 3)) ? 'dimension heads malformed'
    : !isHead(heads.canned, rows, 2) ? 'canned head malformed'
    : !canned || typeof canned.threshold !== 'number' || typeof canned.duplicateJaccard !== 'number' || !Array.isArray(canned.templates) ? 'canned settings malformed'
    : !shingle || typeof shingle.size !== 'number' || typeof shingle.hashes !== 'number' || typeof shingle.seed !== 'number' ? 'shingle settings malformed'
    : (canned.templates as unknown[]).some((t) => !Array.isArray(t) || t.length !== shingle.hashes) ? 'template signatures malformed'
    : !score || typeof score.intercept !== 'number' || typeof score.weights !== 'object' ? 'score map malformed'
    : null;
  if (problem) throw new ModelError(`The coach model ${where} is corrupt (${problem}). Rebuild it with \`tsx scripts/train-coach.ts\`.`);
  return x as CoachModel;
}

/** Reads and validates models/coach.json from `dir` (default: the package's models/ folder). */
export async function loadCoachModel(dir: string = DEFAULT_MODEL_DIR): Promise<CoachModel> {
  const path = join(dir, FILE);
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    throw new ModelError(`The coach model ${path} is missing. Build it with \`tsx scripts/train-coach.ts\` (needs the public data in ../shared/data or ECOUTE_DATA_DIR).`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ModelError(`The coach model ${path} is not valid JSON. Rebuild it with \`tsx scripts/train-coach.ts\`.`);
  }
  return checkCoachModel(parsed, path);
}
