/**
 * Analyses every customer message of a workspace that has no analysis for the model's version
 * (new messages, or all of them after a model upgrade), batch by batch, stores the results and runs
 * the workspace's alert rules on them. Each analysis is stored marked rules-pending and the mark is
 * cleared once its alerts are written, so a run killed in between (kill -9, OOM) loses no alert: the next
 * run first raises the alerts of what a killed run left pending (never twice: one alert per rule and message).
 * The workspace's language is the prior of language detection: a short message that French and
 * English could both have written ("Facture incorrecte") is read in the team's language.
 */
import type { AnalyzerModel } from '../../analyze/model.ts';
import type { Store } from '../../store/store.ts';
import { evaluateRulesOnMessages, type RuleEvaluation } from '../act/evaluate-rules.ts';
import type { RuleRunOptions } from '../act/rule-context.ts';
import { analyzeItems, AnalyzePool, defaultWorkers, storedMessageItem } from './analyze-pool.ts';

/** Tuning and progress reporting for analyzePending(). */
export interface AnalyzePendingOptions {
  /** Worker threads (default: available cores; 1 = in-process). */
  workers?: number;
  /** Messages fetched per round trip. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * Alert rules are evaluated on each analysed batch (time, dashboard link). false: the analyses are
   * stored NOT rules-pending (a re-analysis or history load that must page no one), so no later run
   * raises alerts for them either; messages a killed run left pending are left for a run with rules.
   */
  rules?: RuleRunOptions | false;
  /** What the rules did on each batch (alerts written, held back by their window). */
  onAlerts?: (evaluation: RuleEvaluation) => void;
}

/** Below this many messages a batch is analysed in-process: starting workers costs about a second. */
const POOL_MIN = 5000;

/**
 * Runs the rules on these analysed messages, then clears their rules-pending mark (in that order: a
 * crash between the two only makes the next run evaluate them again, which writes nothing twice).
 */
async function runRules(
  store: Store, workspaceId: string, messageIds: string[], rules: RuleRunOptions, onAlerts: AnalyzePendingOptions['onAlerts'],
): Promise<void> {
  const evaluation = await evaluateRulesOnMessages(store, workspaceId, messageIds, rules);
  if (evaluation.rules > 0) onAlerts?.(evaluation);
  await store.markRulesChecked(workspaceId, messageIds);
}

/** Raises the alerts a killed run left pending (analyses stored, rules not run), batch by batch. */
async function drainRulesPending(
  store: Store, workspaceId: string, batchSize: number, rules: RuleRunOptions, onAlerts: AnalyzePendingOptions['onAlerts'],
): Promise<void> {
  for (;;) {
    const ids = await store.rulesPendingMessages(workspaceId, batchSize);
    if (ids.length > 0) await runRules(store, workspaceId, ids, rules, onAlerts);
    // A short batch was the last: stop there rather than chase what a concurrent run keeps adding.
    if (ids.length < batchSize) return;
  }
}

/** Returns the number of messages analysed (not counting those whose pending rules it ran). */
export async function analyzePending(
  store: Store, workspaceId: string, model: AnalyzerModel, opts: AnalyzePendingOptions = {},
): Promise<number> {
  const batchSize = opts.batchSize ?? 10_000;
  const workers = opts.workers ?? defaultWorkers();
  let pool: AnalyzePool | null = null;
  let done = 0;
  const langPrior = (await store.ensureWorkspace(workspaceId)).settings.language;
  try {
    if (opts.rules !== false) await drainRulesPending(store, workspaceId, batchSize, opts.rules ?? {}, opts.onAlerts);
    for (;;) {
      const pending = await store.pendingAnalysis(workspaceId, model.version, batchSize);
      if (pending.length === 0) break;
      const items = pending.map((p) => storedMessageItem(p, langPrior));
      let results;
      if (workers > 1 && items.length >= POOL_MIN) {
        pool ??= new AnalyzePool(model, workers);
        results = await pool.run(items);
      } else {
        results = analyzeItems(items, model);
      }
      const rows = pending.map((p, i) => ({ messageId: p.messageId, analysis: results[i] }));
      await store.saveAnalyses(workspaceId, model.version, rows, { rulesPending: opts.rules !== false });
      // Every analysed message meets the workspace's alert rules once its analysis is stored.
      if (opts.rules !== false) await runRules(store, workspaceId, pending.map((p) => p.messageId), opts.rules ?? {}, opts.onAlerts);
      done += pending.length;
      // The total grows as we go: what is done plus what the last fetch suggests is left.
      opts.onProgress?.(done, done + (pending.length === batchSize ? batchSize : 0));
      if (pending.length < batchSize) break;
    }
  } finally {
    await pool?.close();
  }
  return done;
}
