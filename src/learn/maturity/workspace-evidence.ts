/**
 * The evidence Écoute can read from the workspace itself, so that recommendations cite a real figure
 * out of the box: the NPS, and drill participation last month once the workspace runs empathy drills.
 * The other figures (listening-station readers, alerts closed on time) are not recorded by Écoute, and
 * stay unknown unless the caller passes them. A figure the caller passes always wins over the workspace's.
 */
import type { SurveyFact } from '../../core/facts.ts';
import { isOwnBrand, resolveOwnBrand } from '../../insights/own-brand.ts';
import { computeScores } from '../../insights/scores.ts';
import type { AssessmentEvidence } from './recommend.ts';

/**
 * Fewer NPS answers than this and the score is left unknown: with 30 answers the NPS's 95 % interval
 * is already about ±30 points, and a figure that loose would mislead more than it informs.
 */
export const MIN_NPS_RESPONSES = 30;

/**
 * The own brand's NPS over every stored survey answer, with the conventions of the dashboard (own
 * brand from the settings, else untagged answers plus the one brand seen outside reviews — here
 * judged on surveys alone, so that no message has to be read).
 */
export function workspaceEvidence(surveys: readonly SurveyFact[], settingsBrand?: string): AssessmentEvidence {
  const own = resolveOwnBrand([], surveys, settingsBrand);
  const nps = computeScores(surveys.filter((s) => s.kind === 'nps' && isOwnBrand(s.brand, own))).nps;
  if (nps.score === null || nps.responses < MIN_NPS_RESPONSES) return {};
  return { nps: nps.score, npsResponses: nps.responses };
}

/** Who could have drilled last month and who did (the store's drillPeople). */
export interface DrillPeopleEvidence {
  agents: readonly string[];
  participants: readonly string[];
  everDrilled: boolean;
}

/**
 * Drill participation last month: the share of the people seen (agents who wrote, and anyone who
 * drilled) who took part in a team drill. Unknown while the workspace has never drilled: a 0 % there
 * would describe a feature not in use, not a team that skips it.
 */
export function drillParticipation(people: DrillPeopleEvidence): AssessmentEvidence {
  if (!people.everDrilled) return {};
  const everyone = new Set([...people.agents, ...people.participants]);
  if (everyone.size === 0) return {};
  return { drillParticipation: people.participants.length / everyone.size };
}

/** The caller's figures over the workspace's: a figure passed in is one the team measured on purpose. */
export function mergeEvidence(fromWorkspace: AssessmentEvidence, fromCaller: AssessmentEvidence = {}): AssessmentEvidence {
  const merged: AssessmentEvidence = { ...fromWorkspace, ...fromCaller };
  // A caller's NPS comes without the workspace's response count, which would then describe another figure.
  if (fromCaller.nps !== undefined && fromCaller.npsResponses === undefined) delete merged.npsResponses;
  return merged;
}
