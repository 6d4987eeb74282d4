import { CHANNELS, EMOTIONS, NEEDS, NEGATIVE_EMOTIONS, THEMES, type Channel, type Emotion, type Need } from '../core/labels.ts';
import type { Persona } from './types.ts';
import type { CustomerProfile } from './customer-profiles.ts';
import { topKey } from './customer-profiles.ts';
import { dist2, kmeans, type KMeansResult } from './stats/kmeans.ts';
import type { PersonasMemo } from './persona-fit.ts';
import { labelOf } from '../core/label-names.ts';
import { personaName } from './persona-names.ts';
import { QuotePicker } from './verbatims.ts';
import { round } from './stats/intervals.ts';

const EMOTION_GROUPS: Emotion[][] = [
  ['anger', 'frustration', 'disgust'],
  ['anxiety', 'confusion'],
  ['disappointment', 'sadness'],
  ['joy', 'gratitude', 'relief', 'trust'],
];
const NEG = new Set<Emotion>(NEGATIVE_EMOTIONS);
const SAMPLE = 8_000;

/** Customer → vector: shares of messages per need, theme and emotion group; channel and segment one-hot (half weight). */
function vectorOf(p: CustomerProfile, segments: string[]): Float64Array {
  const v: number[] = [];
  const n = Math.max(1, p.analysed);
  for (const need of NEEDS) v.push((p.needs.get(need) ?? 0) / n);
  for (const t of THEMES) v.push((p.themes.get(t) ?? 0) / n);
  for (const g of EMOTION_GROUPS) v.push(Math.min(1, g.reduce((s, e) => s + (p.emotions.get(e) ?? 0), 0) / n));
  const ch = topKey(p.channels);
  for (const c of CHANNELS) v.push(c === ch ? 0.5 : 0);
  for (const s of segments) v.push(s === p.segment ? 0.5 : 0);
  return Float64Array.from(v);
}

/**
 * Personas: customers grouped by what they need, what they talk about, how they feel, where they
 * write from and who they are. Seeded k-means on profile vectors (stats/kmeans.ts), k chosen in 3–6
 * by the best simplified silhouette, fitted on `fitOn` (sorted by customer id; the server passes
 * customersBeforeNewestDay's, persona-fit.ts), else on every customer — a deterministic sample of at
 * most 8 000 —, then every customer is assigned to the nearest centroid. Fewer than 6 analysed
 * customers give none. `memo`, held by a caller that computes again after every change, keeps the fit
 * while its sample is the same customers with the same vectors (the output is the same without it).
 */
export function computePersonas(
  profiles: Iterable<CustomerProfile>, options: { seed?: number; memo?: PersonasMemo; fitOn?: readonly CustomerProfile[] | null } = {},
): Persona[] {
  const { seed = 42, memo } = options;
  const people = [...profiles].filter((p) => p.analysed > 0).sort((a, b) => a.customerId.localeCompare(b.customerId));
  if (people.length < 6) return [];
  const fitted = options.fitOn ?? people;
  const segCounts = new Map<string, number>();
  for (const p of fitted) if (p.segment) segCounts.set(p.segment, (segCounts.get(p.segment) ?? 0) + 1);
  const segments = [...segCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 8).map(([s]) => s);
  const segKey = segments.join('\u0000');
  const vector = (p: CustomerProfile) => (memo ? memo.vector(p, segKey, () => vectorOf(p, segments)) : vectorOf(p, segments));
  const step = Math.max(1, Math.ceil(fitted.length / SAMPLE));
  const sample = fitted.filter((_, i) => i % step === 0);
  const points = sample.map(vector);
  const best = memo ? memo.fit(seed, sample.map((p) => p.customerId), points, () => bestFit(points, seed)) : bestFit(points, seed);
  if (!best) return [];
  const members: CustomerProfile[][] = best.centroids.map(() => []);
  for (const p of people) {
    const pt = vector(p);
    let bi = 0, bd = Infinity;
    best.centroids.forEach((c, ci) => {
      const d = dist2(pt, c);
      if (d < bd) { bd = d; bi = ci; }
    });
    members[bi].push(p);
  }

  const personas = members
    .filter((m) => m.length > 0)
    .sort((a, b) => b.length - a.length || a[0].customerId.localeCompare(b[0].customerId))
    .map((group, i) => describe(group, people.length, i));
  // Same need, segment and theme: tell them apart by channel, then by number.
  const uses = new Map<string, number>();
  for (const p of personas) uses.set(p.name.en, (uses.get(p.name.en) ?? 0) + 1);
  for (const p of personas) {
    if (uses.get(p.name.en)! > 1 && p.channel) {
      const ch = labelOf('channels', p.channel);
      p.name = { fr: `${p.name.fr} (${ch.fr.toLowerCase()})`, en: `${p.name.en} (${ch.en.toLowerCase()})` };
    }
  }
  const seen = new Map<string, number>();
  for (const p of personas) {
    const n = (seen.get(p.name.en) ?? 0) + 1;
    seen.set(p.name.en, n);
    if (n > 1) p.name = { fr: `${p.name.fr} ${n}`, en: `${p.name.en} ${n}` };
  }
  return personas;
}

/** The k in 3–6 whose k-means reads the best simplified silhouette on `sample`, or null if too few points. */
function bestFit(sample: Float64Array[], seed: number): KMeansResult | null {
  let best: KMeansResult | null = null;
  for (let k = 3; k <= Math.min(6, Math.floor(sample.length / 2)); k++) {
    const r = kmeans(sample, k, seed);
    if (!best || r.silhouette > best.silhouette + 1e-9) best = r;
  }
  return best;
}

/** How many of a group's customers have each key of `keysOf` (one pass, each key once a customer). */
function holders<K>(group: CustomerProfile[], keysOf: (p: CustomerProfile) => Iterable<K>): Map<K, number> {
  const out = new Map<K, number>();
  for (const p of group) for (const key of keysOf(p)) out.set(key, (out.get(key) ?? 0) + 1);
  return out;
}

function describe(group: CustomerProfile[], total: number, index: number): Persona {
  // Shares of the customers who have each need, theme and emotion: one counting pass per kind of label.
  const share = (counts: Map<string, number>, key: string): number => round((counts.get(key) ?? 0) / group.length, 3);
  const needs = holders(group, (p) => p.needs.keys());
  const goals = NEEDS.map((need) => ({ need, label: labelOf('needs', need), share: share(needs, need) }))
    .filter((g) => g.share >= 0.2).sort((a, b) => b.share - a.share).slice(0, 3);
  const themeCounts = holders(group, (p) => p.themes.keys());
  const themes = [...themeCounts.keys()].map((t) => ({ kind: 'theme' as const, label: t, name: labelOf('themes', t), share: share(themeCounts, t) }))
    .filter((t) => t.share >= 0.15).sort((a, b) => b.share - a.share || a.label.localeCompare(b.label)).slice(0, 3);
  const emotionCounts = holders(group, (p) => p.emotions.keys());
  const emotions = EMOTIONS.map((emotion) => ({ emotion, share: share(emotionCounts, emotion) }))
    .filter((e) => e.share > 0).sort((a, b) => b.share - a.share || a.emotion.localeCompare(b.emotion)).slice(0, 4);
  const negEmotions = emotions.filter((e) => NEG.has(e.emotion) && e.share >= 0.15).slice(0, 2)
    .map((e) => ({ kind: 'emotion' as const, label: e.emotion, name: labelOf('emotions', e.emotion), share: e.share }));
  const segCounts = new Map<string, number>();
  const chCounts = new Map<Channel, number>();
  let neg = 0, pos = 0;
  for (const p of group) {
    if (p.segment) segCounts.set(p.segment, (segCounts.get(p.segment) ?? 0) + 1);
    const ch = topKey(p.channels);
    if (ch) chCounts.set(ch, (chCounts.get(ch) ?? 0) + 1);
    neg += p.negative / Math.max(1, p.analysed);
    pos += p.positive / Math.max(1, p.analysed);
  }
  const seg = topKey(segCounts);
  const segment = seg && segCounts.get(seg)! / group.length >= 0.5 ? seg : null;
  const content = pos > neg && themes.length === 0;
  const topNeed: Need | null = goals[0]?.need ?? null;
  const quotes = new QuotePicker(3);
  for (const p of group) if (p.quote && quotes.wants(p.quote.score)) quotes.offer(p.quote.fact, p.quote.score);
  return {
    id: `persona-${index + 1}`,
    name: personaName(topNeed, segment, themes[0]?.label ?? null, content),
    size: group.length,
    share: round(group.length / total, 3),
    segment,
    channel: topKey(chCounts),
    goals,
    frustrations: [...themes, ...negEmotions],
    emotions,
    quotes: quotes.result(),
    customerIds: group.map((p) => p.customerId).slice(0, 1000),
  };
}
