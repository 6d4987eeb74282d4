import type { MessageFact, SurveyFact } from '../core/facts.ts';
import type { Emotion } from '../core/labels.ts';
import type { BrandProfile } from './types.ts';
import { ScoreTally } from './scores.ts';
import { labelOf, OWN_BRAND, type Lang } from '../core/label-names.ts';
import { brandKey, isOwnBrand, resolveOwnBrand, type OwnBrand } from './own-brand.ts';
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

const newTally = (): Tally => ({
  messages: 0, analysed: 0, sentiment: { negative: 0, neutral: 0, positive: 0 }, themes: new Map(), emotions: new Map(),
  tally: new ScoreTally(), stars: { n: 0, sum: 0, sumSq: 0 },
});

/**
 * The own brand side by side with each competitor brand: star ratings (CSAT answers given on the
 * review channel, mean with t-interval), CSAT and NPS, sentiment shares, top themes and emotions —
 * the same figures for each so they compare directly. The own line covers ALL own facts (untagged
 * ones included, see own-brand.ts), labelled with the own brand's name or "Nous"/"Us" in `lang`;
 * competitors are grouped case- and accent-insensitively under the first spelling seen. Own first,
 * then competitors by volume. Empty when there is no competitor to compare with.
 */
export function computeCompetitors(
  messages: readonly MessageFact[],
  surveys: readonly SurveyFact[],
  own: OwnBrand = resolveOwnBrand(messages, surveys),
  lang: Lang = 'fr',
): BrandProfile[] {
  const ownTally = newTally();
  const brands = new Map<string, { name: string; t: Tally }>();
  const get = (brand: string | null): Tally => {
    if (isOwnBrand(brand, own)) return ownTally;
    const key = brandKey(brand!);
    let b = brands.get(key);
    if (!b) brands.set(key, (b = { name: brand!.trim(), t: newTally() }));
    return b.t;
  };
  for (const m of messages) {
    if (m.role !== 'customer') continue;
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
    const t = get(s.brand);
    t.tally.add(s);
    if (s.kind === 'csat' && s.channel === 'review') {
      t.stars.n++;
      t.stars.sum += s.score;
      t.stars.sumSq += s.score * s.score;
    }
  }
  if (brands.size === 0) return [];
  const competitors = [...brands.values()]
    .map(({ name, t }) => profile(name, false, t))
    .sort((a, b) => b.messages - a.messages || a.brand.localeCompare(b.brand));
  return [profile(own.name ?? OWN_BRAND[lang], true, ownTally), ...competitors];
}

function profile(brand: string, own: boolean, t: Tally): BrandProfile {
  const st = meanInterval(t.stars.sum, t.stars.sumSq, t.stars.n);
  const sh = (x: number) => (t.analysed === 0 ? 0 : round(x / t.analysed, 3));
  return {
    brand,
    own,
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
}
