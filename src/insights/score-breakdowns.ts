import type { MessageFact, SurveyFact } from '../core/facts.ts';
import type { Change, DayScores, ScoreBreakdowns, ScoreGroup, WeekScores } from './types.ts';
import { ScoreTally } from './scores.ts';
import { dayIndex, weekIndex, weekLabel, weekRange, weekStart } from './iso-week.ts';
import { round } from './stats/intervals.ts';

type Dim = 'channel' | 'segment' | 'team' | 'brand';
const DIMS: Dim[] = ['channel', 'segment', 'team', 'brand'];

interface Cell {
  tally: ScoreTally;
  messages: number;
  analysed: number;
  negative: number;
}

const DAY_MS = 86_400_000;

const newCell = (): Cell => ({ tally: new ScoreTally(), messages: 0, analysed: 0, negative: 0 });

function cellOf<K>(map: Map<K, Cell>, key: K): Cell {
  let c = map.get(key);
  if (!c) map.set(key, (c = newCell()));
  return c;
}

const share = (c: Cell): number | null => (c.analysed === 0 ? null : round(c.negative / c.analysed, 3));

/** The running cells of the score breakdowns over some messages and answers (all, or one day's: day-memo.ts). */
export interface BreakdownTally {
  byDim: Record<Dim, Map<string, Cell>>;
  byWeek: Map<number, Cell>;
  byDay: Map<number, Cell>;
}

/** An empty tally. */
export function breakdownTally(): BreakdownTally {
  return { byDim: { channel: new Map(), segment: new Map(), team: new Map(), brand: new Map() }, byWeek: new Map(), byDay: new Map() };
}

/** Counts one survey answer. */
export function tallyBreakdownSurvey(t: BreakdownTally, s: SurveyFact): void {
  cellOf(t.byWeek, weekIndex(s.at)).tally.add(s);
  cellOf(t.byDay, dayIndex(s.at.getTime())).tally.add(s);
  for (const d of DIMS) {
    const key = s[d];
    if (key) cellOf(t.byDim[d], key).tally.add(s);
  }
}

/** Counts one message (customer messages only). */
export function tallyBreakdownMessage(t: BreakdownTally, m: MessageFact): void {
  if (m.role !== 'customer') return;
  const neg = m.analysis?.sentiment.label === 'negative';
  const cells: Cell[] = [cellOf(t.byWeek, weekIndex(m.at)), cellOf(t.byDay, dayIndex(m.at.getTime()))];
  for (const d of DIMS) {
    const key = m[d];
    if (key) cells.push(cellOf(t.byDim[d], key));
  }
  for (const c of cells) {
    c.messages++;
    if (m.analysis) {
      c.analysed++;
      if (neg) c.negative++;
    }
  }
}

/** Adds `from` into `into` (`from` is left as it is); every cell is counts, so any order gives the same. */
export function mergeBreakdowns(into: BreakdownTally, from: BreakdownTally): void {
  const mergeMap = <K>(a: Map<K, Cell>, b: Map<K, Cell>) => {
    for (const [key, f] of b) {
      const c = cellOf(a, key);
      c.tally.merge(f.tally);
      c.messages += f.messages;
      c.analysed += f.analysed;
      c.negative += f.negative;
    }
  };
  for (const d of DIMS) mergeMap(into.byDim[d], from.byDim[d]);
  mergeMap(into.byWeek, from.byWeek);
  mergeMap(into.byDay, from.byDay);
}

/**
 * Scores cut by ISO week, channel, segment, team and brand, plus the week-over-week move of the
 * latest week. One pass over surveys and one over customer messages; rows without a value for a
 * dimension are left out of that cut rather than lumped into an "unknown" group.
 */
export function computeScoreBreakdowns(messages: readonly MessageFact[], surveys: readonly SurveyFact[]): ScoreBreakdowns {
  const t = breakdownTally();
  for (const s of surveys) tallyBreakdownSurvey(t, s);
  for (const m of messages) tallyBreakdownMessage(t, m);
  return finishBreakdowns(t);
}

/** The breakdowns a tally gives. */
export function finishBreakdowns(t: BreakdownTally): ScoreBreakdowns {
  const { byDim, byWeek, byDay } = t;
  const groups = (map: Map<string, Cell>): ScoreGroup[] =>
    [...map.entries()]
      .map(([key, c]) => ({ key, ...c.tally.result(), messages: c.messages, negativeShare: share(c) }))
      .sort((a, b) => b.messages + b.nps.responses + b.csat.responses - (a.messages + a.nps.responses + a.csat.responses) || a.key.localeCompare(b.key));

  const weekIdx = [...byWeek.keys()].sort((a, b) => a - b);
  const weeks: WeekScores[] = weekIdx.length === 0 ? [] : weekRange(weekIdx[0], weekIdx[weekIdx.length - 1]).map((w) => {
    const c = byWeek.get(w) ?? newCell();
    return { week: weekLabel(w), start: weekStart(w).toISOString(), ...c.tally.result(), messages: c.messages, negativeShare: share(c) };
  });
  const dayIdx = [...byDay.keys()].sort((a, b) => a - b);
  const days: DayScores[] = dayIdx.length === 0 ? [] : weekRange(Math.max(dayIdx[0], dayIdx[dayIdx.length - 1] - 61), dayIdx[dayIdx.length - 1]).map((d) => {
    const c = byDay.get(d) ?? newCell();
    return { day: new Date(d * DAY_MS).toISOString().slice(0, 10), ...c.tally.result(), messages: c.messages, negativeShare: share(c) };
  });
  const last = weeks[weeks.length - 1];
  const prev = weeks[weeks.length - 2];
  return {
    byWeek: weeks,
    byDay: days,
    byChannel: groups(byDim.channel),
    bySegment: groups(byDim.segment),
    byTeam: groups(byDim.team),
    byBrand: groups(byDim.brand),
    trend: {
      week: last?.week ?? null,
      nps: change(last?.nps.score, prev?.nps.score),
      csat: change(last?.csat.score, prev?.csat.score),
      ces: change(last?.ces.mean, prev?.ces.mean),
      messages: change(last?.messages, prev?.messages),
      negativeShare: change(last?.negativeShare, prev?.negativeShare),
    },
  };
}

/** A move between two figures; null-safe. */
export function change(current: number | null | undefined, previous: number | null | undefined): Change {
  const c = current ?? null;
  const p = previous ?? null;
  return { current: c, previous: p, delta: c === null || p === null ? null : round(c - p, 3) };
}
