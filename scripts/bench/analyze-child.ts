/**
 * One benchmark run in a fresh process (so start-up and model load are counted):
 * `tsx scripts/bench/analyze-child.ts <mode> <workers> <input.json>` prints a JSON line
 * {n, ms (since process start), rss (peak MB)}. Modes: ecoute, vader, afinn.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [mode, workersArg, inputPath] = process.argv.slice(2);
const texts = JSON.parse(readFileSync(inputPath, 'utf8')) as string[];
const workers = Number(workersArg);
const require = createRequire(import.meta.url);
let n = 0;
if (mode === 'ecoute') {
  const { loadModel } = await import('../../src/runtime/analysis/load-model.ts');
  const { analyzeMany } = await import('../../src/runtime/analysis/analyze-pool.ts');
  const model = await loadModel();
  n = (await analyzeMany(texts, model, { workers, chunkSize: 500 })).length;
} else if (mode === 'vader') {
  const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(t: string): { compound: number } } };
  for (const t of texts) { vader.SentimentIntensityAnalyzer.polarity_scores(t); n++; }
} else if (mode === 'afinn') {
  const Afinn = require('sentiment') as new () => { analyze(t: string): unknown };
  const a = new Afinn();
  for (const t of texts) { a.analyze(t); n++; }
}
const ms = performance.now(); // milliseconds since this process started
process.stdout.write(JSON.stringify({ n, ms, rss: process.resourceUsage().maxRSS / 1024 }) + '\n');
