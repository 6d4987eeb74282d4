/**
 * Analyses every customer message of a workspace that has no analysis for the model's version
 * (new messages, or all of them after a model upgrade), batch by batch, stores the results and runs
 * the workspace's alert rules on them.
 * The workspace's language is the prior of language detection: a short message that French and
 * English could both have written ("Facture incorrecte") is read in the team's language.
 */
import type { AnalyzerModel } from '../../analyze/model.ts';
import type { Store } from '../../store/store.ts';
import { evaluateRulesOnMessages, type RuleEvaluation } from '../act/evaluate-rules.ts';
import type { RuleRunOptions } from '../act/rule-context.ts';
import { analyzeItems, AnalyzePool, defaultWorkers } from './analyze-pool.ts';

/** Tuning and progress reporting for analyzePending(). */
export interface AnalyzePendingOptions {
  /** Worker threads (default: available cores; 1 = in-process). */
  workers?: number;
  /** Messages fetched per round trip. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Alert rules are evaluated on each analysed batch (time, dashboard link); false: not here. */
  rules?: RuleRunOptions | false;
  /** What the rules did on each batch (alerts written, held back by their window). */
  onAlerts?: (evaluation: RuleEvaluation) => void;
}

/** Below this many messages a batch is analysed in-process: starting workers costs about a second. */
const POOL_MIN = 5000;

/** Returns the number of messages analysed. */
export async function analyzePending(
  store: Store, workspaceId: string, model: AnalyzerModel, opts: AnalyzePendingOptions = {},
): Promise<number> {
  const batchSize = opts.batchSize ?? 10_000;
  const workers = opts.workers ?? defaultWorkers();
  let pool: AnalyzePool | null = null;
  let done = 0;
  const langPrior = (await store.ensureWorkspace(workspaceId)).settings.language;
  try {
    for (;;) {
      const pending = await store.pendingAnalysis(workspaceId, model.version, batchSize);
      if (pending.length === 0) break;
      const items = pending.map((p) => ({ text: p.text ?? '', lang: p.language, langPrior }));
      let results;
      if (workers > 1 && items.length >= POOL_MIN) {
        pool ??= new AnalyzePool(model, workers);
        results = await pool.run(items);
      } else {
        results = analyzeItems(items, model);
      }
      await store.saveAnalyses(workspaceId, model.version, pending.map((p, i) => ({ messageId: p.messageId, analysis: results[i] })));
      // Every analysed message meets the workspace's alert rules once its analysis is stored.
      if (opts.rules !== false) {
        const evaluation = await evaluateRulesOnMessages(store, workspaceId, pending.map((p) => p.messageId), opts.rules ?? {});
        if (evaluation.rules > 0) opts.onAlerts?.(evaluation);
      }
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
