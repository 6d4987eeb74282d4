// Worker entry in plain JavaScript: Node 20 workers do not inherit the tsx loader (and ignore
// `--import` in execArgv), so register it here, then load the TypeScript worker named in workerData.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
