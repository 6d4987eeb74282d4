import { Worker } from 'node:worker_threads';
import { EcouteError } from '../core/errors.ts';

/** A worker's answer to one request: its value, or the error translated to plain data. */
export type WorkerReply = { id: number; ok: true } | { id: number; ok: false; error: { code: string; message: string; status: number } };

/**
 * One worker thread started through worker-bootstrap.mjs that answers requests by id (the listening
 * station's queries, the insights computations): replies go to the caller that asked, and a worker
 * that dies fails every request in flight with a named error instead of leaving it waiting. The
 * owner decides what to do next (`onStop`: forget it, so the next request starts another).
 */
export class RequestWorker<T, R extends WorkerReply> {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (value: T) => void; reject: (err: Error) => void }>();

  /**
   * `data` is the worker's start data (`entry`: the module it runs); `what` names it in errors;
   * `valueOf` reads the value out of a successful reply.
   */
  constructor(data: { entry: string }, what: string, valueOf: (reply: Extract<R, { ok: true }>) => T, onStop: () => void) {
    const worker = new Worker(new URL('./worker-bootstrap.mjs', import.meta.url), { workerData: data });
    // An idle worker must not keep a stopping server's process alive.
    worker.unref();
    this.worker = worker;
    worker.on('message', (reply: R) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(valueOf(reply as Extract<R, { ok: true }>));
      else waiting.reject(new EcouteError(reply.error.code, reply.error.message, reply.error.status));
    });
    const fail = (why: string) => {
      onStop();
      for (const w of this.pending.values()) w.reject(new EcouteError('internal', `The ${what} stopped (${why}) before answering. Check memory limits, then retry.`, 500));
      this.pending.clear();
    };
    worker.on('error', (err) => fail(err.message));
    worker.on('exit', (code) => fail(`exit code ${code}`));
  }

  /** Requests in flight. */
  get inFlight(): number {
    return this.pending.size;
  }

  /** Sends `req` and waits for its reply. */
  ask(req: { id: number }): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.set(req.id, { resolve, reject });
      this.worker.postMessage(req);
    });
  }

  /** Asks the worker to close its store and exit, and waits until it has. */
  async close(): Promise<void> {
    const exited = new Promise((done) => this.worker.once('exit', done));
    // Waiting for an unref'ed worker would not keep the process alive until it has closed its store.
    this.worker.ref();
    this.worker.postMessage('close');
    await exited;
  }
}
