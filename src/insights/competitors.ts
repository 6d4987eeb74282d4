import type { MessageFact, SurveyFact } from '../core/facts.ts';
import type { Emotion } from '../core/labels.ts';
import type { BrandProfile } from './types.ts';
import { ScoreTally } from './scores.ts';
import { labelOf, OWN_BRAND, type Lang } from '../core/label-names.ts';
import { brandKey, isOwnKey, resolveOwnBrand, type OwnBrand } from './own-brand.ts';
import { countLabelsOnce } from './count-labels.ts';
import { meanInterval, round } from './stats/intervals.ts';
import { DayMemo } from './day-memo.ts';

interface Tally {
  messages: number;
  analysed: number;
  sentiment: { negative: number; neutral: number; positive: number };
  themes: Map<string, number>;
  emotions: Map<Emotion, number>;
  tally: ScoreTally;
  stars: { n: number; sum: number; sumSq: number };
}

/**
 * The tallies of some facts per brand key (brandKey; '' for untagged facts), each with the first
 * spelling seen of its brand. Counts and integer sums only, so tallies of separate days merge exactly.
 */
type BrandTallies = Map<string, { name: string; t: Tally }>;

const top = <K extends string>(m: Map<K, number>, n: number) =>
  [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n);

const newTally = (): Tally => ({
  messages: 0, analysed: 0, sentiment: { negative: 0, neutral: 0, positive: 0 }, themes: new Map(), emotions: new Map(),
  tally: new ScoreTally(), stars: { n: 0, sum: 0, sumSq: 0 },
});

function tallyOf(into: BrandTallies, brand: string | null): Tally {
  const key = brand === null ? '' : brandKey(brand);
  let b = into.get(key);
  if (!b) into.set(key, (b = { name: brand?.trim() ?? '', t: newTally() }));
  return b.t;
}

function tallyMessages(into: BrandTallies, messages: readonly MessageFact[]): BrandTallies {
  for (const m of messages) {
    if (m.role !== 'customer') continue;
    const t = tallyOf(into, m.brand);
    t.messages++;
    const a = m.analysis;
    if (!a) continue;
    t.analysed++;
    t.sentiment[a.sentiment.label]++;
    countLabelsOnce(t.themes, a.themes);
    countLabelsOnce(t.emotions, a.emotions);
  }
  return into;
}

function tallySurveys(into: BrandTallies, surveys: readonly SurveyFact[]): BrandTallies {
  for (const s of surveys) {
    const t = tallyOf(into, s.brand);
    t.tally.add(s);
    if (s.kind === 'csat' && s.channel === 'review') {
      t.stars.n++;
      t.stars.sum += s.score;
      t.stars.sumSq += s.score * s.score;
    }
  }
  return into;
}

const addCounts = <K>(into: Map<K, number>, from: ReadonlyMap<K, number>) => {
  for (const [k, n] of from) into.set(k, (into.get(k) ?? 0) + n);
};

function mergeTally(into: Tally, from: Tally): void {
  into.messages += from.messages;
  into.analysed += from.analysed;
  into.sentiment.negative += from.sentiment.negative;
  into.sentiment.neutral += from.sentiment.neutral;
  into.sentiment.positive += from.sentiment.positive;
  addCounts(into.themes, from.themes);
  addCounts(into.emotions, from.emotions);
  into.tally.merge(from.tally);
  into.stars.n += from.stars.n;
  into.stars.sum += from.stars.sum;
  into.stars.sumSq += from.stars.sumSq;
}

/** Adds later facts' tallies: a brand already present keeps its first spelling. */
function mergeBrands(into: BrandTallies, from: BrandTallies): void {
  for (const [key, b] of from) {
    let mine = into.get(key);
    if (!mine) into.set(key, (mine = { name: b.name, t: newTally() }));
    mergeTally(mine.t, b.t);
  }
}

/**
 * What a server keeps between computations of the competitors: each day's brand tallies of every
 * message and survey answer (own and competitors'), so a batch counts again only the days it touched
 * (day-memo.ts). The output is the same with or without it.
 */
export class CompetitorsMemo {
  readonly messages = new DayMemo<MessageFact, BrandTallies>();
  readonly surveys = new DayMemo<SurveyFact, BrandTallies>();
}

/**
 * The own brand side by side with each competitor brand: star ratings (CSAT answers given on the
 * review channel, mean with t-interval), CSAT and NPS, sentiment shares, top themes and emotions —
 * the same figures for each so they compare directly. The own line covers ALL own facts (untagged
 * ones included, see own-brand.ts), labelled with the own brand's name or "Nous"/"Us" in `lang`;
 * competitors are grouped case- and accent-insensitively under the first spelling seen (messages
 * first, then survey answers, each in time order). Own first, then competitors by volume. Empty when
 * there is no competitor to compare with. With `memo`, only the days whose facts changed since its
 * last computation are counted again.
 */
export function computeCompetitors(
  messages: readonly MessageFact[],
  surveys: readonly SurveyFact[],
  own: OwnBrand = resolveOwnBrand(messages, surveys),
  lang: Lang = 'fr',
  memo?: CompetitorsMemo,
): BrandProfile[] {
  const messageDays = memo?.messages.tallies(messages, (day) => tallyMessages(new Map(), day)) ?? null;
  const surveyDays = messageDays && memo ? memo.surveys.tallies(surveys, (day) => tallySurveys(new Map(), day)) : null;
  const all: BrandTallies = new Map();
  if (!messageDays || !surveyDays) {
    tallySurveys(tallyMessages(all, messages), surveys);
  } else {
    for (const { tally } of messageDays) mergeBrands(all, tally);
    for (const { tally } of surveyDays) mergeBrands(all, tally);
  }
  const ownTally = newTally();
  const competitors: BrandProfile[] = [];
  for (const [key, { name, t }] of all) {
    if (isOwnKey(key, own)) mergeTally(ownTally, t);
    else competitors.push(profile(name, false, t));
  }
  if (competitors.length === 0) return [];
  competitors.sort((a, b) => b.messages - a.messages || a.brand.localeCompare(b.brand));
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
