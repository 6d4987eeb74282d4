import type { Localized } from '../../core/lang.ts';
import type { Interval } from '../../insights/types.ts';
import { pearson } from '../../insights/stats/correlation.ts';
import { EX_CX_ANCHORS, type PublishedAnchor } from './anchors.ts';
import { fisherInterval } from '../../insights/stats/fisher-interval.ts';
import { CX_MEASURES, EX_MEASURES, addMonths, type CxMeasure, type ExCxPanel, type ExMeasure } from './panel.ts';
import type { ReplyEmpathySource } from './reply-empathy.ts';

/** Lags examined: EX of month m against CX of month m + lag. */
export const MAX_LAG_MONTHS = 6;

/** Below these, the page says plainly that nothing can be concluded (and why). */
export const MIN_TEAMS = 5;
export const MIN_PERIODS = 6;
export const MIN_PAIRS = 10;

/** One EX measure against one CX measure at one lag. */
export interface LagCorrelation {
  ex: ExMeasure;
  cx: CxMeasure;
  lag: number;
  /** Team-month pairs with both figures. */
  n: number;
  teams: number;
  /** Distinct CX months in the pairs. */
  periods: number;
  /** Pearson r over the pooled pairs; null under 3 pairs or with a constant side. */
  r: number | null;
  /** Fisher-z 95 % interval of r; null under 4 pairs. */
  ci: Interval | null;
  /** Share of the CX measure's variance the EX measure accounts for, linearly (r²). */
  r2: number | null;
  /** The interval excludes 0. */
  excludesZero: boolean;
  /**
   * Within-team r: both sides centred on each team's own mean first, so only changes over time
   * count, not standing differences between teams. Null under 2 teams with 2 pairs each.
   */
  withinR: number | null;
  /** Fisher interval of withinR with n − (teams − 1) pairs (one mean removed per team). */
  withinCi: Interval | null;
  /** Too few teams, periods or pairs for this row to support a conclusion. */
  tooFew: boolean;
}

/** The lagged EX ↔ CX picture: the panel's size, every correlation, the warning, the outside anchors. */
export interface ExCxLagReport {
  teams: number;
  /** Distinct months with EX figures, and with CX figures. */
  exPeriods: number;
  cxPeriods: number;
  /** Team-months with at least one EX and one CX figure (same month). */
  cells: number;
  maxLag: number;
  thresholds: { minTeams: number; minPeriods: number; minPairs: number };
  correlations: LagCorrelation[];
  /** Why nothing can be concluded, in both languages; null when the panel is large enough. */
  warning: Localized | null;
  /** How the figures are read. */
  note: Localized;
  anchors: readonly PublishedAnchor[];
  /** Who judged the replies behind replyEmpathy: the reply coach, or its lexicon when the model file is absent. */
  replyEmpathySource: ReplyEmpathySource;
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Pearson correlations between each EX and each CX measure at lags 0..maxLag months, pooled over the
 * team-month pairs, each with its Fisher 95 % interval, r² and n. Pooling mixes differences between
 * teams with changes over time, so the note says so; a lag whose interval spans 0 is no evidence.
 */
export function computeExCxLags(panel: ExCxPanel, maxLag = MAX_LAG_MONTHS): ExCxLagReport {
  const byKey = new Map(panel.cells.map((c) => [`${c.team}\u0000${c.month}`, c]));
  const exMonths = new Set<string>();
  const cxMonths = new Set<string>();
  let cells = 0;
  for (const c of panel.cells) {
    const hasEx = EX_MEASURES.some((m) => c.ex[m] !== null);
    const hasCx = CX_MEASURES.some((m) => c.cx[m] !== null);
    if (hasEx) exMonths.add(c.month);
    if (hasCx) cxMonths.add(c.month);
    if (hasEx && hasCx) cells++;
  }
  // Teams count only when they have both sides somewhere: an EX-only team links to nothing.
  const exTeams = new Set(panel.cells.filter((c) => EX_MEASURES.some((m) => c.ex[m] !== null)).map((c) => c.team));
  const teamsBoth = [...new Set(panel.cells.filter((c) => CX_MEASURES.some((m) => c.cx[m] !== null)).map((c) => c.team))].filter((t) => exTeams.has(t));

  const correlations: LagCorrelation[] = [];
  for (const ex of EX_MEASURES) {
    for (const cx of CX_MEASURES) {
      for (let lag = 0; lag <= maxLag; lag++) {
        const xs: number[] = [];
        const ys: number[] = [];
        const owners: string[] = [];
        const teams = new Set<string>();
        const months = new Set<string>();
        for (const c of panel.cells) {
          const x = c.ex[ex];
          if (x === null) continue;
          const later = byKey.get(`${c.team}\u0000${addMonths(c.month, lag)}`);
          const y = later?.cx[cx] ?? null;
          if (y === null || !later) continue;
          xs.push(x);
          ys.push(y);
          owners.push(c.team);
          teams.add(c.team);
          months.add(later.month);
        }
        const r = pearson(xs, ys);
        const ci = r === null ? null : fisherInterval(r, xs.length);
        const within = withinTeam(xs, ys, owners);
        correlations.push({
          ex, cx, lag, n: xs.length, teams: teams.size, periods: months.size,
          r: r === null ? null : r3(r),
          ci: ci && { low: r3(ci.low), high: r3(ci.high) },
          r2: r === null ? null : r3(r * r),
          excludesZero: ci !== null && (ci.low > 0 || ci.high < 0),
          withinR: within && r3(within.r),
          withinCi: within?.ci ? { low: r3(within.ci.low), high: r3(within.ci.high) } : null,
          tooFew: teams.size < MIN_TEAMS || months.size < MIN_PERIODS || xs.length < MIN_PAIRS,
        });
      }
    }
  }
  const periods = cxMonths.size;
  return {
    teams: teamsBoth.length,
    exPeriods: exMonths.size,
    cxPeriods: cxMonths.size,
    cells,
    maxLag,
    thresholds: { minTeams: MIN_TEAMS, minPeriods: MIN_PERIODS, minPairs: MIN_PAIRS },
    correlations,
    warning: warningFor(teamsBoth.length, periods, Math.max(0, ...correlations.map((c) => c.n))),
    note: {
      fr: 'r de Pearson entre l’indicateur collaborateur d’un mois et l’indicateur client de la même équipe « décalage » mois plus tard, sur les couples équipe-mois ; intervalle à 95 % par la transformation z de Fisher ; r² = part de variance expliquée (linéairement). Les couples mêlent écarts entre équipes et évolutions dans le temps ; le r intra-équipe (chaque équipe ramenée à sa propre moyenne) ne garde que les évolutions. Une corrélation n’est pas une cause, et un intervalle qui contient 0 ne prouve rien.',
      en: 'Pearson r between a month’s employee measure and the same team’s customer measure “lag” months later, over team-month pairs; 95% interval by Fisher’s z transform; r² = share of variance explained (linearly). Pairs mix differences between teams with changes over time; the within-team r (each team centred on its own mean) keeps only the changes. A correlation is not a cause, and an interval that contains 0 proves nothing.',
    },
    anchors: EX_CX_ANCHORS,
    replyEmpathySource: panel.replyEmpathySource ?? 'lexicon',
  };
}

/**
 * Pearson r after centring each side on its team's mean (teams with one pair drop out: they have no
 * change over time), with its Fisher interval on the pairs left minus one per team beyond the first.
 */
export function withinTeam(xs: readonly number[], ys: readonly number[], teams: readonly string[]): { r: number; ci: Interval | null } | null {
  const sums = new Map<string, { x: number; y: number; n: number }>();
  teams.forEach((t, i) => {
    const s = sums.get(t) ?? { x: 0, y: 0, n: 0 };
    s.x += xs[i]; s.y += ys[i]; s.n++;
    sums.set(t, s);
  });
  const dx: number[] = [];
  const dy: number[] = [];
  teams.forEach((t, i) => {
    const s = sums.get(t)!;
    if (s.n < 2) return;
    dx.push(xs[i] - s.x / s.n);
    dy.push(ys[i] - s.y / s.n);
  });
  const kept = [...sums.values()].filter((s) => s.n >= 2).length;
  if (kept < 2) return null;
  const r = pearson(dx, dy);
  if (r === null) return null;
  return { r, ci: fisherInterval(r, dx.length - (kept - 1)) };
}

/** The plain warning when the panel is too small, naming each shortfall; null otherwise. */
export function warningFor(teams: number, periods: number, bestPairs: number): Localized | null {
  const fr: string[] = [];
  const en: string[] = [];
  if (teams < MIN_TEAMS) {
    fr.push(`${teams} équipe${teams > 1 ? 's' : ''} avec des données collaborateurs et clients (il en faut au moins ${MIN_TEAMS})`);
    en.push(`${teams} team${teams === 1 ? '' : 's'} with both employee and customer data (at least ${MIN_TEAMS} needed)`);
  }
  if (periods < MIN_PERIODS) {
    fr.push(`${periods} mois de données clients (il en faut au moins ${MIN_PERIODS})`);
    en.push(`${periods} month${periods === 1 ? '' : 's'} of customer data (at least ${MIN_PERIODS} needed)`);
  }
  if (bestPairs < MIN_PAIRS) {
    fr.push(`au plus ${bestPairs} couples équipe-mois par corrélation (il en faut au moins ${MIN_PAIRS})`);
    en.push(`at most ${bestPairs} team-month pairs per correlation (at least ${MIN_PAIRS} needed)`);
  }
  if (fr.length === 0) return null;
  return {
    fr: `Trop peu de données pour conclure : ${fr.join(' ; ')}. Les chiffres ci-dessous sont indicatifs ; leurs intervalles le montrent.`,
    en: `Too few data to conclude anything: ${en.join('; ')}. The figures below are indicative only; their intervals show it.`,
  };
}
