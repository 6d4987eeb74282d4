/**
 * Where the public data lives: `../shared/data` from the repository root, or ECOUTE_DATA_DIR.
 * Scripts only (training, evaluation, benchmarks); the product never reads this folder.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Absolute path of the data folder; throws a clear message when it is missing. */
export function dataDir(): string {
  const dir = process.env.ECOUTE_DATA_DIR ? resolve(process.env.ECOUTE_DATA_DIR) : resolve(REPO_ROOT, '..', 'shared', 'data');
  if (!existsSync(dir)) {
    throw new Error(`Data folder ${dir} not found. Set ECOUTE_DATA_DIR to the folder holding goemotions/, xed/, lexicons/ ...`);
  }
  return dir;
}

export function dataPath(...parts: string[]): string {
  return join(dataDir(), ...parts);
}
