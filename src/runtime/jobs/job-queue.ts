/**
 * The job queue shared by every `ecoute worker` process (PostgreSQL only), over pg-boss: its tables live
 * in their own schema (`ecoute_jobs`), created and migrated by pg-boss at start. Four queues:
 * - `analyze`: one batch of message ids of one workspace (idempotent: re-running writes the same analysis);
 * - `deliver`: drain the due outbox entries (the outbox lease keeps two senders apart);
 * - `reanalyse`: after a model change, enqueue `analyze` batches for messages analysed by another version;
 * - `sweep`: raise the alerts of rules-pending marks that jobs given up for good left (sweep-rules-pending.ts),
 *   and enqueue again the messages of `analyze` jobs given up for good (sweep-given-up-analysis.ts).
 *   `stately`: at most one waiting and one running across every worker, so workers never sweep at once.
 * Delivery is at least once: a job whose worker dies is taken over once `jobTimeoutMs` has passed.
 */
import PgBoss from 'pg-boss';
import { ConfigError } from '../../core/errors.ts';
import { parseDatabaseUrl, redact } from '../../store/database-url.ts';

/** The PostgreSQL schema of the queue's tables (apart from Écoute's own). */
export const JOB_SCHEMA = 'ecoute_jobs';

/** The queues, by job kind. */
export const QUEUES = { analyze: 'analyze', deliver: 'deliver', reanalyse: 'reanalyse', sweep: 'sweep' } as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/**
 * An `analyze` job: messages of one workspace; `rules`: run the alert rules on them once analysed;
 * `modelVersion` (re-analyses): only a worker running that model version may take it; `resweeps`: how
 * many times the sweep enqueued these messages again after a job of theirs was given up for good.
 */
export interface AnalyzeJobData { workspaceId: string; messageIds: string[]; rules: boolean; modelVersion?: string; resweeps?: number }

/** An `analyze` job pg-boss gave up for good (retries exhausted): its data and the last error. */
export interface GivenUpAnalysis { id: string; data: AnalyzeJobData; error: string }
/** A `deliver` job: one workspace's outbox, or every workspace's when absent (the minute schedule). */
export interface DeliverJobData { workspaceId?: string }
/** A `reanalyse` job: bring a workspace's analyses to `modelVersion`. */
export interface ReanalyseJobData { workspaceId: string; modelVersion: string }

/** Messages per `analyze` job by default: a few seconds of work, so a dead worker loses little. */
export const DEFAULT_ANALYZE_BATCH = 200;

/** How the queue connects and how long a job may run. */
export interface JobQueueOptions {
  databaseUrl: string;
  /** After this long an active job is presumed abandoned (its worker died) and retried. */
  jobTimeoutMs: number;
  /** Workers: also expire abandoned jobs and run the schedules; an enqueuer (`ecoute ingest`) does neither. */
  supervise?: boolean;
  /** Seconds between two polls of an idle worker (default 1). */
  pollingSeconds?: number;
}

/** Throws ConfigError unless the DATABASE_URL is PostgreSQL: only there can processes share a queue. */
export function requirePostgres(databaseUrl: string, what: string): void {
  if (parseDatabaseUrl(databaseUrl).kind !== 'postgres') {
    throw new ConfigError(
      `${what} needs DATABASE_URL to be PostgreSQL (postgres://user:pass@host:5432/db), not "${redact(databaseUrl)}": `
      + 'workers on several machines share their jobs through it. With SQLite, `ecoute ingest` analyses in-process on every core; no worker is needed.',
    );
  }
}

/** A queue's settings: retries with backoff, and the time after which an active job is presumed abandoned. */
function queueSettings(name: QueueName, timeoutS: number): PgBoss.Queue {
  return {
    name,
    // `short`: at most one waiting job per singleton key, so repeated requests for a delivery pass or a
    // re-analysis of the same workspace and version collapse into one.
    // `stately` (sweep): one waiting and one running at most, whichever worker runs it.
    policy: name === QUEUES.analyze ? 'standard' : name === QUEUES.sweep ? 'stately' : 'short',
    retryLimit: 10,
    retryDelay: 2,
    retryBackoff: true,
    expireInSeconds: timeoutS,
  };
}

/**
 * Creates a queue that another process may be creating at the same moment (two workers starting together
 * on a fresh database): pg-boss's creation can then fail (a duplicate, or PostgreSQL breaking a deadlock
 * between the two), in which case the other's queue is used once it is committed, or creation is tried again.
 */
async function createQueueRacing(boss: PgBoss, name: QueueName, settings: PgBoss.Queue): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(name, settings);
      return;
    } catch (err) {
      if (await boss.getQueue(name)) return;
      if (attempt >= 5) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      if (await boss.getQueue(name)) return;
    }
  }
}

/** A started queue; stop() it when done. */
export class JobQueue {
  private constructor(private readonly boss: PgBoss, private readonly opts: JobQueueOptions) {}

  /** Connects, creates (or migrates) the `ecoute_jobs` schema and the queues. */
  static async open(opts: JobQueueOptions, onError: (err: Error) => void = () => undefined): Promise<JobQueue> {
    requirePostgres(opts.databaseUrl, 'The job queue');
    const timeoutS = Math.max(1, Math.round(opts.jobTimeoutMs / 1000));
    const supervise = opts.supervise ?? false;
    const boss = new PgBoss({
      connectionString: opts.databaseUrl,
      schema: JOB_SCHEMA,
      max: 4,
      application_name: 'ecoute-jobs',
      supervise,
      schedule: supervise,
      // Abandoned jobs are found by this sweep: half the timeout keeps the takeover within 1.5 × timeout.
      maintenanceIntervalSeconds: Math.min(120, Math.max(1, Math.floor(timeoutS / 2))),
      expireInSeconds: timeoutS,
    });
    // pg-boss reports connection trouble as events; an unheard 'error' event would end the process.
    boss.on('error', onError);
    await boss.start();
    const queue = new JobQueue(boss, opts);
    try {
      for (const name of Object.values(QUEUES)) {
        const settings = queueSettings(name, timeoutS);
        // Workers bring the queue's settings to theirs (the last started wins); enqueuers only create it.
        if (await boss.getQueue(name)) {
          if (supervise) await boss.updateQueue(name, settings);
          continue;
        }
        await createQueueRacing(boss, name, settings);
      }
    } catch (err) {
      await boss.stop({ graceful: false }).catch(() => undefined);
      throw err;
    }
    return queue;
  }

  /** Splits `messageIds` into `analyze` jobs of `batchSize`, inserted in one statement per 1,000 jobs. */
  async enqueueAnalysis(
    workspaceId: string, messageIds: readonly string[], opts: { batchSize?: number; rules: boolean; modelVersion?: string; resweeps?: number },
  ): Promise<number> {
    const size = Math.max(1, opts.batchSize ?? DEFAULT_ANALYZE_BATCH);
    const jobs: PgBoss.JobInsert<AnalyzeJobData>[] = [];
    for (let i = 0; i < messageIds.length; i += size) {
      const data: AnalyzeJobData = { workspaceId, messageIds: messageIds.slice(i, i + size), rules: opts.rules };
      if (opts.modelVersion !== undefined) data.modelVersion = opts.modelVersion;
      if (opts.resweeps !== undefined) data.resweeps = opts.resweeps;
      jobs.push({ name: QUEUES.analyze, data });
    }
    for (let i = 0; i < jobs.length; i += 1000) await this.boss.insert(jobs.slice(i, i + 1000));
    return jobs.length;
  }

  /**
   * Up to `limit` `analyze` jobs pg-boss gave up for good, oldest first. Read from pg-boss's own table:
   * its API lists no jobs by state. (Failed jobs move to its archive after 12 hours; the sweep, every five
   * minutes, finds them long before.)
   */
  async givenUpAnalyses(limit: number): Promise<GivenUpAnalysis[]> {
    const { rows } = await this.boss.getDb().executeSql(
      `SELECT id::text AS id, data, coalesce(output->>'message', output::text, '') AS error FROM ${JOB_SCHEMA}.job
       WHERE name = $1 AND state = 'failed' ORDER BY completed_on, id LIMIT $2`,
      [QUEUES.analyze, limit],
    );
    return (rows as { id: string; data: AnalyzeJobData; error: string }[]).map((r) => ({ id: r.id, data: r.data, error: r.error }));
  }

  /** Which of `messageIds` (of `workspaceId`) an `analyze` job still waiting, retrying or running holds. */
  async liveAnalysisIds(workspaceId: string, messageIds: readonly string[]): Promise<Set<string>> {
    if (messageIds.length === 0) return new Set();
    const { rows } = await this.boss.getDb().executeSql(
      `SELECT DISTINCT m.id FROM ${JOB_SCHEMA}.job j, jsonb_array_elements_text(j.data->'messageIds') AS m(id)
       WHERE j.name = $1 AND j.state < 'completed' AND j.data->>'workspaceId' = $2
         AND j.data->'messageIds' ?| $3::text[] AND m.id = ANY($3::text[])`,
      [QUEUES.analyze, workspaceId, [...messageIds]],
    );
    return new Set((rows as { id: string }[]).map((r) => r.id));
  }

  /** Removes given-up `analyze` jobs the sweep has dealt with, so the next sweep does not take them again. */
  async forgetGivenUp(jobIds: readonly string[]): Promise<void> {
    if (jobIds.length > 0) await this.boss.deleteJob(QUEUES.analyze, [...jobIds]);
  }

  /** Asks for a delivery pass of one workspace (or all); a pass already waiting absorbs the request. */
  async requestDelivery(workspaceId?: string): Promise<void> {
    const data: DeliverJobData = workspaceId === undefined ? {} : { workspaceId };
    await this.boss.send(QUEUES.deliver, data, workspaceId === undefined ? {} : { singletonKey: workspaceId });
  }

  /** Asks for a re-analysis of a workspace to `modelVersion`; one already waiting absorbs the request. */
  async requestReanalysis(workspaceId: string, modelVersion: string): Promise<void> {
    const data: ReanalyseJobData = { workspaceId, modelVersion };
    await this.boss.send(QUEUES.reanalyse, data, { singletonKey: `${workspaceId} ${modelVersion}` });
  }

  /** Asks for a sweep of rules-pending marks; one already waiting absorbs the request. */
  async requestSweep(): Promise<void> {
    await this.boss.send(QUEUES.sweep, {});
  }

  /** A sweep of rules-pending marks every five minutes, whichever worker's clock fires first. */
  async scheduleSweeps(): Promise<void> {
    await this.boss.schedule(QUEUES.sweep, '*/5 * * * *', {});
  }

  /** A delivery pass of every workspace each minute, whichever worker's clock fires first. */
  async scheduleDeliveries(): Promise<void> {
    await this.boss.schedule(QUEUES.deliver, '* * * * *', {});
  }

  /**
   * Runs `handler` on jobs of `name`, one at a time on each of `concurrency` polling loops. A handler
   * that throws fails its job, which pg-boss retries with backoff.
   */
  async work<T extends object>(name: QueueName, concurrency: number, handler: (data: T, jobId: string) => Promise<void>): Promise<void> {
    const pollingIntervalSeconds = this.opts.pollingSeconds ?? 1;
    for (let i = 0; i < concurrency; i++) {
      let workerId: string | undefined;
      workerId = await this.boss.work<T>(name, { batchSize: 1, pollingIntervalSeconds }, async (jobs) => {
        try {
          for (const job of jobs) await handler(job.data, job.id);
        } finally {
          // pg-boss waits out the polling interval after every fetch; a loop that found work fetches again at once.
          if (workerId !== undefined) this.boss.notifyWorker(workerId);
        }
      });
    }
  }

  /**
   * Stops polling; `graceful`: waits (up to `timeoutMs`) for the jobs in hand to finish, then closes
   * the connections. A job still running at the deadline is failed, hence retried elsewhere.
   */
  async stop(opts: { graceful?: boolean; timeoutMs?: number } = {}): Promise<void> {
    await this.boss.stop({ graceful: opts.graceful ?? true, timeout: opts.timeoutMs ?? 30_000, wait: true });
  }
}
