// TEMPORARY (written by the ingest helper so `ecoute ingest` can be tested): the analysis helper
// owns this file and replaces it with the real worker-pool version. Same exported signature.
import { analyze } from '../analyze/analyze.ts';
import type { AnalyzerModel } from '../analyze/model.ts';
import type { Store } from '../store/store.ts';

/** Analyses every customer message lacking an analysis for the model's version; returns how many. */
export async function analyzePending(
  store: Store,
  workspaceId: string,
  model: AnalyzerModel,
  opts: { workers?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<number> {
  let done = 0;
  const counts = await store.counts(workspaceId);
  const estimate = Math.max(0, counts.customerMessages - counts.analysed);
  for (;;) {
    const batch = await store.pendingAnalysis(workspaceId, model.version, 500);
    if (batch.length === 0) return done;
    const rows = batch.map((m) => ({ messageId: m.messageId, analysis: analyze(m.text, { model, lang: m.language ?? undefined }) }));
    await store.saveAnalyses(workspaceId, model.version, rows);
    done += rows.length;
    opts.onProgress?.(done, Math.max(done, estimate));
  }
}
