/**
 * The `analyze` job: analyses the listed messages of one workspace that are not yet analysed by this
 * worker's model version, stores the results in one transaction, then (for freshly imported messages)
 * runs the alert rules. Idempotent: a job run twice (its first worker died after writing) skips what is
 * done, and the rules write nothing twice; so at-least-once delivery yields exactly one analysis each.
 * Analyses of a job with rules are stored rules-pending and the mark is cleared once the alerts are
 * written, so a worker killed in between leaves them for the retried job or the next `ecoute analyze`.
 */
import type { AnalyzerModel } from '../../analyze/model.ts';
import { ModelError } from '../../core/errors.ts';
import type { Clock } from '../../core/ports.ts';
import type { Store } from '../../store/store.ts';
import { evaluateRulesOnMessages } from '../act/evaluate-rules.ts';
import { analyzeItems, storedMessageItem } from '../analysis/analyze-pool.ts';
import type { AnalyzeJobData } from './job-queue.ts';

/** What one `analyze` job did. */
export interface AnalyzeJobOutcome {
  /** Messages analysed and stored by this run. */
  analysed: number;
  /** Messages already analysed by this model version (a retried or repeated job). */
  skipped: number;
  /** Ids that are no customer message of the workspace (removed since, e.g. by `import undo`). */
  missing: number;
  alerts: number;
}

/** Where the job runs: the store, the worker's model, and what alert links need. */
export interface AnalyzeJobContext {
  store: Store;
  model: AnalyzerModel;
  clock: Clock;
  publicUrl: string | null;
}

/** Runs one `analyze` job. */
export async function runAnalyzeJob(ctx: AnalyzeJobContext, job: AnalyzeJobData): Promise<AnalyzeJobOutcome> {
  const { store, model } = ctx;
  if (job.modelVersion !== undefined && job.modelVersion !== model.version) {
    // Failing puts the job back with a delay, for a worker of that model (during a rolling upgrade).
    throw new ModelError(`This re-analysis batch is for model ${job.modelVersion} and this worker runs ${model.version}: `
      + 'run every worker on the same model (stop the old ones with SIGTERM once the new ones are up).');
  }
  const messages = await store.messagesForAnalysis(job.workspaceId, job.messageIds);
  const todo = messages.filter((m) => m.analysisVersion !== model.version);
  const outcome: AnalyzeJobOutcome = { analysed: todo.length, skipped: messages.length - todo.length, missing: new Set(job.messageIds).size - messages.length, alerts: 0 };
  if (todo.length > 0) {
    // The workspace's language decides messages French and English could both have written.
    const langPrior = (await store.ensureWorkspace(job.workspaceId)).settings.language;
    const results = analyzeItems(todo.map((m) => storedMessageItem(m, langPrior)), model);
    // A job without rules (re-analysis after a model upgrade) pages no one, now or on a later run.
    await store.saveAnalyses(job.workspaceId, model.version, todo.map((m, i) => ({ messageId: m.messageId, analysis: results[i] })), { rulesPending: job.rules === true });
  }
  if (job.rules && messages.length > 0) {
    // Skipped messages too: their first run may have died between the analysis and the rules; rules
    // never write an alert twice for the same rule and message.
    const evaluation = await evaluateRulesOnMessages(store, job.workspaceId, messages.map((m) => m.messageId), { clock: ctx.clock, publicUrl: ctx.publicUrl });
    outcome.alerts = evaluation.alerts;
    await store.markRulesChecked(job.workspaceId, messages.map((m) => m.messageId));
  }
  return outcome;
}
