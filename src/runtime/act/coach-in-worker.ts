import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { CoachInput, CoachModel } from '../../act/coach/coach-model.ts';
import { EcouteError } from '../../core/errors.ts';

/** `.ts` from the sources (tsx), `.js` from the compiled package (dist/): the worker entry is a sibling file. */
const OWN_EXT = import.meta.url.endsWith('.js') ? '.js' : '.ts';

/** What the coach worker is started with: the model (≈ 0.2 MB, cloned once). The batches follow as messages. */
export interface CoachWorkerData {
  entry: string;
  model: CoachModel;
}

/** One batch to coach, as posted to the worker. */
export interface CoachRequest {
  index: number;
  inputs: CoachInput[];
}

/** What it answers per batch: each reply's "shows empathy" verdict, in order; or the error as plain data. */
export type CoachReply =
  | { index: number; ok: true; verdicts: boolean[] }
  | { index: number; ok: false; error: { code: string; message: string; status: number } };

/**
 * Coaches `batches` (each one coachBatch: near-duplicates are looked for within a batch) in a one-shot
 * worker thread and answers each reply's empathy verdict, batch by batch, in the order given. Coaching
 * 10,000 replies takes seconds of CPU; off the main thread the server keeps answering meanwhile. The
 * batches are posted one a turn of the event loop, so copying 30,000 replies to the worker does not
 * stall it either.
 */
export function coachVerdictsInWorker(batches: CoachInput[][], model: CoachModel): Promise<boolean[][]> {
  if (batches.length === 0) return Promise.resolve([]);
  const data: CoachWorkerData = { entry: new URL(`./coach-worker${OWN_EXT}`, import.meta.url).href, model };
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../worker-bootstrap.mjs', import.meta.url), { workerData: data });
    // A computation in flight must not keep a stopping server's process alive.
    worker.unref();
    const out: boolean[][] = new Array(batches.length);
    let left = batches.length;
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      reject(err);
      void worker.terminate();
    };
    worker.on('message', (reply: CoachReply) => {
      if (!reply.ok) return fail(new EcouteError(reply.error.code, reply.error.message, reply.error.status));
      out[reply.index] = reply.verdicts;
      if (--left > 0 || settled) return;
      settled = true;
      resolve(out);
      void worker.terminate();
    });
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new EcouteError('internal', `The reply-coach worker stopped (exit code ${code}) before answering. Check memory limits, then retry.`, 500)));
    void (async () => {
      for (let index = 0; index < batches.length && !settled; index++) {
        const req: CoachRequest = { index, inputs: batches[index] };
        worker.postMessage(req);
        await nextTurn();
      }
    })();
  });
}
