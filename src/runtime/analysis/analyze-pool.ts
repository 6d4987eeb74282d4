/**
 * A worker_threads pool for analysing batches on every core. Workers run the TypeScript sources
 * through tsx (registered by worker-bootstrap.mjs), receive the model once, and process chunks; results come back in
 * input order. With one worker (or a small batch) everything runs on the calling thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { analyze } from '../../analyze/analyze.ts';
import type { AnalyzerModel } from '../../analyze/model.ts';
import type { Analysis } from '../../core/analysis.ts';

/** `.ts` from the sources (tsx), `.js` from the compiled package (dist/): the worker entry is a sibling file. */
const OWN_EXT = import.meta.url.endsWith('.js') ? '.js' : '.ts';

/** One text to analyse, with its language when known. */
export interface PoolItem {
  text: string;
  lang?: string | null;
  /** Language to prefer when detection cannot tell (AnalyzeOptions.langPrior). */
  langPrior?: string;
  /** The text is known to be a customer's message (AnalyzeOptions.customer). */
  customer?: boolean;
}

/** How analyzeMany() spreads work over threads. */
export interface PoolOptions {
  /** Threads analysing in parallel, the calling thread included (default: available cores). 1 = no workers. */
  workers?: number;
  /** Texts per message to a worker. */
  chunkSize?: number;
}

const CHUNK = 200;

/**
 * The item of a message read from the store for analysis. The store hands out customer messages only
 * (pendingAnalysis, messagesForAnalysis), so the heads need not guess whose text it is; the
 * workspace's language is the prior of language detection.
 */
export function storedMessageItem(m: { text: string | null; language: string | null }, langPrior: string): PoolItem {
  return { text: m.text ?? '', lang: m.language, langPrior, customer: true };
}

/** Analyses items on the calling thread, in order: what every thread of the pool runs. */
export function analyzeItems(items: readonly PoolItem[], model: AnalyzerModel): Analysis[] {
  return items.map((it) => analyze(it.text, { model, lang: it.lang ?? undefined, langPrior: it.langPrior, customer: it.customer }));
}

/**
 * A started pool; call close() when done. `size` threads work in parallel: `size − 1` workers plus,
 * by default, the calling thread itself (batch commands have nothing else to do meanwhile, and it
 * starts at once while workers spend about a second booting). Servers pass `mainThread: false`.
 */
export class AnalyzePool {
  private readonly workers: Worker[] = [];
  private nextId = 0;
  private readonly mainThread: boolean;

  constructor(private readonly model: AnalyzerModel, readonly size: number, private readonly chunkSize = CHUNK, opts: { mainThread?: boolean } = {}) {
    this.mainThread = opts.mainThread ?? true;
    const threads = this.mainThread ? size - 1 : size;
    for (let i = 0; i < threads; i++) {
      const w = new Worker(new URL('../worker-bootstrap.mjs', import.meta.url), {
        workerData: { entry: new URL(`./analyze-worker${OWN_EXT}`, import.meta.url).href, model },
      });
      w.unref();
      this.workers.push(w);
    }
  }

  private send(w: Worker, items: PoolItem[]): Promise<Analysis[]> {
    const id = this.nextId++;
    return new Promise<Analysis[]>((resolve, reject) => {
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
  }

  /** Analyses items across the threads; results are in input order. */
  async run(items: PoolItem[]): Promise<Analysis[]> {
    const chunks: PoolItem[][] = [];
    for (let i = 0; i < items.length; i += this.chunkSize) chunks.push(items.slice(i, i + this.chunkSize));
    const results: Analysis[][] = new Array(chunks.length);
    let next = 0;
    // Each thread takes the next chunk when it is free (a shared queue), so slow starters take less.
    const workerLoop = async (w: Worker) => {
      while (next < chunks.length) {
        const i = next++;
        results[i] = await this.send(w, chunks[i]);
      }
    };
    const mainLoop = async () => {
      while (next < chunks.length) {
        const i = next++;
        results[i] = analyzeItems(chunks[i], this.model);
        // Let worker replies through between chunks.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    };
    await Promise.all([...this.workers.map(workerLoop), ...(this.mainThread || this.workers.length === 0 ? [mainLoop()] : [])]);
    return results.flat();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
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
  if (workers <= 1) return analyzeItems(items, model);
  const pool = new AnalyzePool(model, workers, options.chunkSize ?? CHUNK);
  try {
    return await pool.run(items);
  } finally {
    await pool.close();
  }
}
