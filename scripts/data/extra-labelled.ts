/**
 * Extra labelled messages for training: the corrections a workspace exported with
 * `ecoute export --labelled --out DIR/corrections.jsonl`, passed as `npm run train -- --extra DIR`
 * (or `npm run train:heads -- --extra DIR`; several --extra, or ECOUTE_TRAIN_EXTRA=DIR[,DIR…]).
 * Every *.jsonl file of each folder is read, in name order; a message id seen again replaces the
 * earlier line (a newer export of the same corrections). Without any, training reads nothing here,
 * so the default model stays byte-identical. Scripts only.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EMOTIONS, NEEDS, SENTIMENTS, STAGES, THEMES, URGENCIES } from '../../src/core/labels.ts';
import { readLabelledFile, type LabelledMessage } from './labelled-messages.ts';

/** The folders named by `--extra DIR` / `--extra=DIR` arguments and ECOUTE_TRAIN_EXTRA (comma-separated). */
export function extraLabelledDirs(argv: readonly string[] = process.argv.slice(2), env: string | undefined = process.env.ECOUTE_TRAIN_EXTRA): string[] {
  const dirs = (env ?? '').split(',').map((d) => d.trim()).filter(Boolean);
  argv.forEach((a, i) => {
    if (a === '--extra') {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new Error('--extra needs a folder: npm run train -- --extra DIR (the folder of an `ecoute export --labelled` file)');
      dirs.push(next);
    } else if (a.startsWith('--extra=')) dirs.push(a.slice('--extra='.length));
  });
  return dirs.map((d) => resolve(d));
}

const oneOf = (labels: readonly string[], v: unknown): boolean => typeof v === 'string' && labels.includes(v);
const allOf = (labels: readonly string[], v: unknown): boolean => Array.isArray(v) && v.every((x) => oneOf(labels, x));

/** Why a line cannot be trained on (a label outside the contract's sets), or null. */
function problem(m: LabelledMessage): string | null {
  if (!oneOf(SENTIMENTS, m.sentiment)) return `"sentiment" must be one of ${SENTIMENTS.join(', ')}`;
  if (!allOf([...EMOTIONS, 'neutral'], m.emotions)) return `"emotions" must be labels from ${EMOTIONS.join(', ')} (or ["neutral"])`;
  if (!allOf(NEEDS, m.needs)) return `"needs" must be labels from ${NEEDS.join(', ')}`;
  if (!allOf(THEMES, m.themes)) return `"themes" must be labels from ${THEMES.join(', ')}`;
  if (m.stage !== null && !oneOf(STAGES, m.stage)) return `"stage" must be null or one of ${STAGES.join(', ')}`;
  if (!oneOf(URGENCIES, m.urgency)) return `"urgency" must be one of ${URGENCIES.join(', ')}`;
  if (typeof m.churn_intent !== 'boolean' || typeof m.vulnerable !== 'boolean') return '"churn_intent" and "vulnerable" must be true or false';
  return null;
}

/** Every labelled message of the *.jsonl files of `dirs`, checked against the label sets. */
export function readExtraLabelled(dirs: readonly string[]): LabelledMessage[] {
  const byId = new Map<string, LabelledMessage>();
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`--extra ${dir}: not a folder. Pass the folder holding the files of \`ecoute export --labelled\`.`);
    const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
    if (files.length === 0) throw new Error(`--extra ${dir}: no .jsonl file in it. Write one with \`ecoute export --labelled --out ${join(dir, 'corrections.jsonl')}\`.`);
    for (const f of files) {
      for (const m of readLabelledFile(join(dir, f))) {
        const why = problem(m);
        if (why) throw new Error(`${join(dir, f)}: message "${m.id}": ${why}; fix or remove the line`);
        byId.delete(m.id);
        byId.set(m.id, m);
      }
    }
  }
  return [...byId.values()];
}
