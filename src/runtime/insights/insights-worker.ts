/**
 * Worker-thread entry (loaded through worker-bootstrap.mjs): opens its own store connection, computes
 * the insights of one workspace and posts them back, so the HTTP server's event loop stays free
 * while a large workspace is being summarised.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toEcouteError } from '../../core/errors.ts';
import { computeInsights } from '../../insights/compute-insights.ts';
import { filterInsightsInput } from '../../insights/filter-input.ts';
import { openStore } from '../../store/open-store.ts';
import { loadInsightsInput } from './load-insights-input.ts';
import type { InsightsJob, InsightsReply } from './compute-insights-in-worker.ts';

const job = workerData as InsightsJob;
let reply: InsightsReply;
try {
  const store = await openStore(job.databaseUrl, { schema: job.schema });
  try {
    const input = await loadInsightsInput(store, job.workspaceId, new Date(job.now));
    reply = { ok: true, insights: computeInsights(filterInsightsInput(input, job.filter)) };
  } finally {
    await store.close();
  }
} catch (err) {
  const e = toEcouteError(err);
  reply = { ok: false, error: { code: e.code, message: e.message, status: e.status } };
}
parentPort?.postMessage(reply);
