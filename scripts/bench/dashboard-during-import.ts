/**
 * The dashboard while an import runs (bench-dashboard.ts): a second process writes batches into the
 * same database (import-writer.ts), each moving the data version on, while `clients` concurrent
 * loops request the overview — first as API scripts do (every answer of the data as it is now), then
 * as the dashboard does (`Cache-Control: max-stale`: the last figures while newer ones compute).
 * Same import, same machine, one run: the two rows compare.
 */
import type { Store } from '../../src/store/store.ts';
import { startImportWriter } from './import-writer-process.ts';
import { summarize, type Timing } from './latencies.ts';

/** Latencies of one phase (ms), errors and timeouts, and how many answers were marked stale. */
export interface PhaseResult extends Timing {
  failed: number;
  stale: number;
}

const REQUEST_TIMEOUT_MS = 30_000;

async function phase(url: string, headers: Record<string, string>, clients: number, seconds: number): Promise<PhaseResult> {
  const times: number[] = [];
  let failed = 0;
  let stale = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (performance.now() < until) {
      const t = performance.now();
      try {
        const res = await fetch(url, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
        await res.arrayBuffer();
        if (!res.ok) failed++;
        if (res.headers.get('x-ecoute-insights-stale')) stale++;
      } catch {
        failed++;
      }
      times.push(performance.now() - t);
      // A person reading a page, not a load generator: a pause between requests.
      await new Promise((r) => setTimeout(r, 250));
    }
  }));
  return { ...summarize(times), failed, stale };
}

/** Runs both phases during one import into `dbFile`, undoes the import, and prints the two rows. */
export async function measureDuringImport(base: string, store: Store, workspaceId: string, dbFile: string, seconds: number, clients: number): Promise<PhaseResult[]> {
  const running = await startImportWriter(dbFile, workspaceId);
  try {
    const url = `${base}/api/overview`;
    const results = [
      await phase(url, {}, clients, seconds),
      await phase(url, { 'cache-control': 'max-stale=600' }, clients, seconds),
    ];
    const fmt = (v: number) => v.toFixed(1).padStart(8);
    console.log(`\nGET /api/overview during an import (${clients} clients, ${seconds} s each, a batch of 500 conversations every ~0.5 s; ${running.batches()} batches written) (ms)`);
    console.log(`${'as requested'.padEnd(34)}  ${'n'.padStart(4)}  ${'p50'.padStart(8)}  ${'p95'.padStart(8)}  ${'p99'.padStart(8)}  ${'max'.padStart(8)}  failed  stale`);
    ['fresh only (API default)', 'max-stale (dashboard)'].forEach((name, i) => {
      const r = results[i];
      console.log(`${name.padEnd(34)}  ${String(r.n).padStart(4)}  ${fmt(r.p50)}  ${fmt(r.p95)}  ${fmt(r.p99)}  ${fmt(r.max)}  ${String(r.failed).padStart(6)}  ${String(r.stale).padStart(5)}`);
    });
    return results;
  } finally {
    await running.stop(store);
  }
}
