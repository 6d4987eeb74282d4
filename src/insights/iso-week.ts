/**
 * ISO 8601 weeks (Monday start, week 1 holds the year's first Thursday), computed in UTC so a report
 * is the same wherever it runs.
 */
const DAY_MS = 86_400_000;

/** Index of the Monday-start week since 1969-12-29 (1970-01-01 was a Thursday). */
export function weekIndex(at: Date): number {
  return Math.floor((Math.floor(at.getTime() / DAY_MS) + 3) / 7);
}

/** Monday 00:00 UTC of a week index. */
export function weekStart(index: number): Date {
  return new Date((index * 7 - 3) * DAY_MS);
}

/** "2026-W47" for a week index. */
export function weekLabel(index: number): string {
  const thursday = new Date(weekStart(index).getTime() + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const jan4 = Date.UTC(year, 0, 4);
  const week1 = weekIndex(new Date(jan4));
  const w = index - week1 + 1;
  return `${year}-W${String(w).padStart(2, '0')}`;
}

/** Week label of a date. */
export function isoWeek(at: Date): string {
  return weekLabel(weekIndex(at));
}

/** Contiguous week indexes from the first to the last, so empty weeks count as zero. */
export function weekRange(first: number, last: number): number[] {
  const out: number[] = [];
  for (let i = first; i <= last; i++) out.push(i);
  return out;
}
