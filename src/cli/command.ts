import type { Readable, Writable } from 'node:stream';
import type { Config } from '../core/config.ts';
import type { Clock } from '../core/ports.ts';
import type { Store } from '../store/store.ts';
import type { AnalyzerModel } from '../analyze/model.ts';

/** What every CLI command receives from main.ts: parsed config and the shell's effects. */
export interface CommandContext {
  config: Config;
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** True when stderr is a terminal (progress bars). */
  isTTY: boolean;
  clock: Clock;
  /** Opens (and migrates) the configured store. The command must close it in `finally`. */
  openStore(): Promise<Store>;
  /** Loads the committed analysis model (cached per process). */
  loadModel(): Promise<AnalyzerModel>;
}

/**
 * One CLI command per file (kysely-ctl style). `run` returns the exit status:
 * 0 success, 1 fatal error, 2 usage error, 3 partial success (some input rows rejected).
 */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], ctx: CommandContext): Promise<number>;
}
