/**
 * Spike detection for a rule: is a theme or emotion far above its baseline right now? The window
 * ending at `now` is counted against the mean of the `baselineWindows` windows before it (the
 * baseline has a floor of 0.5, as in src/insights/spikes.ts, so a brand-new issue can still spike).
 * It fires when the count reaches both `minCount` and `factor` × baseline. Pure: the facts (the
 * rule's other conditions already applied) and the time are passed in.
 */
import type { SpikeCondition } from '../../core/alert-rule.ts';
import { parseDuration } from '../../core/duration.ts';
import type { MessageFact } from '../../core/facts.ts';

/** The floor of the baseline: a label never seen before needs more than a couple of messages. */
const BASELINE_FLOOR = 0.5;

/** The counting period of a spike condition at `now`: the window and its baseline before it. */
export interface SpikePeriod {
  /** Start of the first baseline window (inclusive). */
  from: Date;
  /** Start of the counted window (inclusive). */
  windowStart: Date;
  /** `now` (exclusive). */
  to: Date;
  windowMs: number;
  /**
   * Start of the fixed window-sized bucket `now` falls in, as ISO text: the part of the deliveries'
   * idempotency keys that stops a schedule running every few minutes from enqueuing twice per window.
   */
  bucket: string;
}

/** A spike found, with the messages that make it (newest first, at most three). */
export interface SpikeFinding {
  kind: 'theme' | 'emotion';
  label: string;
  count: number;
  /** Mean count per window over the baseline windows. */
  baseline: number;
  /** count ÷ max(baseline, 0.5). */
  ratio: number;
  period: SpikePeriod;
  examples: MessageFact[];
}

/** The period a spike condition counts at `now`. */
export function spikePeriod(spike: SpikeCondition, now: Date): SpikePeriod {
  const windowMs = parseDuration(spike.window)!;
  const to = now.getTime();
  const windowStart = to - windowMs;
  return {
    from: new Date(windowStart - spike.baselineWindows * windowMs),
    windowStart: new Date(windowStart),
    to: now,
    windowMs,
    bucket: new Date(Math.floor(to / windowMs) * windowMs).toISOString(),
  };
}

/** Whether a message carries the watched label (once per message). */
function carries(m: MessageFact, spike: SpikeCondition): boolean {
  const a = m.analysis;
  if (m.role !== 'customer' || !a) return false;
  const found = spike.kind === 'theme' ? a.themes : a.emotions;
  return found.some((f) => f.label === spike.label);
}

/**
 * Counts the watched label per window over `facts` (any order; those outside the period are
 * ignored) and returns the spike, or null when the window is not far enough above its baseline.
 */
export function detectRuleSpike(spike: SpikeCondition, facts: readonly MessageFact[], now: Date): SpikeFinding | null {
  const period = spikePeriod(spike, now);
  const from = period.from.getTime();
  const start = period.windowStart.getTime();
  const to = period.to.getTime();
  let count = 0;
  let before = 0;
  const inWindow: MessageFact[] = [];
  for (const m of facts) {
    const t = m.at.getTime();
    if (t < from || t >= to || !carries(m, spike)) continue;
    if (t >= start) {
      count++;
      inWindow.push(m);
    } else before++;
  }
  const baseline = before / spike.baselineWindows;
  const lambda = Math.max(baseline, BASELINE_FLOOR);
  if (count < spike.minCount || count < spike.factor * lambda) return null;
  const examples = inWindow.sort((x, y) => y.at.getTime() - x.at.getTime() || y.messageId.localeCompare(x.messageId)).slice(0, 3);
  return {
    kind: spike.kind,
    label: spike.label,
    count,
    baseline: Math.round(baseline * 100) / 100,
    ratio: Math.round((count / lambda) * 100) / 100,
    period,
    examples,
  };
}
