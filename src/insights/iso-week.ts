/**
 * ISO 8601 weeks (Monday start, week 1 holds the year's first Thursday), computed in UTC so a report
 * is the same wherever it runs.
 */
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC) of a time in milliseconds. */
export function dayIndex(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/** Index of the Monday-start week holding a day index (1970-01-01 was a Thursday). */
export function weekOfDay(day: number): number {
  return Math.floor((day + 3) / 7);
}

/** Index of the Monday-start week since 1969-12-29. */
export function weekIndex(at: Date): number {
  return weekOfDay(dayIndex(at.getTime()));
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
