import { UsageError } from '../../core/errors.ts';

/** The customer metrics a scorecard can weigh (the ones organisations tie pay to). */
export const SCORECARD_METRICS = ['nps', 'csat', 'resolution', 'timeToClose', 'empathy', 'retention'] as const;
export type ScorecardMetric = (typeof SCORECARD_METRICS)[number];

/** Who a scorecard is about. */
export const SCORECARD_SUBJECTS = ['team', 'agent'] as const;
export type ScorecardSubject = (typeof SCORECARD_SUBJECTS)[number];

/**
 * Default weights: the survey scores first (what pay plans usually use), then resolution and reply
 * empathy (what the team controls in the conversation), then speed and retention. They sum to 1;
 * every workspace should set its own, and the scorecard always shows the weights it used.
 */
export const DEFAULT_WEIGHTS: Readonly<Record<ScorecardMetric, number>> = {
  nps: 0.25, csat: 0.25, resolution: 0.2, empathy: 0.1, timeToClose: 0.1, retention: 0.1,
};

/**
 * Fewest observations a figure needs before it may count towards a rank. 30 is the usual floor for a
 * normal approximation of a proportion, and the floor most pay-for-performance plans quote; a
 * team's CSAT on 12 answers moves by ±25 points from one week to the next.
 */
export const DEFAULT_MIN_SAMPLE = 30;

/** Time-to-close score: 100 at or under this median, then target ÷ median (48 h → 50). */
export const TIME_TO_CLOSE_TARGET_HOURS = 24;

/** A scorecard's settings, validated. */
export interface ScorecardConfig {
  by: ScorecardSubject;
  /** Normalised to sum to 1; metrics left out weigh 0. */
  weights: Record<ScorecardMetric, number>;
  minSample: number;
}

/**
 * Parses "nps=0.4,csat=0.3,…": every key must be a metric, every weight a number ≥ 0, and at least
 * one above 0. Metrics not named weigh 0 (an explicit plan, not a silent mix with the defaults).
 * Weights are normalised to sum to 1.
 */
export function parseWeights(spec: string | undefined): Record<ScorecardMetric, number> {
  if (spec === undefined || spec.trim() === '') return { ...DEFAULT_WEIGHTS };
  const out = Object.fromEntries(SCORECARD_METRICS.map((m) => [m, 0])) as Record<ScorecardMetric, number>;
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim();
    const raw = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (!(SCORECARD_METRICS as readonly string[]).includes(key)) {
      throw new UsageError(`Unknown weight "${key}". Use any of: ${SCORECARD_METRICS.join(', ')} (e.g. nps=0.4,csat=0.3,resolution=0.3).`, { parameter: 'weights', allowed: SCORECARD_METRICS });
    }
    const w = Number(raw);
    if (raw === '' || !Number.isFinite(w) || w < 0) {
      throw new UsageError(`Weight "${part}" needs a number of 0 or more after "=" (e.g. ${key}=0.3).`, { parameter: 'weights' });
    }
    out[key as ScorecardMetric] = w;
  }
  const total = SCORECARD_METRICS.reduce((s, m) => s + out[m], 0);
  if (total <= 0) throw new UsageError('At least one weight must be above 0 (e.g. nps=1).', { parameter: 'weights' });
  for (const m of SCORECARD_METRICS) out[m] = out[m] / total;
  return out;
}

/** Parses the minimum sample: a whole number of 1 or more. */
export function parseMinSample(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_MIN_SAMPLE;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new UsageError(`The minimum sample must be a whole number of 1 or more, not "${value}" (e.g. 30).`, { parameter: 'min' });
  }
  return n;
}

/** Parses team|agent. */
export function parseSubject(value: string | undefined): ScorecardSubject {
  if (value === undefined || value === '') return 'team';
  if ((SCORECARD_SUBJECTS as readonly string[]).includes(value)) return value as ScorecardSubject;
  throw new UsageError(`Scorecards are by team or by agent, not "${value}".`, { parameter: 'by', allowed: SCORECARD_SUBJECTS });
}
