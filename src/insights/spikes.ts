import type { MessageFact } from '../core/facts.ts';
import type { Spike } from './types.ts';
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

/**
 * Weekly spikes of a theme or emotion: a week's count is tested against a Poisson whose rate is the
 * mean of the previous weeks (zeros included; floor 0.5 so a brand-new issue can still spike), the
 * classic count-surveillance test (cf. Farrington et al., "A statistical algorithm for the early
 * detection of outbreaks of infectious disease", JRSS A 159, 1996, in its simplest form). A spike
 * needs at least `minCount` messages and twice the baseline, so small noise never pages anyone.
 */
export function detectSpikes(messages: readonly MessageFact[], options: SpikeOptions = {}): Spike[] {
  const baselineWeeks = options.baselineWeeks ?? 8;
  const minHistory = options.minHistory ?? 3;
  const minCount = options.minCount ?? 5;
  const alpha = options.alpha ?? 0.001;
  const series = new Map<string, Map<number, number>>();
  const keys = new FactorKeys();
  let first = Infinity, last = -Infinity;
  for (const m of messages) {
    const a = m.analysis;
    if (m.role !== 'customer' || !a) continue;
    const w = weekIndex(m.at);
    if (w < first) first = w;
    if (w > last) last = w;
    // Count each label once per message (findings are few: a scan beats a Set).
    const add = (k: string, i: number, list: readonly { label: string }[]) => {
      for (let j = 0; j < i; j++) if (list[j].label === list[i].label) return;
      let s = series.get(k);
      if (!s) series.set(k, (s = new Map()));
      s.set(w, (s.get(w) ?? 0) + 1);
    };
    a.themes.forEach((t, i, list) => add(keys.theme(t.label), i, list));
    a.emotions.forEach((e, i, list) => add(keys.emotion(e.label), i, list));
  }
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
  // One more pass only over spiking (key, week) pairs to attach a readable example.
  if (found.length > 0) {
    const spikeWeeks = new Set(found.map((f) => f.w));
    const spikeKeys = new Set(found.map((f) => f.key));
    const pickers = new Map(found.map((f) => [`${f.key}@${f.w}`, new QuotePicker(1)]));
    for (const m of messages) {
      const a = m.analysis;
      if (m.role !== 'customer' || !a) continue;
      const w = weekIndex(m.at);
      if (!spikeWeeks.has(w)) continue;
      const offer = (key: string, strength: number) => {
        if (!spikeKeys.has(key)) return;
        const picker = pickers.get(`${key}@${w}`);
        if (picker?.wants(strength)) picker.offer(m, quoteScore(m.text, strength));
      };
      for (const t of a.themes) offer(keys.theme(t.label), t.score);
      for (const e of a.emotions) offer(keys.emotion(e.label), e.score);
    }
    for (const f of found) f.example = pickers.get(`${f.key}@${f.w}`)!.result()[0] ?? null;
  }
  return found
    .sort((a, b) => b.w - a.w || a.pValue - b.pValue || a.key.localeCompare(b.key))
    .map(({ key: _key, w: _w, ...spike }) => spike);
}
