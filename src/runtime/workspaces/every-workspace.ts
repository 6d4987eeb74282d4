/**
 * Runs a per-workspace background task (alert deliveries, spike checks) for every workspace of the
 * database, not only the server's default: a server answers requests for all of them, so an alert
 * raised in workspace B over HTTP must be delivered as surely as one in A. Workspaces created while
 * the server runs (an import into a new one) are picked up at the next look.
 */

/** Stops one started task (waits for a pass in flight). */
export type StopTask = () => void | Promise<void>;

/** What the supervisor needs. */
export interface EveryWorkspaceOptions {
  /** The workspace ids as they are now. */
  list: () => Promise<string[]>;
  /** Starts the task for one workspace; null when there is nothing to run for it. */
  start: (workspaceId: string) => StopTask | null;
  /** How often to look for new workspaces (default 60 s). */
  intervalMs?: number;
  onError?: (err: unknown) => void;
}

/** Default pause between two looks for new workspaces. */
export const WORKSPACE_LOOK_MS = 60_000;

/**
 * Starts `start(ws)` once for each workspace now and for each one that appears later. Returns stop(),
 * which stops looking and stops every task started, waiting for each.
 */
export function startForEveryWorkspace(opts: EveryWorkspaceOptions): () => Promise<void> {
  const running = new Map<string, StopTask | null>();
  let stopped = false;
  let looking: Promise<void> = Promise.resolve();
  const look = (): Promise<void> => {
    looking = looking.then(async () => {
      if (stopped) return;
      try {
        for (const ws of await opts.list()) {
          if (stopped || running.has(ws)) continue;
          running.set(ws, opts.start(ws));
        }
      } catch (err) {
        opts.onError?.(err);
      }
    });
    return looking;
  };
  void look();
  const timer = setInterval(() => void look(), opts.intervalMs ?? WORKSPACE_LOOK_MS);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await looking;
    for (const stop of running.values()) if (stop) await stop();
    running.clear();
  };
}
