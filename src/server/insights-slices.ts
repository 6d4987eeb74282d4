import { MIN_CORRELATION_PAIRS } from '../insights/stats/correlation.ts';
import { fixFirst, OVERVIEW_TOP, topPains } from '../insights/priorities.ts';
import type { Insights } from '../insights/types.ts';

/**
 * The views the dashboard asks for, each a slice of the cached Insights. Pure functions of Insights,
 * so a page costs one cached lookup plus JSON encoding, whatever the data size.
 */

/** GET /api/overview: headline scores, trends and what to fix first. */
export function overviewSlice(insights: Insights) {
  return {
    generatedAt: insights.generatedAt,
    language: insights.language,
    period: insights.period,
    nps: insights.nps,
    csat: insights.csat,
    ces: insights.ces,
    messages: insights.messages,
    customers: insights.customers,
    trend: insights.scores.trend,
    byWeek: insights.scores.byWeek,
    byChannel: insights.scores.byChannel,
    fixFirst: fixFirst(insights),
    topPains: topPains(insights).map(({ verbatims, weekly, ...rest }) => ({ ...rest, verbatim: verbatims[0] ?? null })),
    spikes: insights.spikes.slice(0, OVERVIEW_TOP),
    journey: insights.journey.stages.map((s) => ({
      stage: s.stage,
      messages: s.messages,
      dominantEmotion: s.dominantEmotion,
      negativeShare: s.negativeShare,
      status: s.status,
    })),
  };
}

/** GET /api/journey: the journey emotion map. */
export function journeySlice(insights: Insights) {
  return insights.journey;
}

/** GET /api/themes: theme statistics, key drivers and discovered themes. */
export function themesSlice(insights: Insights) {
  return { themes: insights.themes, drivers: insights.drivers, discoveredThemes: insights.discoveredThemes };
}

/** GET /api/personas: the personas. */
export function personasSlice(insights: Insights) {
  return { personas: insights.personas };
}

/** GET /api/risk: customers at risk, with the customer total for context. */
export function riskSlice(insights: Insights) {
  return { ...insights.atRisk, customersTotal: insights.customers.total };
}

/** GET /api/competitors: brand profiles and scores by brand. */
export function competitorsSlice(insights: Insights) {
  return { brands: insights.competitors, byBrand: insights.scores.byBrand };
}

/** GET /api/spikes: every unusual weekly spike. */
export function spikesSlice(insights: Insights) {
  return { spikes: insights.spikes };
}

/**
 * GET /api/ex-cx: the employee-experience to customer-experience link, with the fewest teams a
 * correlation is computed over (so the dashboard explains a null r without its own copy of the rule).
 */
export function exCxSlice(insights: Insights) {
  return { ...insights.exCx, minTeams: MIN_CORRELATION_PAIRS };
}

/**
 * GET /api/filter-options: the values the dashboard's filter bar offers, drawn from the data (teams,
 * segments, channels, brands including competitors, languages), each list most frequent first.
 */
export function filterOptionsSlice(insights: Insights) {
  const keys = (groups: { key: string }[]) => groups.map((g) => g.key);
  const byCount = (counts: Record<string, number>) =>
    Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
  const s = insights.scores;
  return {
    teams: keys(s.byTeam),
    segments: keys(s.bySegment),
    // Own channels, then review sites when competitors are known (their facts come from public reviews).
    channels: [...new Set([...byCount(insights.messages.byChannel), ...keys(s.byChannel), ...(insights.competitors.some((b) => !b.own) ? ['review'] : [])])],
    brands: [...new Set([...keys(s.byBrand), ...insights.competitors.filter((b) => !b.own).map((b) => b.brand)])],
    // Messages with no language detected are counted as "unknown", which is not a filter value.
    languages: byCount(insights.messages.byLanguage).filter((l) => /^[a-z]{2,3}$/.test(l)),
  };
}
