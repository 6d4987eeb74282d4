/**
 * Scores and stores one self-assessment: the shared step of `ecoute assess --answers` and
 * POST /api/assessments, so that both read the same evidence, compare with the same previous result
 * and store the same thing. The maturity core (src/learn/maturity) stays pure; this is where it meets the store.
 */
import type { Lang } from '../../core/lang.ts';
import type { Store } from '../../store/store.ts';
import { assess } from '../../learn/maturity/assess.ts';
import type { AssessmentInput } from '../../learn/maturity/assessment-input.ts';
import { toAssessmentView, type AssessmentView } from '../../learn/maturity/render-result.ts';
import { validateAnswers } from '../../learn/maturity/score-assessment.ts';
import { drillParticipation, mergeEvidence, workspaceEvidence } from '../../learn/maturity/workspace-evidence.ts';

/**
 * Validates the answers (InputError naming the question, before anything is read or written), then
 * scores them in `lang` (default: the submission's, else the workspace's), cites the submission's
 * evidence over the workspace's (NPS; drill participation in the 30 days before `now`), compares with the latest stored result and stores the new one.
 */
export async function recordAssessment(store: Store, workspaceId: string, input: AssessmentInput, lang?: Lang, now: Date = new Date()): Promise<AssessmentView> {
  validateAnswers(input.answers);
  const settings = (await store.ensureWorkspace(workspaceId)).settings;
  const language = lang ?? input.lang ?? settings.language;
  const [previous] = await store.listAssessments(workspaceId, 1);
  // Drill participation last month (the 30 days before `now`), from the team drills the workspace ran.
  const drills = drillParticipation(await store.drillPeople(workspaceId, new Date(now.getTime() - 30 * 86_400_000)));
  const evidence = mergeEvidence({ ...workspaceEvidence(await store.surveyFacts(workspaceId), settings.brand), ...drills }, input.evidence);
  const outcome = assess(input.answers, language, previous ?? null, evidence);
  const { overall, dimensions, stage } = outcome.scores;
  const stored = await store.saveAssessment(workspaceId, { language, answers: outcome.answers, scores: { overall, dimensions }, stage });
  return toAssessmentView(stored, outcome);
}
