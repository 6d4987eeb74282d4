import { describe, expect, it } from 'vitest';
import { nextDigestRun, startDigestSchedule, type SetTimer } from '../../src/runtime/digest/digest-schedule.ts';

/** Local-time date builder: the schedule is in the server's local time. */
const local = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi);

describe('digest schedule', () => {
  it('daily runs at the next 08:00 local time', () => {
    expect(nextDigestRun('daily', local(2026, 11, 18, 7, 59))).toEqual(local(2026, 11, 18, 8));
    expect(nextDigestRun('daily', local(2026, 11, 18, 8, 0))).toEqual(local(2026, 11, 19, 8));
    expect(nextDigestRun('daily', local(2026, 12, 31, 23))).toEqual(local(2027, 1, 1, 8));
  });

  it('weekly runs on the next Monday 08:00 local time', () => {
    // 2026-11-18 is a Wednesday → Monday 23 November
    expect(nextDigestRun('weekly', local(2026, 11, 18, 12))).toEqual(local(2026, 11, 23, 8));
    expect(nextDigestRun('weekly', local(2026, 11, 23, 7))).toEqual(local(2026, 11, 23, 8));
    expect(nextDigestRun('weekly', local(2026, 11, 23, 8))).toEqual(local(2026, 11, 30, 8));
  });

  it('runs at each scheduled time, re-arms after failures and stops when asked', async () => {
    let now = local(2026, 11, 22, 20); // Sunday evening
    const timers: { fire: () => void; delay: number; cancelled: boolean }[] = [];
    const setTimer: SetTimer = (fire, delay) => {
      const t = { fire, delay, cancelled: false };
      timers.push(t);
      return () => { t.cancelled = true; };
    };
    const runs: Date[] = [];
    const errors: unknown[] = [];
    const stop = startDigestSchedule(
      async (at) => {
        runs.push(at);
        if (runs.length === 1) throw new Error('SMTP down');
      },
      { schedule: 'weekly', clock: () => now, setTimer, onError: (e) => errors.push(e) },
    );
    expect(timers[0].delay).toBe(12 * 3_600_000); // Sunday 20:00 → Monday 08:00
    now = local(2026, 11, 23, 8);
    timers[0].fire();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toEqual([local(2026, 11, 23, 8)]);
    expect(errors).toHaveLength(1);
    expect(timers).toHaveLength(2);
    expect(timers[1].delay).toBe(local(2026, 11, 30, 8).getTime() - now.getTime());
    stop();
    expect(timers[1].cancelled).toBe(true);
  });
});
