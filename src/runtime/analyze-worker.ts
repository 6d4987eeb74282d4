/**
 * Worker-thread side of the analysis pool: receives the model once (workerData), then batches of
 * texts, and answers with their analyses in the same order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyze } from '../analyze/analyze.ts';
import type { AnalyzerModel } from '../analyze/model.ts';
import type { PoolItem } from './analyze-pool.ts';

const model = (workerData as { model: AnalyzerModel }).model;

parentPort?.on('message', (msg: { id: number; items: PoolItem[] }) => {
  const results = msg.items.map((it) => analyze(it.text, { model, lang: it.lang ?? undefined }));
  parentPort?.postMessage({ id: msg.id, results });
});
