/**
 * Journey stage (GUIDELINES.md "stage"): where the issue, or the praised moment, arises. Stage cues
 * vote, themes add priors (a disputed charge is billing, a hold time is support), and `usage` is the
 * default for a message about the service. `null` only when the message names nothing at all.
 */
import { STAGES, type SentimentLabel, type Stage, type Theme } from '../../core/labels.ts';
import { hits, type CxScan } from './scan.ts';

/** What the stage rule reads besides the scan. */
export interface StageFacts {
  sentiment: SentimentLabel;
  themes: readonly Theme[];
  question: boolean;
  emotionCount: number;
}

/** The stage with a confidence in [0, 1], or null. */
export function detectStage(scan: CxScan, f: StageFacts): { label: Stage; score: number } | null {
  const score = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  let cues = 0;
  for (const s of STAGES) {
    const n = new Set(hits(scan, `stage:${s}`).map((m) => m.from)).size;
    score[s] += n === 0 ? 0 : 0.5 + 0.2 * Math.min(n - 1, 3);
    cues += n;
  }
  const has = (t: Theme): boolean => f.themes.includes(t);
  const top = f.themes[0];
  // A complaint mainly about money is billing, one about the contact itself is support.
  if (top === 'billing' && f.sentiment !== 'positive') score.billing += 0.5;
  else if (has('billing') && f.sentiment === 'negative') score.billing += 0.25;
  if (top === 'wait_time' || (has('wait_time') && has('unresolved'))) score.support += 0.4;
  if (has('booking')) score.purchase += 0.3;
  if (top === 'technical' || top === 'delay' || top === 'cancellation' || top === 'product_quality') score.usage += 0.3;
  if (has('lost_or_damaged')) score.delivery += 0.2;
  // GUIDELINES: "renewal: price or terms changed at renewal" — a promo ending, the loyalty penalty
  // ("new customers pay less").
  if (hits(scan, 'unfair').length > 0) score.renewal += 0.6;
  // Questions before buying: discover only when nothing shows an existing relationship.
  if (f.question && f.sentiment === 'neutral' && score.discover > 0) score.discover += 0.4;
  if (!f.question) score.discover = Math.min(score.discover, 0.3);
  // The customer terminating is its own stage, and beats the prior of any theme.
  if (score.cancellation > 0) score.cancellation += 0.6;
  const best = STAGES.reduce((a, b) => (score[b] > score[a] ? b : a));
  if (score[best] <= 0) {
    if (cues === 0 && f.themes.length === 0 && f.emotionCount === 0 && !f.question) return null;
    return { label: 'usage', score: 0.3 };
  }
  // Usage wins ties: it is where most messages live.
  const label = score.usage >= score[best] ? 'usage' : best;
  return { label, score: Math.min(1, Math.round((0.3 + score[label] / 2) * 100) / 100) };
}
