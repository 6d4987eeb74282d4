import type { MessageFact, SurveyFact } from '../core/facts.ts';
import type { Emotion } from '../core/labels.ts';
import type { BrandProfile } from './types.ts';
import { ScoreTally } from './scores.ts';
import { labelOf } from './i18n.ts';
import { countLabelsOnce } from './count-labels.ts';
import { meanInterval, round } from './stats/intervals.ts';

interface Tally {
  messages: number;
  analysed: number;
  sentiment: { negative: number; neutral: number; positive: number };
  themes: Map<string, number>;
  emotions: Map<Emotion, number>;
  tally: ScoreTally;
  stars: { n: number; sum: number; sumSq: number };
}

const top = <K extends string>(m: Map<K, number>, n: number) =>
  [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n);

/**
 * Brands side by side (own brand and competitors, as tagged at ingestion): star ratings (CSAT answers
 * given on the review channel, mean with t-interval), CSAT and NPS, sentiment shares, top themes and
 * emotions — the same figures for each so they compare directly.
 */
export function computeCompetitors(messages: readonly MessageFact[], surveys: readonly SurveyFact[]): BrandProfile[] {
  const brands = new Map<string, Tally>();
  const get = (b: string) => {
    let t = brands.get(b);
    if (!t) {
      t = { messages: 0, analysed: 0, sentiment: { negative: 0, neutral: 0, positive: 0 }, themes: new Map(), emotions: new Map(), tally: new ScoreTally(), stars: { n: 0, sum: 0, sumSq: 0 } };
      brands.set(b, t);
    }
    return t;
  };
  for (const m of messages) {
    if (m.role !== 'customer' || !m.brand) continue;
    const t = get(m.brand);
    t.messages++;
    const a = m.analysis;
    if (!a) continue;
    t.analysed++;
    t.sentiment[a.sentiment.label]++;
    countLabelsOnce(t.themes, a.themes);
    countLabelsOnce(t.emotions, a.emotions);
  }
  for (const s of surveys) {
    if (!s.brand) continue;
    const t = get(s.brand);
    t.tally.add(s);
    if (s.kind === 'csat' && s.channel === 'review') {
      t.stars.n++;
      t.stars.sum += s.score;
      t.stars.sumSq += s.score * s.score;
    }
  }
  return [...brands.entries()]
    .map(([brand, t]) => {
      const st = meanInterval(t.stars.sum, t.stars.sumSq, t.stars.n);
      const sh = (x: number) => (t.analysed === 0 ? 0 : round(x / t.analysed, 3));
      return {
        brand,
        messages: t.messages,
        stars: {
          mean: st.mean === null ? null : round(st.mean, 2),
          responses: t.stars.n,
          ci: st.ci && { low: round(Math.max(1, st.ci.low), 2), high: round(Math.min(5, st.ci.high), 2) },
        },
        csat: t.tally.csat(),
        nps: t.tally.nps(),
        sentiment: { negative: sh(t.sentiment.negative), neutral: sh(t.sentiment.neutral), positive: sh(t.sentiment.positive) },
        negativeShare: t.analysed === 0 ? null : sh(t.sentiment.negative),
        topThemes: top(t.themes, 5).map(([label, count]) => ({ label, name: labelOf('themes', label), count, share: sh(count) })),
        topEmotions: top(t.emotions, 5).map(([label, count]) => ({ label, name: labelOf('emotions', label), count, share: sh(count) })),
      };
    })
    .sort((a, b) => b.messages - a.messages || a.brand.localeCompare(b.brand));
}
