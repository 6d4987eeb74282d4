/**
 * Worker-thread entry (loaded through worker-bootstrap.mjs): coaches each batch it is posted with the
 * model it was started with and posts back each reply's empathy verdict, so the HTTP server's event
 * loop stays free while a large workspace's replies are read. The parent terminates it when done.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toEcouteError } from '../../core/errors.ts';
import { coachMonthVerdicts } from './month-batches.ts';
import type { CoachReply, CoachRequest, CoachWorkerData } from './coach-in-worker.ts';

const { model } = workerData as CoachWorkerData;
parentPort?.on('message', (req: CoachRequest) => {
  let reply: CoachReply;
  try {
    reply = { index: req.index, ok: true, verdicts: coachMonthVerdicts(req.inputs, model) };
  } catch (err) {
    const e = toEcouteError(err);
    reply = { index: req.index, ok: false, error: { code: e.code, message: e.message, status: e.status } };
  }
  parentPort?.postMessage(reply);
});
