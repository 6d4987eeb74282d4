/**
 * Picks the week's drill scenarios from analysed customer messages. Seeded by the ISO week, so every
 * participant gets the same drill that week and the next week brings others; varied so one week does
 * not hold three angry customers asking for a refund. Texts were redacted at ingest.
 */
import { fnv1a } from '../../core/prng.ts';
import type { DrillScenario, DrillSource } from './drill-types.ts';

/** Shorter than this, there is too little to read feelings from ("ok thanks"). */
export const MIN_DRILL_CHARS = 80;
/** Longer than this, a drill becomes a reading test rather than an empathy exercise. */
export const MAX_DRILL_CHARS = 900;
/** Scenarios per week by default. */
export const DRILL_SIZE = 3;

/** True when a message makes a fair drill: a readable length and at least one emotion or need found. */
export function isDrillable(s: DrillSource): boolean {
  const n = s.text.trim().length;
  return n >= MIN_DRILL_CHARS && n <= MAX_DRILL_CHARS && (s.analysis.emotions.length > 0 || s.analysis.needs.length > 0);
}

/**
 * The week's scenarios: drillable messages in an order seeded by `week` (e.g. "2026-W49"), taken
 * greedily so each new one brings a strongest emotion and a strongest need not seen yet, as far as
 * the data allows. `language` keeps messages in that language when there are enough of them.
 */
export function pickDrillScenarios(sources: readonly DrillSource[], week: string, opts: { count?: number; language?: string } = {}): DrillScenario[] {
  const count = opts.count ?? DRILL_SIZE;
  let pool = sources.filter(isDrillable);
  if (opts.language) {
    const same = pool.filter((s) => s.language === opts.language);
    if (same.length >= count) pool = same;
  }
  const ordered = pool
    .map((s) => ({ s, key: fnv1a(`${week}:${s.messageId}`) }))
    .sort((a, b) => a.key - b.key || a.s.messageId.localeCompare(b.s.messageId))
    .map((x) => x.s);
  const picked: DrillSource[] = [];
  const emotions = new Set<string>();
  const needs = new Set<string>();
  const novelty = (s: DrillSource) => {
    const e = s.analysis.emotions[0]?.label;
    const n = s.analysis.needs[0]?.label;
    return (e !== undefined && !emotions.has(e) ? 1 : 0) + (n !== undefined && !needs.has(n) ? 1 : 0);
  };
  while (picked.length < count && picked.length < ordered.length) {
    let best: DrillSource | null = null;
    let bestNovelty = -1;
    for (const s of ordered) {
      if (picked.includes(s)) continue;
      const v = novelty(s);
      if (v > bestNovelty) { best = s; bestNovelty = v; }
      if (v === 2) break;
    }
    if (!best) break;
    picked.push(best);
    if (best.analysis.emotions[0]) emotions.add(best.analysis.emotions[0].label);
    if (best.analysis.needs[0]) needs.add(best.analysis.needs[0].label);
  }
  return picked.map(({ messageId, text, language, channel }) => ({ messageId, text, language, channel }));
}
