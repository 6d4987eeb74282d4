/**
 * Loads the committed analysis model (models/analyzer.json next to the package root, resolved from
 * this file's URL) and checks its shape, so a missing or corrupt file fails with a clear ModelError.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AnalyzerModel } from '../../analyze/model.ts';
import { ModelError } from '../../core/errors.ts';

/** Default models folder: <package root>/models. */
export const DEFAULT_MODEL_DIR = fileURLToPath(new URL('../../../models/', import.meta.url));
const FILE = 'analyzer.json';

/** True when `x` is PackedRows of `rows × cols` whose base64 strings have the matching lengths. */
function isPacked(x: unknown, rows: number, cols: number): boolean {
  const p = x as Record<string, unknown> | null;
  const b64 = (n: number) => Math.ceil(n / 3) * 4;
  return !!p && p.encoding === 'int8-rows' && p.rows === rows && p.cols === cols
    && typeof p.values === 'string' && p.values.length === b64(rows * cols)
    && typeof p.scales === 'string' && p.scales.length === b64(rows);
}

function isLinear(x: unknown, withThresholds = false): boolean {
  const o = x as Record<string, unknown> | null;
  if (!o || !Array.isArray(o.labels) || !Array.isArray(o.features) || !Array.isArray(o.bias) || typeof o.scale !== 'number') return false;
  const rows = o.features.length;
  const cols = o.labels.length;
  const weightsOk = Array.isArray(o.weights) ? o.weights.length === rows * cols : isPacked(o.weights, rows, cols);
  return weightsOk && (!withThresholds || (Array.isArray(o.thresholds) && o.thresholds.length === cols));
}

/** An absent hidden layer is fine; a present one must fit the emotion labels. */
function hiddenOk(emotions: unknown): boolean {
  const e = emotions as Record<string, unknown>;
  const h = e.hidden as Record<string, unknown> | undefined;
  if (h === undefined) return true;
  const size = h.size;
  return typeof size === 'number' && Array.isArray(h.features) && isPacked(h.w1, h.features.length, size)
    && Array.isArray(h.b1) && h.b1.length === size && Array.isArray(h.w2) && h.w2.length === size * (e.labels as unknown[]).length
    && Array.isArray(h.skipLanguages);
}

/** Absent heads are fine (the rules decide); present ones must fit their shared matrix. */
function headsOk(x: unknown): boolean {
  if (x === undefined) return true;
  const h = x as Record<string, unknown> | null;
  if (!h || !Array.isArray(h.features) || typeof h.columns !== 'number' || !Array.isArray(h.bias) || !Array.isArray(h.heads)) return false;
  const cols = h.columns;
  return h.bias.length === cols && isPacked(h.weights, h.features.length, cols)
    && (h.heads as Record<string, unknown>[]).every((d) => typeof d.name === 'string' && Array.isArray(d.labels) && typeof d.offset === 'number'
      && d.offset + (d.labels as unknown[]).length <= cols && (d.mode === 'softmax' || d.mode === 'ovr')
      && (d.thresholdByLang === undefined || (typeof d.thresholdByLang === 'object' && d.thresholdByLang !== null
        && Object.values(d.thresholdByLang).every((t) => typeof t === 'number' && t >= 0 && t <= 1)))
      && (d.thresholdByLabel === undefined || (Array.isArray(d.thresholdByLabel) && d.thresholdByLabel.length === (d.labels as unknown[]).length
        && d.thresholdByLabel.every((t) => typeof t === 'number' && t >= 0 && t <= 1)))
      && (d.ruleJoin === undefined || (Array.isArray(d.ruleJoin) && d.ruleJoin.every((l) => (d.labels as unknown[]).includes(l))))
      && (d.freeAbove === undefined || (typeof d.freeAbove === 'number' && d.freeAbove >= 0 && d.freeAbove <= 1))
      && (d.freeOnCustomer === undefined || typeof d.freeOnCustomer === 'boolean')
      && (d.prior === undefined || (Array.isArray(d.prior) && d.prior.length === (d.labels as unknown[]).length
        && d.prior.every((x) => typeof x === 'number' && x > 0 && x <= 1))));
}

/** Validates a parsed model object; throws ModelError naming what is wrong. */
export function checkModel(x: unknown, where = FILE): AnalyzerModel {
  const o = x as Record<string, unknown> | null;
  const problem = !o || typeof o !== 'object' ? 'not an object'
    : typeof o.version !== 'string' ? 'no version'
    : !isLinear(o.sentiment) ? 'sentiment weights malformed'
    : !isLinear(o.emotions, true) ? 'emotion weights malformed'
    : !hiddenOk(o.emotions) ? 'emotion hidden layer malformed'
    : !o.language || !Array.isArray((o.language as Record<string, unknown>).ngrams) ? 'language model malformed'
    : !o.lexicon || typeof (o.lexicon as Record<string, unknown>).fr !== 'object' ? 'lexicon malformed'
    : typeof o.emotionCues !== 'object' ? 'emotion cues malformed'
    : !headsOk(o.cxHeads) ? 'customer-message heads malformed'
    : null;
  if (problem) throw new ModelError(`The analysis model ${where} is corrupt (${problem}). Rebuild it with \`npm run train\`.`);
  return x as AnalyzerModel;
}

/** Reads and validates models/analyzer.json from `dir` (default: the package's models/ folder). */
export async function loadModel(dir: string = DEFAULT_MODEL_DIR): Promise<AnalyzerModel> {
  const path = join(dir, FILE);
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    throw new ModelError(`The analysis model ${path} is missing. Build it with \`npm run train\` (needs the public data in ../shared/data or ECOUTE_DATA_DIR).`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ModelError(`The analysis model ${path} is not valid JSON. Rebuild it with \`npm run train\`.`);
  }
  return checkModel(parsed, path);
}
