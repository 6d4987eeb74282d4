/**
 * Journey stage (GUIDELINES.md "stage"): where the issue, or the praised moment, arises. Stage cues
 * vote, themes add priors (a disputed charge is billing, a hold time is support), and `usage` is the
 * default for a message about the service. `null` only when the message names nothing at all.
 * The evidence is what made the stage win: its first cue, else the theme or grievance that implied
 * it; a default `usage` points at what the message is about (its reason, else its first clause).
 */
import { STAGES, type SentimentLabel, type Stage, type Theme } from '../../core/labels.ts';
import { phraseAround } from './phrase.ts';
import { hits, type CxScan } from './scan.ts';

/** What the stage rule reads besides the scan. */
export interface StageFacts {
  sentiment: SentimentLabel;
  themes: readonly Theme[];
  question: boolean;
  emotionCount: number;
  /** The evidence span of each theme found, for a stage a theme implies. */
  themeEvidence: ReadonlyMap<Theme, string>;
  /**
   * What the message is about (its reason, else its first clause): a default stage's evidence.
   * Called only when no cue or theme gave the stage one.
   */
  about: () => string | null;
}

/** A journey stage finding: confidence in [0, 1] and the verbatim span that shows it. */
export interface StageFinding {
  label: Stage;
  score: number;
  evidence: string | null;
}

/** The stage with a confidence in [0, 1] and its evidence, or null. */
export function detectStage(scan: CxScan, f: StageFacts): StageFinding | null {
  const score = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  // The first thing that voted for each stage: a cue phrase outranks a theme prior, which is added after.
  const why = new Map<Stage, string>();
  const vote = (s: Stage, points: number, evidence: string | null | undefined) => {
    score[s] += points;
    if (evidence && !why.has(s)) why.set(s, evidence);
  };
  let cues = 0;
  for (const s of STAGES) {
    const found = hits(scan, `stage:${s}`);
    const n = new Set(found.map((m) => m.from)).size;
    if (n > 0) vote(s, 0.5 + 0.2 * Math.min(n - 1, 3), phraseAround(scan, found[0]).text);
    cues += n;
  }
  const has = (t: Theme): boolean => f.themes.includes(t);
  const top = f.themes[0];
  const themeVote = (s: Stage, points: number, t: Theme | undefined) => vote(s, points, t && f.themeEvidence.get(t));
  // A complaint mainly about money is billing, one about the contact itself is support.
  if (top === 'billing' && f.sentiment !== 'positive') themeVote('billing', 0.5, 'billing');
  else if (has('billing') && f.sentiment === 'negative') themeVote('billing', 0.25, 'billing');
  if (top === 'wait_time' || (has('wait_time') && has('unresolved'))) themeVote('support', 0.4, 'wait_time');
  if (has('booking')) themeVote('purchase', 0.3, 'booking');
  if (top === 'technical' || top === 'delay' || top === 'cancellation' || top === 'product_quality') themeVote('usage', 0.3, top);
  if (has('lost_or_damaged')) themeVote('delivery', 0.2, 'lost_or_damaged');
  // GUIDELINES: "renewal: price or terms changed at renewal" — a promo ending, the loyalty penalty
  // ("new customers pay less").
  const unfair = hits(scan, 'unfair');
  if (unfair.length > 0) vote('renewal', 0.6, phraseAround(scan, unfair[0]).text);
  // Questions before buying: discover only when nothing shows an existing relationship.
  if (f.question && f.sentiment === 'neutral' && score.discover > 0) score.discover += 0.4;
  if (!f.question) score.discover = Math.min(score.discover, 0.3);
  // The customer terminating is its own stage, and beats the prior of any theme.
  if (score.cancellation > 0) score.cancellation += 0.6;
  const best = STAGES.reduce((a, b) => (score[b] > score[a] ? b : a));
  if (score[best] <= 0) {
    if (cues === 0 && f.themes.length === 0 && f.emotionCount === 0 && !f.question) return null;
    return { label: 'usage', score: 0.3, evidence: f.about() };
  }
  // Usage wins ties: it is where most messages live.
  const label = score.usage >= score[best] ? 'usage' : best;
  return { label, score: Math.min(1, Math.round((0.3 + score[label] / 2) * 100) / 100), evidence: why.get(label) ?? f.about() };
}
