/**
 * `npm run bench`: the analysis pipeline's throughput and memory beside peer libraries, then ingest of
 * a million messages with its peak memory, the dashboard's API latency on a million messages, queue
 * workers, and the API under load. Each part runs in its own process so peak-memory figures are not
 * mixed. Pass `analyze`, `ingest`, `dashboard`, `workers`, `api` or `incremental` to run one part;
 * other arguments are handed to each part run (`npm run bench -- incremental --batch-days 1`).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const parts = [
  { name: 'analyze', script: 'bench-analyze.ts', title: 'Analysis pipeline: messages/second and peak memory' },
  { name: 'ingest', script: 'bench/ingest-scale.ts', title: 'Ingest at scale: `ecoute ingest` of 100,000 and 1,000,000 messages, time and peak memory' },
  { name: 'dashboard', script: 'bench-dashboard.ts', title: 'Dashboard and API latency on 1,000,000 messages (SQLite)' },
  { name: 'workers', script: 'bench/queue-workers.ts', title: 'Queue workers (PostgreSQL): analysis throughput with 1, 2 and 4 worker processes' },
  { name: 'api', script: 'bench/api-load.ts', title: 'The API under sustained load (autocannon), without and with an import running (SQLite, 100,000 messages)' },
  { name: 'incremental', script: 'bench/incremental-insights.ts', title: 'Insights refreshed after an import batch: full reload against incremental facts (SQLite, 100,000 messages)' },
];
// Part names choose the parts; every other argument (`--messages 100000`, `--batch-days 1`…) goes to each part run.
const names = new Set(parts.map((p) => p.name));
const wanted = process.argv.slice(2).filter((a) => names.has(a));
const options = process.argv.slice(2).filter((a) => !names.has(a));
let failed = 0;
for (const part of parts) {
  if (wanted.length > 0 && !wanted.includes(part.name)) continue;
  process.stdout.write(`\n## ${part.title}\n\n`);
  const script = fileURLToPath(new URL(`./${part.script}`, import.meta.url));
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...options], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed += 1;
    process.stderr.write(`bench: ${part.script} exited with ${r.status}\n`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
