/**
 * Short durations as people write them in rules and settings: "30m", "24h", "7d" (and "0" for none).
 * Kept as text in stored definitions so a rule reads the way it was written.
 */

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;

/** The accepted shape: a whole number and a unit (s, m, h, d, w), or "0". */
export const DURATION_PATTERN = /^(\d{1,6})\s*(s|m|h|d|w)$/;

/** How a duration must be written, for error messages. */
export const DURATION_HINT = 'write a whole number and a unit, e.g. "30m", "24h" or "7d" (units: s, m, h, d, w)';

/** Milliseconds of a duration such as "24h"; null when the text is not one. "0" is zero. */
export function parseDuration(text: string): number | null {
  const t = text.trim();
  if (t === '0') return 0;
  const m = DURATION_PATTERN.exec(t);
  if (!m) return null;
  return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}

/** A duration in its largest whole unit ("1d" for 86 400 000 ms), for display. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0';
  for (const unit of ['w', 'd', 'h', 'm', 's'] as const) {
    if (ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  }
  return `${Math.round(ms / 1000)}s`;
}
