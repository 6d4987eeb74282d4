import type { MessageFact, SurveyFact } from '../core/facts.ts';
import type { WorkspaceSettings } from '../core/workspace.ts';
import type { JourneyMap, MessageSummary, ScoreBreakdowns, Spike, ThemeStat, Verbatim } from './types.ts';
import { DayMemo } from './day-memo.ts';
import { weekOfDay } from './iso-week.ts';
import { finishSummary, mergeSummary, summaryTally, tallySummary, type SummaryTally } from './message-summary.ts';
import { finishJourney, journeyTally, mergeJourney, tallyJourney, type JourneyTally } from './journey-map.ts';
import { finishThemes, mergeThemes, tallyThemes, themeTally, type ThemeTally } from './theme-stats.ts';
import { exampleOfDays, examplesByPass, finishSpikes, mergeSpikes, spikeTally, tallySpikes, type SpikeTally } from './spikes.ts';
import { breakdownTally, finishBreakdowns, mergeBreakdowns, tallyBreakdownMessage, tallyBreakdownSurvey, type BreakdownTally } from './score-breakdowns.ts';

/** The insight sections that are sums over days: volumes, score breakdowns, journey map, theme statistics, spikes. */
export interface DaySections {
  messages: MessageSummary;
  scores: ScoreBreakdowns;
  journey: JourneyMap;
  themes: ThemeStat[];
  spikes: Spike[];
}

/** The running counts of every day section over some messages. */
export interface DayTally {
  summary: SummaryTally;
  breakdowns: BreakdownTally;
  journey: JourneyTally;
  themes: ThemeTally;
  spikes: SpikeTally;
}

/** What a server keeps between computations: each day's tallies of messages and of survey answers. */
export class DaySectionsMemo {
  readonly messages = new DayMemo<MessageFact, DayTally>();
  readonly surveys = new DayMemo<SurveyFact, BreakdownTally>();
}

function emptyTally(withExamples: boolean): DayTally {
  return { summary: summaryTally(), breakdowns: breakdownTally(), journey: journeyTally(), themes: themeTally(), spikes: spikeTally(withExamples) };
}

function count(t: DayTally, messages: readonly MessageFact[]): DayTally {
  for (const m of messages) {
    tallySummary(t.summary, m);
    tallyBreakdownMessage(t.breakdowns, m);
    tallyJourney(t.journey, m);
    tallyThemes(t.themes, m);
    tallySpikes(t.spikes, m);
  }
  return t;
}

/** One day's tally: with each key's best spike example, so a spike needs no pass over the messages. */
const countDay = (messages: readonly MessageFact[]): DayTally => count(emptyTally(true), messages);

const countSurveys = (surveys: readonly SurveyFact[]): BreakdownTally => {
  const t = breakdownTally();
  for (const s of surveys) tallyBreakdownSurvey(t, s);
  return t;
};

/**
 * The day sections of `messages` and `surveys` (time-ordered, as the facts are), in one pass; or, with
 * `memo`, from per-day tallies merged, where only the days whose facts changed since the memo's last
 * computation are counted again. Both give the same sections: every tally merges exactly (sums,
 * unions, and verbatim pickers whose choice does not depend on the order of offers).
 */
export function computeDaySections(messages: readonly MessageFact[], surveys: readonly SurveyFact[], settings: WorkspaceSettings, memo?: DaySectionsMemo): DaySections {
  const days = memo?.messages.tallies(messages, countDay) ?? null;
  const surveyDays = days && memo ? memo.surveys.tallies(surveys, countSurveys) : null;
  if (!days || !surveyDays) {
    const t = count(emptyTally(false), messages);
    for (const s of surveys) tallyBreakdownSurvey(t.breakdowns, s);
    return finish(t, settings, (found) => examplesByPass(messages, found));
  }
  const all = emptyTally(false);
  const weeks = new Map<number, SpikeTally[]>();
  for (const { day, tally } of days) {
    mergeSummary(all.summary, tally.summary);
    mergeBreakdowns(all.breakdowns, tally.breakdowns);
    mergeJourney(all.journey, tally.journey);
    mergeThemes(all.themes, tally.themes);
    mergeSpikes(all.spikes, tally.spikes);
    const w = weekOfDay(day);
    const list = weeks.get(w);
    if (list) list.push(tally.spikes);
    else weeks.set(w, [tally.spikes]);
  }
  for (const { tally } of surveyDays) mergeBreakdowns(all.breakdowns, tally);
  return finish(all, settings, (found) => new Map(found.map((f) => [`${f.key}@${f.w}`, exampleOfDays(weeks.get(f.w) ?? [], f.key)])));
}

function finish(t: DayTally, settings: WorkspaceSettings, examples: (found: readonly { key: string; w: number }[]) => Map<string, Verbatim | null>): DaySections {
  return {
    messages: finishSummary(t.summary),
    scores: finishBreakdowns(t.breakdowns),
    journey: finishJourney(t.journey, settings),
    themes: finishThemes(t.themes),
    spikes: finishSpikes(t.spikes, {}, examples),
  };
}
