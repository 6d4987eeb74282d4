import type { EmployeeFact } from '../core/facts.ts';
import type { TeamedSurvey } from './last-touch.ts';
import type { Correlation, ExCxLink, ExCxTeam } from './types.ts';
import { ScoreTally, npsScore } from './scores.ts';
import { pearson, spearman } from './stats/correlation.ts';
import { round } from './stats/intervals.ts';

/**
 * The employee–customer link ("happy staff, happy customers", the service–profit chain of Heskett et
 * al., HBR 1994): per team, eNPS and mean engagement (items 1–5) next to the CSAT and NPS of that
 * team's conversations, with Pearson and Spearman correlations across teams. With a handful of teams
 * n is small; r is null under 3 teams and n is always reported so nobody over-reads it. Surveys come
 * with their team already resolved (last-touch.ts: relationship NPS counts for the last contact's team).
 */
export function computeExCxLink(employees: readonly EmployeeFact[], surveys: readonly TeamedSurvey[]): ExCxLink {
  const ex = new Map<string, { p: number; pa: number; d: number; itemSum: number; itemN: number; answers: number }>();
  for (const e of employees) {
    let t = ex.get(e.team);
    if (!t) ex.set(e.team, (t = { p: 0, pa: 0, d: 0, itemSum: 0, itemN: 0, answers: 0 }));
    if (e.enps !== null) {
      if (e.enps >= 9) t.p++;
      else if (e.enps >= 7) t.pa++;
      else t.d++;
    }
    const vals = Object.values(e.items);
    if (vals.length > 0) {
      t.itemSum += vals.reduce((s, v) => s + v, 0) / vals.length;
      t.itemN++;
    }
  }
  const cx = new Map<string, ScoreTally>();
  const attributed = new Map<string, number>();
  for (const s of surveys) {
    if (!s.team) continue;
    let t = cx.get(s.team);
    if (!t) cx.set(s.team, (t = new ScoreTally()));
    t.add(s.survey);
    if (s.attributed) attributed.set(s.team, (attributed.get(s.team) ?? 0) + 1);
  }
  const teams: ExCxTeam[] = [...ex.keys()].sort().map((team) => {
    const e = ex.get(team)!;
    const c = cx.get(team);
    const enps = npsScore(e.p, e.pa, e.d);
    return {
      team,
      enps: enps.score,
      enpsResponses: enps.responses,
      engagement: e.itemN === 0 ? null : round(e.itemSum / e.itemN, 2),
      engagementResponses: e.itemN,
      csat: c?.csat().score ?? null,
      nps: c?.nps().score ?? null,
      surveys: c?.responses ?? 0,
      attributedSurveys: attributed.get(team) ?? 0,
    };
  });
  const correlations: Correlation[] = [];
  for (const x of ['enps', 'engagement'] as const) {
    for (const y of ['csat', 'nps'] as const) {
      const pairs = teams.filter((t) => t[x] !== null && t[y] !== null);
      const xs = pairs.map((t) => t[x]!);
      const ys = pairs.map((t) => t[y]!);
      for (const method of ['pearson', 'spearman'] as const) {
        const r = method === 'pearson' ? pearson(xs, ys) : spearman(xs, ys);
        correlations.push({ x, y, method, r: r === null ? null : round(r, 3), n: pairs.length });
      }
    }
  }
  return { teams, correlations };
}
