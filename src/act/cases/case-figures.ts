/**
 * Act's figures for Learn: how fast and how well cases close the loop, overall, per team and per root
 * cause. Pure: takes the cases, the root causes, the customers' analysed messages and the time now.
 * Each figure comes with the count it rests on and is null below MIN_CASES, so a team with two cases
 * never shows a "100 % overdue" that means nothing.
 */
import type { Case, RootCause } from '../../core/act.ts';
import type { MessageFact } from '../../core/facts.ts';
import { isOverdue } from './case-transitions.ts';

/** Below this many cases (or customers, for recovery) a figure is null. */
export const MIN_CASES = 3;

/** A median duration and the number of cases it is the median of. */
export interface DurationFigure { medianMs: number; n: number }

/** Recovery: the customer's next sentiment score (−1…1) after a closed case, against comparable customers without a case. */
export interface RecoveryFigure {
  /** Mean next sentiment of customers whose case was closed. */
  withCase: number;
  /** Mean next sentiment of comparable customers (a negative message, no case) after that message. */
  without: number;
  /** withCase − without: above 0, closing the loop left customers better off than leaving them. */
  lift: number;
  nWith: number;
  nWithout: number;
}

/** The figures of one set of cases. */
export interface CaseFigureSet {
  cases: number;
  /** Cases not yet resolved or closed. */
  open: number;
  firstResponse: DurationFigure | null;
  timeToClose: DurationFigure | null;
  overdue: { share: number; overdue: number; n: number } | null;
  reopen: { rate: number; reopened: number; n: number } | null;
  recovery: RecoveryFigure | null;
}

export interface CaseFigures {
  overall: CaseFigureSet;
  byTeam: { team: string; figures: CaseFigureSet }[];
  byRootCause: { rootCauseId: string; key: string; title: string; figures: CaseFigureSet }[];
  minCases: number;
}

export interface CaseFiguresInput {
  cases: readonly Case[];
  rootCauses: readonly RootCause[];
  /** Customer messages (analysed ones count), any order: the source of recovery. */
  facts: readonly MessageFact[];
  now: Date;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function duration(xs: number[]): DurationFigure | null {
  return xs.length < MIN_CASES ? null : { medianMs: median(xs), n: xs.length };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Each customer's analysed customer messages, oldest first. */
function timelines(facts: readonly MessageFact[]): Map<string, MessageFact[]> {
  const by = new Map<string, MessageFact[]>();
  for (const f of facts) {
    if (f.customerId === null || f.role !== 'customer' || f.analysis === null) continue;
    const list = by.get(f.customerId) ?? [];
    list.push(f);
    by.set(f.customerId, list);
  }
  for (const list of by.values()) list.sort((a, b) => a.at.getTime() - b.at.getTime() || Number(a.messageId) - Number(b.messageId));
  return by;
}

/** The sentiment of the customer's first analysed message strictly after `at`, or null. */
function nextSentiment(list: readonly MessageFact[] | undefined, at: number): number | null {
  const next = list?.find((f) => f.at.getTime() > at);
  return next?.analysis?.sentiment.score ?? null;
}

/**
 * The baseline of a group: for each customer who never had a case, their first negative message that
 * matches the group (same team, or the root cause's theme), and the sentiment of their next message.
 */
type Moment = (f: MessageFact) => boolean;

function baseline(lines: Map<string, MessageFact[]>, withCase: ReadonlySet<string>, matches: Moment): number[] {
  const out: number[] = [];
  for (const [customerId, list] of lines) {
    if (withCase.has(customerId)) continue;
    const moment = list.find((f) => f.analysis!.sentiment.label === 'negative' && matches(f));
    if (!moment) continue;
    const next = nextSentiment(list, moment.at.getTime());
    if (next !== null) out.push(next);
  }
  return out;
}

function figureSet(cases: readonly Case[], now: Date, lines: Map<string, MessageFact[]>, without: number[]): CaseFigureSet {
  const first = cases.filter((c) => c.firstResponseAt).map((c) => c.firstResponseAt!.getTime() - c.createdAt.getTime());
  const closed = cases.filter((c) => c.closedAt);
  const toClose = closed.map((c) => c.closedAt!.getTime() - c.createdAt.getTime());
  // Overdue: a case past due and still open, or one resolved/closed after its due time.
  const due = cases.filter((c) => c.dueAt);
  const late = due.filter((c) => {
    const done = c.resolvedAt ?? c.closedAt;
    return done ? done.getTime() > c.dueAt!.getTime() : isOverdue(c, now);
  }).length;
  // Reopen rate: among cases that were ever resolved or closed (a reopened case was, by definition).
  const finished = cases.filter((c) => c.resolvedAt || c.closedAt || c.reopenCount > 0);
  const reopened = finished.filter((c) => c.reopenCount > 0).length;
  const after = closed
    .filter((c) => c.customerId !== null)
    .map((c) => nextSentiment(lines.get(c.customerId!), c.closedAt!.getTime()))
    .filter((x): x is number => x !== null);
  const recovery = after.length >= MIN_CASES && without.length >= MIN_CASES
    ? { withCase: mean(after), without: mean(without), lift: mean(after) - mean(without), nWith: after.length, nWithout: without.length }
    : null;
  return {
    cases: cases.length,
    open: cases.filter((c) => c.status !== 'resolved' && c.status !== 'closed').length,
    firstResponse: duration(first),
    timeToClose: duration(toClose),
    overdue: due.length < MIN_CASES ? null : { share: late / due.length, overdue: late, n: due.length },
    reopen: finished.length < MIN_CASES ? null : { rate: reopened / finished.length, reopened, n: finished.length },
    recovery,
  };
}

/** Act's figures: overall, per team (cases with a team) and per root cause (cases linked to one). */
export function caseFigures(input: CaseFiguresInput): CaseFigures {
  const { cases, now } = input;
  const lines = timelines(input.facts);
  const withCase = new Set(cases.flatMap((c) => (c.customerId ? [c.customerId] : [])));
  const teams = [...new Set(cases.flatMap((c) => (c.team ? [c.team] : [])))].sort();
  return {
    overall: figureSet(cases, now, lines, baseline(lines, withCase, () => true)),
    byTeam: teams.map((team) => ({
      team,
      figures: figureSet(cases.filter((c) => c.team === team), now, lines, baseline(lines, withCase, (f) => f.team === team)),
    })),
    byRootCause: input.rootCauses.map((rc) => ({
      rootCauseId: rc.id,
      key: rc.key,
      title: rc.title,
      figures: figureSet(
        cases.filter((c) => c.rootCauseId === rc.id),
        now,
        lines,
        baseline(lines, withCase, (f) => f.analysis!.themes.some((t) => t.label === rc.key)),
      ),
    })),
    minCases: MIN_CASES,
  };
}
