// Worker entry in plain JavaScript. From the TypeScript sources, Node 20 workers do not inherit the
// tsx loader (and ignore `--import` in execArgv), so register it here first; from the compiled
// package (dist/, entry ending in .js) there is nothing to register. Then load the worker named in
// workerData.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
