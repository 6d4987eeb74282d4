import { GroupMemo } from './group-memo.ts';
import { dayIndex } from './iso-week.ts';

/** One UTC day of facts and its tally. */
export interface DayTallyOf<T> {
  /** Days since 1970-01-01 (UTC). */
  day: number;
  tally: T;
}

/**
 * Per-day tallies kept between computations, so that after an import batch only the days it touched
 * are counted again: a day's tally is reused while that day's facts (messages, or survey answers) are
 * the very same objects in the same order (group-memo.ts says why that test is exact).
 *
 * Pure data held by the caller (the insights worker, one per workspace, as PhraseMemo); the output of
 * whatever uses it is the same with or without it.
 */
export class DayMemo<F extends { at: Date }, T> {
  private readonly memo = new GroupMemo<number, T>();

  /** Days reused and days counted by the last call (tests, bench). */
  get last(): { reused: number; counted: number } {
    return this.memo.last;
  }

  /**
   * The tallies of `facts` day by day in time order, each made by `count` unless the same day's
   * same facts were counted before. Null when `facts` are not in time order: a caller then counts
   * them in one pass, since what a tally keeps first (a reason's wording) follows the order given.
   */
  tallies(facts: readonly F[], count: (day: readonly F[]) => T): DayTallyOf<T>[] | null {
    const groups: { day: number; facts: F[] }[] = [];
    let previous = -Infinity;
    for (const m of facts) {
      const at = m.at.getTime();
      if (at < previous) return null;
      previous = at;
      const day = dayIndex(at);
      const g = groups[groups.length - 1];
      if (g && g.day === day) g.facts.push(m);
      else groups.push({ day, facts: [m] });
    }
    this.memo.begin();
    const out = groups.map(({ day, facts: f }) => ({ day, tally: this.memo.get(day, [f], () => count(f)) }));
    this.memo.end();
    return out;
  }
}
