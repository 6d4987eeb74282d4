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

/** One contact of a customer with a team: a message that names the team. */
export interface Touch {
  /** Milliseconds since the epoch. */
  at: number;
  team: string;
}

/** Each customer's messages that name a team (each is a touch), in the order given. */
export function touchingMessages(messages: readonly MessageFact[]): Map<string, MessageFact[]> {
  const out = new Map<string, MessageFact[]>();
  for (const m of messages) {
    if (!m.customerId || !m.team) continue;
    const list = out.get(m.customerId);
    if (list) list.push(m);
    else out.set(m.customerId, [m]);
  }
  return out;
}

/** One customer's touches from their messages that name a team, sorted by time (a stable sort: ties keep the order given). */
export function touchesOf(messages: readonly MessageFact[]): Touch[] {
  return messages.map((m) => ({ at: m.at.getTime(), team: m.team! })).sort((a, b) => a.at - b.at);
}

/** Every customer's touches, sorted by time (touch-memo.ts keeps them between computations). */
export function customerTouches(messages: readonly MessageFact[]): Map<string, Touch[]> {
  const out = new Map<string, Touch[]>();
  for (const [id, list] of touchingMessages(messages)) out.set(id, touchesOf(list));
  return out;
}

/**
 * Last-touch attribution of relationship surveys (NPS sent by the CRM, not after a contact): an
 * answer without a team counts for the team of the customer's latest conversation at or before the
 * answer, within LAST_TOUCH_DAYS. A survey row that names its team keeps it; an answer with no
 * contact in the window stays without a team (it says nothing about a team). `touches`: every
 * customer's, when a caller keeps them (TouchMemo).
 */
export function attributeTeams(
  surveys: readonly SurveyFact[], messages: readonly MessageFact[],
  touches: ReadonlyMap<string, readonly Touch[]> = customerTouches(messages),
): TeamedSurvey[] {
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
