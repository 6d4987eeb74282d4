import type { MessageFact, SurveyFact } from '../core/facts.ts';

/** How far back a relationship survey looks for the contact it follows. */
export const LAST_TOUCH_DAYS = 90;

/** A survey answer with the team it counts for, and whether that team was attributed. */
export interface TeamedSurvey {
  survey: SurveyFact;
  team: string | null;
  /** The team came from the customer's last contact, not from the survey row. */
  attributed: boolean;
}

/**
 * Last-touch attribution of relationship surveys (NPS sent by the CRM, not after a contact): an
 * answer without a team counts for the team of the customer's latest conversation at or before the
 * answer, within LAST_TOUCH_DAYS. A survey row that names its team keeps it; an answer with no
 * contact in the window stays without a team (it says nothing about a team).
 */
export function attributeTeams(surveys: readonly SurveyFact[], messages: readonly MessageFact[]): TeamedSurvey[] {
  // Per customer, every message that names a team (each is a touch), sorted by time.
  const touches = new Map<string, { at: number; team: string }[]>();
  for (const m of messages) {
    if (!m.customerId || !m.team) continue;
    const list = touches.get(m.customerId);
    if (list) list.push({ at: m.at.getTime(), team: m.team });
    else touches.set(m.customerId, [{ at: m.at.getTime(), team: m.team }]);
  }
  for (const list of touches.values()) list.sort((a, b) => a.at - b.at);
  const window = LAST_TOUCH_DAYS * 86_400_000;
  return surveys.map((survey) => {
    if (survey.team || !survey.customerId) return { survey, team: survey.team, attributed: false };
    const list = touches.get(survey.customerId);
    const at = survey.at.getTime();
    let team: string | null = null;
    if (list) {
      // Binary search for the last touch at or before the answer.
      let lo = 0, hi = list.length - 1, hit = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid].at <= at) { hit = mid; lo = mid + 1; } else hi = mid - 1;
      }
      if (hit >= 0 && at - list[hit].at <= window) team = list[hit].team;
    }
    return { survey, team, attributed: team !== null };
  });
}
