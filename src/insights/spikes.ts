import type { MessageFact } from '../core/facts.ts';
import type { Spike, Verbatim } from './types.ts';
import { labelOf } from '../core/label-names.ts';
import { weekIndex, weekLabel } from './iso-week.ts';
import { poissonUpperTail } from './stats/poisson.ts';
import { QuotePicker, quoteScore } from './verbatims.ts';
import { round } from './stats/intervals.ts';
import { FactorKeys } from './factor-keys.ts';

/** Thresholds of spike detection. */
export interface SpikeOptions {
  /** Weeks of history forming the baseline (mean weekly count). */
  baselineWeeks?: number;
  /** Weeks of history needed before a week can spike. */
  minHistory?: number;
  /** Smallest weekly count worth an alert. */
  minCount?: number;
  /** Poisson tail probability below which a count is a spike. */
  alpha?: number;
}

/** The weekly series of every theme and emotion over some messages (all of them, or one day's: day-memo.ts). */
export interface SpikeTally {
  series: Map<string, Map<number, number>>;
  first: number;
  last: number;
  /** Only in day tallies: the best example of each key that day, so a spike's example needs no pass over the messages. */
  examples?: Map<string, QuotePicker>;
  /** Interned keys: a label's key string is built once per tally, not once per finding. */
  keys: FactorKeys;
}

/** An empty tally; `withExamples` keeps each key's best example (for day tallies). */
export function spikeTally(withExamples = false): SpikeTally {
  return { series: new Map(), first: Infinity, last: -Infinity, examples: withExamples ? new Map() : undefined, keys: new FactorKeys() };
}

/** Counts one message. */
export function tallySpikes(t: SpikeTally, m: MessageFact): void {
  const a = m.analysis;
  if (m.role !== 'customer' || !a) return;
  const w = weekIndex(m.at);
  if (w < t.first) t.first = w;
  if (w > t.last) t.last = w;
  // Count each label once per message (findings are few: a scan beats a Set).
  const add = (k: string, i: number, list: readonly { label: string }[]) => {
    for (let j = 0; j < i; j++) if (list[j].label === list[i].label) return;
    let s = t.series.get(k);
    if (!s) t.series.set(k, (s = new Map()));
    s.set(w, (s.get(w) ?? 0) + 1);
  };
  const keys = t.keys;
  a.themes.forEach((f, i, list) => add(keys.theme(f.label), i, list));
  a.emotions.forEach((e, i, list) => add(keys.emotion(e.label), i, list));
  if (t.examples) {
    for (const f of a.themes) offerExample(t.examples, keys.theme(f.label), m, f.score);
    for (const e of a.emotions) offerExample(t.examples, keys.emotion(e.label), m, e.score);
  }
}

function offerExample(pickers: Map<string, QuotePicker>, key: string, m: MessageFact, strength: number): void {
  let picker = pickers.get(key);
  if (!picker) pickers.set(key, (picker = new QuotePicker(1)));
  if (picker.wants(strength)) picker.offer(m, quoteScore(m.text, strength));
}

/** Adds `from`'s series into `into` (`from` is left as it is; examples stay with their day). */
export function mergeSpikes(into: SpikeTally, from: SpikeTally): void {
  into.first = Math.min(into.first, from.first);
  into.last = Math.max(into.last, from.last);
  for (const [key, fs] of from.series) {
    let s = into.series.get(key);
    if (!s) into.series.set(key, (s = new Map()));
    for (const [w, n] of fs) s.set(w, (s.get(w) ?? 0) + n);
  }
}

/** The best example of `key` among day tallies (the days of one week): merges their pickers. */
export function exampleOfDays(days: readonly SpikeTally[], key: string): Verbatim | null {
  const picker = new QuotePicker(1);
  for (const d of days) {
    const p = d.examples?.get(key);
    if (p) picker.mergeFrom(p);
  }
  return picker.result()[0] ?? null;
}

/**
 * Weekly spikes of a theme or emotion: a week's count is tested against a Poisson whose rate is the
 * mean of the previous weeks (zeros included; floor 0.5 so a brand-new issue can still spike), the
 * classic count-surveillance test (cf. Farrington et al., "A statistical algorithm for the early
 * detection of outbreaks of infectious disease", JRSS A 159, 1996, in its simplest form). A spike
 * needs at least `minCount` messages and twice the baseline, so small noise never pages anyone.
 */
export function detectSpikes(messages: readonly MessageFact[], options: SpikeOptions = {}): Spike[] {
  const t = spikeTally();
  for (const m of messages) tallySpikes(t, m);
  return finishSpikes(t, options, (found) => examplesByPass(messages, found));
}

/**
 * The spikes a tally gives. `examples` finds the example of each spiking (key, week): one more pass
 * over the messages (examplesByPass), or the day tallies' pickers (exampleOfDays).
 */
export function finishSpikes(t: SpikeTally, options: SpikeOptions, examples: (found: readonly { key: string; w: number }[]) => Map<string, Verbatim | null>): Spike[] {
  const baselineWeeks = options.baselineWeeks ?? 8;
  const minHistory = options.minHistory ?? 3;
  const minCount = options.minCount ?? 5;
  const alpha = options.alpha ?? 0.001;
  const { series, first, last } = t;
  const found: (Spike & { key: string; w: number })[] = [];
  for (const [key, s] of series) {
    const [kind, label] = key.split(':') as ['theme' | 'emotion', string];
    for (let w = first + minHistory; w <= last; w++) {
      const count = s.get(w) ?? 0;
      if (count < minCount) continue;
      const from = Math.max(first, w - baselineWeeks);
      let sum = 0;
      for (let b = from; b < w; b++) sum += s.get(b) ?? 0;
      const baseline = sum / (w - from);
      const lambda = Math.max(baseline, 0.5);
      const pValue = poissonUpperTail(count, lambda);
      if (pValue >= alpha || count < 2 * lambda) continue;
      found.push({
        key, w, kind, label,
        name: labelOf(kind === 'theme' ? 'themes' : 'emotions', label),
        week: weekLabel(w),
        count,
        baseline: round(baseline, 2),
        pValue: Number(pValue.toPrecision(3)),
        ratio: round(count / lambda, 2),
        severity: pValue < 1e-6 && count >= 3 * lambda ? 'high' : 'medium',
        example: null,
      });
    }
  }
  if (found.length > 0) {
    const picked = examples(found);
    for (const f of found) f.example = picked.get(`${f.key}@${f.w}`) ?? null;
  }
  return found
    .sort((a, b) => b.w - a.w || a.pValue - b.pValue || a.key.localeCompare(b.key))
    .map(({ key: _key, w: _w, ...spike }) => spike);
}

/** The example of each spiking (key, week), by one more pass over the messages of those weeks only. */
export function examplesByPass(messages: readonly MessageFact[], found: readonly { key: string; w: number }[]): Map<string, Verbatim | null> {
  // One tally with examples per spiking week, filled as a day's is (tallySpikes), then read as the
  // day tallies are (exampleOfDays).
  const weeks = new Map(found.map((f) => [f.w, spikeTally(true)]));
  for (const m of messages) {
    const t = weeks.get(weekIndex(m.at));
    if (t) tallySpikes(t, m);
  }
  return new Map(found.map((f) => [`${f.key}@${f.w}`, exampleOfDays([weeks.get(f.w)!], f.key)]));
}
