/**
 * Scores and stores one drill attempt: the shared step of POST /api/drills/attempts and the CLI.
 * Validation first (InputError naming the field), then the message (NotFoundError when unknown),
 * then the pure scoring with the coach model, then the row.
 */
import type { CoachModel } from '../../act/coach/coach-model.ts';
import { parseDrillAttempt } from '../../act/drills/parse-attempt.ts';
import { scoreDrillAttempt } from '../../act/drills/score-attempt.ts';
import type { DrillAttempt, DrillFeedback } from '../../act/drills/drill-types.ts';
import type { Lang } from '../../core/lang.ts';
import { isoWeek } from '../../insights/iso-week.ts';
import type { Store } from '../../store/store.ts';

/** The stored attempt and the feedback it got. */
export interface RecordedAttempt {
  attempt: DrillAttempt;
  feedback: DrillFeedback;
}

/**
 * Records an attempt (body of unknown shape) made at `now`. `model` is asked for only once the input
 * is valid, so a bad request never waits on the model. Feedback in `lang`, else the workspace's.
 */
export async function recordDrillAttempt(
  store: Store, workspaceId: string, raw: unknown, model: () => Promise<CoachModel>, now: Date, lang?: Lang,
): Promise<RecordedAttempt> {
  const input = parseDrillAttempt(raw);
  const source = await store.drillSource(workspaceId, input.messageId);
  const language = lang ?? (await store.ensureWorkspace(workspaceId)).settings.language;
  const feedback = scoreDrillAttempt(source, input, await model(), language);
  const attempt = await store.saveDrillAttempt(workspaceId, {
    week: isoWeek(now), messageId: input.messageId, participant: input.participant, team: input.team, mode: input.mode,
    emotions: input.emotions, needs: input.needs, reply: input.reply, readingScore: feedback.reading.score, replyScore: feedback.reply.score,
  });
  return { attempt, feedback };
}
