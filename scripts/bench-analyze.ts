/**
 * Analysis throughput benchmark: the whole pipeline (language, sentiment, emotions, CX layer) on the
 * customer tweets of twcs-sample (replicated to BENCH_N, default 20,000), one core and all cores,
 * each in a fresh process so start-up and model load are included, beside VADER and AFINN on the
 * same input. Prints a Markdown table with messages/second, peak RSS and ratios.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRecords } from './data/csv.ts';
import { dataPath, REPO_ROOT } from './data/paths.ts';

const N = Number(process.env.BENCH_N ?? 20_000);
const tweets = parseRecords(readFileSync(dataPath('twcs-sample', 'twcs.csv'), 'utf8')).filter((r) => r.inbound === 'True').map((r) => r.text);
const texts = Array.from({ length: N }, (_, i) => tweets[i % tweets.length]);
const dir = mkdtempSync(join(tmpdir(), 'ecoute-bench-'));
const input = join(dir, 'input.json');
writeFileSync(input, JSON.stringify(texts));
const cores = availableParallelism();

interface Row { name: string; n: number; ms: number; rss: number }
function run(name: string, mode: string, workers: number): Row {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts', 'bench', 'analyze-child.ts'), mode, String(workers), input], { encoding: 'utf8', cwd: REPO_ROOT, maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
  const line = r.stdout.trim().split('\n').pop() ?? '{}';
  return { name, ...(JSON.parse(line) as { n: number; ms: number; rss: number }) };
}

try {
  const rows = [
    run('Écoute, 1 core (full pipeline)', 'ecoute', 1),
    run(`Écoute, ${cores} cores (worker pool)`, 'ecoute', cores),
    run('vader-sentiment (sentiment only)', 'vader', 1),
    run('sentiment / AFINN (sentiment only)', 'afinn', 1),
  ];
  const base = rows[0].n / (rows[0].ms / 1000);
  console.log(`# Analysis benchmark: ${N} customer tweets (${tweets.length} distinct from twcs-sample), start-up included, ${cores} cores`);
  console.log();
  console.log('| run | messages | seconds | messages/s | peak RSS (MB) | speed vs Écoute 1 core |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) {
    const rate = r.n / (r.ms / 1000);
    console.log(`| ${r.name} | ${r.n} | ${(r.ms / 1000).toFixed(2)} | ${Math.round(rate)} | ${Math.round(r.rss)} | ${(rate / base).toFixed(2)}× |`);
  }
  console.log();
  console.log(`Floor: ≥ 2,000 messages/s per process including start-up (Écoute 1 core: ${Math.round(base)}).`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
