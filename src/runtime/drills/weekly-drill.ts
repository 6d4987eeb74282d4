/**
 * This week's drill for a workspace: the shell's side of src/act/drills. Scenarios come from analysed
 * customer messages of the four weeks up to the latest activity before this week began, so the drill
 * does not change in the middle of the week and a workspace that imported older data still has one.
 */
import { isDrillable, pickDrillScenarios } from '../../act/drills/pick-scenarios.ts';
import type { DrillScenario, DrillSource } from '../../act/drills/drill-types.ts';
import { isoWeek, weekIndex, weekStart } from '../../insights/iso-week.ts';
import type { Store } from '../../store/store.ts';

const DAY_MS = 86_400_000;
/** How far back from the latest activity scenarios are looked for. */
export const DRILL_WINDOW_DAYS = 28;

/** The week's scenarios and where they were taken from. */
export interface WeeklyDrill {
  week: string;
  /** The messages drawn from: [from, to). Null when the workspace has no customer message yet. */
  from: string | null;
  to: string | null;
  scenarios: DrillScenario[];
}

/** Loads this week's drill (`count` scenarios, default 3; `language` preferred when there are enough). */
export async function loadWeeklyDrill(store: Store, workspaceId: string, now: Date, opts: { count?: number; language?: string } = {}): Promise<WeeklyDrill> {
  const week = isoWeek(now);
  const start = weekStart(weekIndex(now));
  const latest = await store.latestActivity(workspaceId, start);
  if (!latest) return { week, from: null, to: null, scenarios: [] };
  const to = new Date(latest.getTime() + 1);
  const from = new Date(to.getTime() - DRILL_WINDOW_DAYS * DAY_MS);
  const sources: DrillSource[] = [];
  for await (const page of store.iterateMessageFacts(workspaceId, { from, to, customerOnly: true })) {
    for (const f of page) {
      if (f.role !== 'customer' || !f.analysis) continue;
      const source = { messageId: f.messageId, text: f.text, language: f.language, channel: f.channel, analysis: f.analysis };
      // Only fair drills are kept while streaming, so a busy month costs the candidates, not every message.
      if (isDrillable(source)) sources.push(source);
    }
  }
  return { week, from: from.toISOString(), to: to.toISOString(), scenarios: pickDrillScenarios(sources, week, opts) };
}
