/**
 * Loads a workspace's conversations, coaches every agent reply against the customer message it
 * answers (the whole period as one batch, so a template sent to many customers is found canned), and
 * summarises it with the surveys and cases (src/act/coach/reply-history.ts).
 */
import { coachBatch } from '../../act/coach/coach.ts';
import type { CoachModel } from '../../act/coach/coach-model.ts';
import { replyPairs, summarizeReplyHistory, type ReplyHistory } from '../../act/coach/reply-history.ts';
import type { Store } from '../../store/store.ts';

/** Which replies to look at. */
export interface ReplyHistoryOptions {
  from?: Date;
  to?: Date;
  /** Fewest replies for an agent or team to be ranked (default 5). */
  minReplies?: number;
}

/** The reply-empathy history of a workspace over a period (all of it by default). */
export async function loadReplyHistory(store: Store, workspaceId: string, model: CoachModel, opts: ReplyHistoryOptions = {}): Promise<ReplyHistory> {
  const filter = { from: opts.from, to: opts.to };
  const [facts, surveys, cases] = await Promise.all([
    store.messageFacts(workspaceId, filter),
    store.surveyFacts(workspaceId),
    store.allCases(workspaceId),
  ]);
  const pairs = replyPairs(facts);
  const results = coachBatch(pairs.map((p) => p.input), model);
  return summarizeReplyHistory(pairs, results, surveys, cases, opts.minReplies);
}
