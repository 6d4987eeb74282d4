import { parseDuration } from '../../core/duration.ts';
import { UsageError } from '../../core/errors.ts';
import { loadModel } from '../../runtime/analysis/load-model.ts';
import { JOB_SCHEMA, JobQueue, requirePostgres } from '../../runtime/jobs/job-queue.ts';
import { startWorker } from '../../runtime/jobs/run-worker.ts';
import type { Command } from '../command.ts';
import { parseFlags } from '../parse-flags.ts';
import { untilSignal } from '../until-signal.ts';

const USAGE = `Usage: ecoute worker [--concurrency N] [--model DIR]

Takes jobs from the queue that every worker shares through PostgreSQL (DATABASE_URL=postgres://…,
tables in the schema ${JOB_SCHEMA}): analysis batches enqueued by \`ecoute ingest\` when ECOUTE_QUEUE=1,
background re-analysis when the model changes, and alert deliveries (a pass each minute). Run one or more
per machine, on as many machines as you like. A job whose worker dies is taken over after
ECOUTE_JOB_TIMEOUT (default 5m). SIGTERM or Ctrl-C: finish the jobs in hand, then stop.
  --concurrency N   analysis jobs this process runs at once (default 1; analysis is CPU-bound: run one
                    process per core rather than a large N)
  --model DIR       folder holding analyzer.json (default: the package's models/); a new model version
                    re-analyses every message in the background, readers keep the old analysis meanwhile`;

function parseConcurrency(value: string | undefined): number {
  if (value === undefined) return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--concurrency must be a whole number from 1 to 64, not "${value}".\n${USAGE}`);
  return n;
}

/** `ecoute worker`: a queue worker for PostgreSQL deployments; runs until SIGTERM/SIGINT. */
export const workerCommand: Command = {
  name: 'worker',
  summary: 'Run a queue worker (PostgreSQL): analysis batches, background re-analysis, alert deliveries',
  usage: USAGE,
  async run(args, ctx) {
    const { values, positionals } = parseFlags(args, {
      options: { concurrency: { type: 'string' }, model: { type: 'string' } },
      allowPositionals: true,
    }, USAGE);
    if (positionals.length > 0) throw new UsageError(`ecoute worker takes no argument, not "${positionals[0]}".\n${USAGE}`);
    const concurrency = parseConcurrency(values.concurrency);
    requirePostgres(ctx.config.databaseUrl, 'ecoute worker');
    const model = values.model === undefined ? await ctx.loadModel() : await loadModel(values.model);
    const jobTimeoutMs = parseDuration(ctx.config.jobTimeout) ?? 300_000;
    // Listening before anything starts: a signal during start-up still stops the worker cleanly.
    const signalled = untilSignal();
    const store = await ctx.openStore();
    let queue: JobQueue | null = null;
    try {
      queue = await JobQueue.open(
        { databaseUrl: ctx.config.databaseUrl, jobTimeoutMs, supervise: true },
        (err) => ctx.stderr.write(`worker: queue error: ${err.message}\n`),
      );
      const stop = await startWorker({ store, queue, model, config: ctx.config, clock: ctx.clock, log: ctx.stdout, concurrency });
      ctx.stdout.write(`worker ${process.pid} ready: model ${model.version}, concurrency ${concurrency}, job timeout ${ctx.config.jobTimeout}. Ctrl-C or SIGTERM to stop.\n`);
      const signal = await signalled;
      ctx.stdout.write(`worker ${process.pid}: ${signal}: finishing the jobs in hand\n`);
      queue = null;
      await stop(jobTimeoutMs);
      ctx.stdout.write(`worker ${process.pid} stopped\n`);
      return 0;
    } finally {
      await queue?.stop({ graceful: false }).catch(() => undefined);
      await store.close();
    }
  },
};
