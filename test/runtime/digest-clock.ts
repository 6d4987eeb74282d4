/**
 * What the scheduled-digest tests hand startConfiguredDigests() in place of the wall clock, a real timer
 * and stdout: a clock they move, a timer they fire by hand, and a log they read as text.
 */
import { PassThrough } from 'node:stream';
import type { SetTimer } from '../../src/runtime/digest/digest-schedule.ts';

/** A hand-driven clock, timer and log for one scheduled-digest test. */
export interface DigestClock {
  /** The clock to pass: it reads the time the test last set. */
  clock: () => Date;
  /** The timer to pass: it only remembers the callback, which fireAt() runs. */
  setTimer: SetTimer;
  /** The log to pass. */
  log: PassThrough;
  /** The callback the schedule armed, or null when none is (or it was cancelled). */
  readonly fire: (() => void) | null;
  /** All the log has said so far. */
  readonly logged: string;
  /** Moves the clock to `at` and runs the armed callback, as the timer would at that time. */
  fireAt(at: Date): void;
}

/** A DigestClock that starts at `start` (by default Sunday 22 November 2026, 20:00 local time). */
export function digestClock(start: Date = new Date(2026, 10, 22, 20)): DigestClock {
  let now = start;
  let fire: (() => void) | null = null;
  let logged = '';
  const log = new PassThrough();
  log.on('data', (d) => (logged += d));
  return {
    clock: () => now,
    setTimer: (cb) => { fire = cb; return () => { fire = null; }; },
    log,
    get fire() { return fire; },
    get logged() { return logged; },
    fireAt(at) {
      if (!fire) throw new Error('No digest is scheduled: startConfiguredDigests() armed no timer. Check DIGEST_SCHEDULE in the config.');
      now = at;
      fire();
    },
  };
}
