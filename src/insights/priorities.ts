import type { Driver, Insights, ThemeStat } from './types.ts';

/**
 * What to act on first, shared by the dashboard's overview, the terminal summary and the reports, so
 * every surface names the same priorities.
 */

/** How many items a priority list holds by default (the Overview shows five). */
export const OVERVIEW_TOP = 5;

/**
 * "What to fix first": causes a team can own — themes, journey stages and discovered themes — ranked
 * by their impact on bad outcomes (prevalence × effect, one scale for all), from the detractor report,
 * then from low CSAT for causes not already listed. Emotions are not causes (no team owns "anger"):
 * they are shown inside each cause (`Driver.emotions`), as what it makes customers feel. A discovered
 * theme that merely repeats a built-in theme (`sameAs`) is left out, so its conversations count once.
 */
export function fixFirst(insights: Insights, limit = OVERVIEW_TOP): (Driver & { outcome: string })[] {
  const seen = new Set<string>();
  const ranked: (Driver & { outcome: string })[] = [];
  for (const report of [insights.drivers.detractors, insights.drivers.lowCsat]) {
    for (const d of [...report.drivers, ...(report.discovered ?? [])]) {
      const key = `${d.kind}:${d.label}`;
      if (d.kind === 'emotion' || d.sameAs || seen.has(key) || d.impact <= 0) continue;
      seen.add(key);
      ranked.push({ ...d, outcome: report.outcome });
    }
  }
  return ranked.sort((a, b) => Number(b.significant) - Number(a.significant) || b.impact - a.impact).slice(0, limit);
}

/** Themes ranked by negative volume (messages × negative share): where customers hurt most. */
export function topPains(insights: Insights, limit = OVERVIEW_TOP): ThemeStat[] {
  const negative = (t: ThemeStat): number => t.messages * (t.negativeShare ?? 0);
  return [...insights.themes].sort((a, b) => negative(b) - negative(a)).slice(0, limit);
}

