/**
 * When a case is due, from the urgency of the message that raised it. Pure: the creation time and the
 * targets are passed in, so the alert engine and the store compute the same due time.
 */

/** How long each urgency may wait before its case is overdue, in milliseconds. */
export interface CaseTargets { high: number; medium: number; low: number }

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** High 4 h, medium 2 days, low 7 days: a workspace can override them in its settings. */
export const DEFAULT_CASE_TARGETS: CaseTargets = Object.freeze({ high: 4 * HOUR, medium: 2 * DAY, low: 7 * DAY });

/**
 * The due time of a case created at `createdAt`. A case without an urgency (opened by hand on a message
 * that was never analysed) gets the medium target, so no case is left without a due time.
 */
export function caseDueAt(urgency: 'low' | 'medium' | 'high' | null, createdAt: Date, targets: CaseTargets): Date {
  const wait = targets[urgency ?? 'medium'];
  return new Date(createdAt.getTime() + wait);
}

/** A workspace's targets: its `caseTargetHours` where set, the defaults elsewhere. */
export function caseTargetsOf(hours: { high?: number; medium?: number; low?: number } | undefined): CaseTargets {
  const ms = (h: number | undefined, fallback: number) => (h === undefined ? fallback : Math.round(h * HOUR));
  return {
    high: ms(hours?.high, DEFAULT_CASE_TARGETS.high),
    medium: ms(hours?.medium, DEFAULT_CASE_TARGETS.medium),
    low: ms(hours?.low, DEFAULT_CASE_TARGETS.low),
  };
}
