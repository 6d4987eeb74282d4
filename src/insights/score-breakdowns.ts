import type { MessageFact, SurveyFact } from '../core/facts.ts';
import type { Change, DayScores, ScoreBreakdowns, ScoreGroup, WeekScores } from './types.ts';
import { ScoreTally } from './scores.ts';
import { weekIndex, weekLabel, weekRange, weekStart } from './iso-week.ts';
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
const dayIndex = (at: Date) => Math.floor(at.getTime() / DAY_MS);

const newCell = (): Cell => ({ tally: new ScoreTally(), messages: 0, analysed: 0, negative: 0 });

function cellOf<K>(map: Map<K, Cell>, key: K): Cell {
  let c = map.get(key);
  if (!c) map.set(key, (c = newCell()));
  return c;
}

const share = (c: Cell): number | null => (c.analysed === 0 ? null : round(c.negative / c.analysed, 3));

/**
 * Scores cut by ISO week, channel, segment, team and brand, plus the week-over-week move of the
 * latest week. One pass over surveys and one over customer messages; rows without a value for a
 * dimension are left out of that cut rather than lumped into an "unknown" group.
 */
export function computeScoreBreakdowns(messages: readonly MessageFact[], surveys: readonly SurveyFact[]): ScoreBreakdowns {
  const byDim: Record<Dim, Map<string, Cell>> = { channel: new Map(), segment: new Map(), team: new Map(), brand: new Map() };
  const byWeek = new Map<number, Cell>();
  const byDay = new Map<number, Cell>();
  for (const s of surveys) {
    cellOf(byWeek, weekIndex(s.at)).tally.add(s);
    cellOf(byDay, dayIndex(s.at)).tally.add(s);
    for (const d of DIMS) {
      const key = s[d];
      if (key) cellOf(byDim[d], key).tally.add(s);
    }
  }
  for (const m of messages) {
    if (m.role !== 'customer') continue;
    const neg = m.analysis?.sentiment.label === 'negative';
    const cells: Cell[] = [cellOf(byWeek, weekIndex(m.at)), cellOf(byDay, dayIndex(m.at))];
    for (const d of DIMS) {
      const key = m[d];
      if (key) cells.push(cellOf(byDim[d], key));
    }
    for (const c of cells) {
      c.messages++;
      if (m.analysis) {
        c.analysed++;
        if (neg) c.negative++;
      }
    }
  }
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
