/**
 * Worker-thread side of the analysis pool: receives the model once (workerData), then batches of
 * texts, and answers with their analyses in the same order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AnalyzerModel } from '../../analyze/model.ts';
import { analyzeItems, type PoolItem } from './analyze-pool.ts';

const model = (workerData as { model: AnalyzerModel }).model;

parentPort?.on('message', (msg: { id: number; items: PoolItem[] }) => {
  const results = analyzeItems(msg.items, model);
  parentPort?.postMessage({ id: msg.id, results });
});
