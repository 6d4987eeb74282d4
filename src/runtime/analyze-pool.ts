/**
 * A worker_threads pool for analysing batches on every core. Workers run the TypeScript sources
 * through tsx (registered by worker-bootstrap.mjs), receive the model once, and process chunks; results come back in
 * input order. With one worker (or a small batch) everything runs on the calling thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { analyze } from '../analyze/analyze.ts';
import type { AnalyzerModel } from '../analyze/model.ts';
import type { Analysis } from '../core/analysis.ts';

/** One text to analyse, with its language when known. */
export interface PoolItem {
  text: string;
  lang?: string | null;
}

export interface PoolOptions {
  /** Worker threads (default: available cores). 1 = no threads. */
  workers?: number;
  /** Texts per message to a worker. */
  chunkSize?: number;
}

const CHUNK = 200;

/** A started pool; call close() when done. */
export class AnalyzePool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: (() => void)[] = [];
  private nextId = 0;

  constructor(private readonly model: AnalyzerModel, readonly size: number, private readonly chunkSize = CHUNK) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(new URL('./worker-bootstrap.mjs', import.meta.url), {
        workerData: { entry: new URL('./analyze-worker.ts', import.meta.url).href, model },
      });
      w.unref();
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  private async acquire(): Promise<Worker> {
    for (;;) {
      const w = this.idle.pop();
      if (w) return w;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private release(w: Worker): void {
    this.idle.push(w);
    this.waiting.shift()?.();
  }

  private async runChunk(items: PoolItem[]): Promise<Analysis[]> {
    const w = await this.acquire();
    const id = this.nextId++;
    try {
      return await new Promise<Analysis[]>((resolve, reject) => {
        const onMessage = (m: { id: number; results: Analysis[] }) => {
          if (m.id !== id) return;
          cleanup();
          resolve(m.results);
        };
        const onError = (err: Error) => { cleanup(); reject(err); };
        const onExit = (code: number) => { cleanup(); reject(new Error(`analysis worker exited with code ${code}`)); };
        const cleanup = () => { w.off('message', onMessage); w.off('error', onError); w.off('exit', onExit); };
        w.on('message', onMessage);
        w.on('error', onError);
        w.on('exit', onExit);
        w.postMessage({ id, items });
      });
    } finally {
      this.release(w);
    }
  }

  /** Analyses items across the workers; results are in input order. */
  async run(items: PoolItem[]): Promise<Analysis[]> {
    const chunks: PoolItem[][] = [];
    for (let i = 0; i < items.length; i += this.chunkSize) chunks.push(items.slice(i, i + this.chunkSize));
    const parts = await Promise.all(chunks.map((c) => this.runChunk(c)));
    return parts.flat();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
    this.idle.length = 0;
  }
}

/** Default worker count: the available cores. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Analyses many texts, on worker threads when `workers` > 1 and the batch is worth it.
 * Same results as calling analyze() on each text.
 */
export async function analyzeMany(
  texts: (string | PoolItem)[], model: AnalyzerModel, options: PoolOptions = {},
): Promise<Analysis[]> {
  const items = texts.map((t) => (typeof t === 'string' ? { text: t } : t));
  const workers = Math.max(1, Math.min(options.workers ?? defaultWorkers(), Math.ceil(items.length / (options.chunkSize ?? CHUNK))));
  if (workers <= 1) return items.map((it) => analyze(it.text, { model, lang: it.lang ?? undefined }));
  const pool = new AnalyzePool(model, workers, options.chunkSize ?? CHUNK);
  try {
    return await pool.run(items);
  } finally {
    await pool.close();
  }
}
