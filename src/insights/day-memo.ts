const DAY_MS = 86_400_000;
/** Versions kept per day: the unfiltered view's and a few filtered views' (a filter changes a day's messages). */
const VARIANTS_PER_DAY = 4;
/** A day's version not used by this many computations in a row is forgotten (deleted data, an old filter). */
const FORGET_AFTER = 4;

interface Variant<F, T> {
  facts: readonly F[];
  tally: T;
  used: number;
}

/** One UTC day of messages and its tally. */
export interface DayTallyOf<T> {
  /** Days since 1970-01-01 (UTC). */
  day: number;
  tally: T;
}

/**
 * Per-day tallies kept between computations, so that after an import batch only the days it touched
 * are counted again. A day's tally is reused while that day's facts (messages, survey answers) are the very same objects
 * in the same order: the server's held facts (runtime/insights/incremental-facts.ts) replace a fact
 * object whenever anything of it changes (a new analysis, a customer's filled-in name), and add new
 * ones in time order, so identity is an exact test that costs one comparison a message.
 *
 * Pure data held by the caller (the insights worker, one per workspace, as PhraseMemo); the output of
 * whatever uses it is the same with or without it.
 */
export class DayMemo<F extends { at: Date }, T> {
  private readonly days = new Map<number, Variant<F, T>[]>();
  private computations = 0;
  /** Days reused and days counted by the last call (tests, bench). */
  last = { reused: 0, counted: 0 };

  /**
   * The tallies of `facts` day by day in time order, each made by `count` unless the same day's
   * same facts were counted before. Null when `facts` are not in time order: a caller then counts
   * them in one pass, since what a tally keeps first (a reason's wording) follows the order given.
   */
  tallies(facts: readonly F[], count: (day: readonly F[]) => T): DayTallyOf<T>[] | null {
    this.last = { reused: 0, counted: 0 };
    const groups: { day: number; facts: F[] }[] = [];
    let previous = -Infinity;
    for (const m of facts) {
      const at = m.at.getTime();
      if (at < previous) return null;
      previous = at;
      const day = Math.floor(at / DAY_MS);
      const g = groups[groups.length - 1];
      if (g && g.day === day) g.facts.push(m);
      else groups.push({ day, facts: [m] });
    }
    const now = ++this.computations;
    const out = groups.map(({ day, facts }) => ({ day, tally: this.tallyOf(day, facts, now, count) }));
    this.forget(now);
    return out;
  }

  private tallyOf(day: number, facts: F[], now: number, count: (day: readonly F[]) => T): T {
    const variants = this.days.get(day) ?? [];
    const hit = variants.find((v) => sameFacts(v.facts, facts));
    if (hit) {
      hit.used = now;
      this.last.reused++;
      return hit.tally;
    }
    const tally = count(facts);
    this.last.counted++;
    variants.unshift({ facts, tally, used: now });
    if (variants.length > VARIANTS_PER_DAY) variants.sort((a, b) => b.used - a.used).pop();
    this.days.set(day, variants);
    return tally;
  }

  private forget(now: number): void {
    for (const [day, variants] of this.days) {
      const kept = variants.filter((v) => now - v.used < FORGET_AFTER);
      if (kept.length === 0) this.days.delete(day);
      else if (kept.length < variants.length) this.days.set(day, kept);
    }
  }
}

function sameFacts<F>(a: readonly F[], b: readonly F[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
