import type { Clock } from '../../core/ports.ts';

/** DIGEST_SCHEDULE values that send digests. */
export type DigestSchedule = 'daily' | 'weekly';

/** Runs `callback` after `delayMs`; returns a function that cancels it. */
export type SetTimer = (callback: () => void, delayMs: number) => () => void;

/** The process timer (unref'd so a pending digest never keeps the process alive on its own). */
export const systemTimer: SetTimer = (callback, delayMs) => {
  const t = setTimeout(callback, delayMs);
  t.unref?.();
  return () => clearTimeout(t);
};

/** Digest hour, local time of the server. */
export const DIGEST_HOUR = 8;

/**
 * The next run strictly after `after`: 'daily' at 08:00 local time, 'weekly' on Monday 08:00 local
 * time. Uses local calendar arithmetic (setDate/setHours), so daylight-saving changes keep 08:00.
 */
export function nextDigestRun(schedule: DigestSchedule, after: Date): Date {
  const next = new Date(after.getTime());
  next.setHours(DIGEST_HOUR, 0, 0, 0);
  if (next.getTime() <= after.getTime()) next.setDate(next.getDate() + 1);
  if (schedule === 'weekly') {
    while (next.getDay() !== 1) next.setDate(next.getDate() + 1);
  }
  return next;
}

/** How startDigestSchedule runs: which schedule, on which clock and timer. */
export interface DigestScheduleOptions {
  schedule: DigestSchedule;
  clock: Clock;
  setTimer?: SetTimer;
  /** Called when a run throws; the schedule goes on. */
  onError?: (err: unknown) => void;
}

/**
 * Calls `run` at every scheduled time until the returned stop function is called. The next time is
 * recomputed from the clock after each run, so a slow run or a sleeping laptop never causes a burst.
 */
export function startDigestSchedule(run: (at: Date) => Promise<void>, options: DigestScheduleOptions): () => void {
  const setTimer = options.setTimer ?? systemTimer;
  let cancel: (() => void) | null = null;
  let stopped = false;
  const arm = () => {
    if (stopped) return;
    const now = options.clock();
    const at = nextDigestRun(options.schedule, now);
    // Timers cap at 2^31−1 ms (~24.8 days); weekly fits, but re-arm defensively if ever longer.
    const delay = Math.min(at.getTime() - now.getTime(), 2_147_000_000);
    cancel = setTimer(() => {
      if (stopped) return;
      if (options.clock().getTime() < at.getTime() - 1000) return arm();
      run(at)
        .catch((err) => options.onError?.(err))
        .finally(arm);
    }, delay);
  };
  arm();
  return () => {
    stopped = true;
    cancel?.();
  };
}
