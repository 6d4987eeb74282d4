/**
 * Progress over weeks, per participant and per team: attempts and mean scores. Hiring-mode attempts
 * are left out (a candidate is not a team member, and candidates are never ranked). Pure.
 */
import type { DrillAttempt } from './drill-types.ts';

/** One week of one participant or team. */
export interface DrillWeek {
  week: string;
  attempts: number;
  readingScore: number;
  replyScore: number;
}

/** A participant's or a team's figures, overall and by week (oldest first). */
export interface DrillProgressRow {
  name: string;
  attempts: number;
  /** Distinct participants (teams only; 1 for a participant). */
  participants: number;
  readingScore: number;
  replyScore: number;
  weeks: DrillWeek[];
}

/** Progress of a workspace's drills. */
export interface DrillProgress {
  attempts: number;
  participants: number;
  teams: DrillProgressRow[];
  participantsList: DrillProgressRow[];
}

const mean = (xs: number[]) => (xs.length === 0 ? 0 : Math.round(xs.reduce((a, b) => a + b, 0) / xs.length));

function row(name: string, attempts: readonly DrillAttempt[]): DrillProgressRow {
  const byWeek = new Map<string, DrillAttempt[]>();
  for (const a of attempts) byWeek.set(a.week, [...(byWeek.get(a.week) ?? []), a]);
  return {
    name,
    attempts: attempts.length,
    participants: new Set(attempts.map((a) => a.participant)).size,
    readingScore: mean(attempts.map((a) => a.readingScore)),
    replyScore: mean(attempts.map((a) => a.replyScore)),
    weeks: [...byWeek.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([week, xs]) => ({
      week, attempts: xs.length, readingScore: mean(xs.map((a) => a.readingScore)), replyScore: mean(xs.map((a) => a.replyScore)),
    })),
  };
}

function groupBy(attempts: readonly DrillAttempt[], key: (a: DrillAttempt) => string): DrillProgressRow[] {
  const groups = new Map<string, DrillAttempt[]>();
  for (const a of attempts) groups.set(key(a), [...(groups.get(key(a)) ?? []), a]);
  return [...groups.entries()].map(([name, xs]) => row(name, xs)).sort((a, b) => a.name.localeCompare(b.name));
}

/** Figures of the team drills (hiring attempts excluded), teams and participants in name order, never ranked. */
export function drillProgress(attempts: readonly DrillAttempt[], noTeam = '—'): DrillProgress {
  const drills = attempts.filter((a) => a.mode === 'drill');
  return {
    attempts: drills.length,
    participants: new Set(drills.map((a) => a.participant)).size,
    teams: groupBy(drills, (a) => a.team ?? noTeam),
    participantsList: groupBy(drills, (a) => a.participant),
  };
}

/** Distinct participants of team drills since `since` (the assessment's "drill participation last month"). */
export function recentParticipants(attempts: readonly DrillAttempt[], since: Date): number {
  return new Set(attempts.filter((a) => a.mode === 'drill' && a.createdAt >= since).map((a) => a.participant)).size;
}
