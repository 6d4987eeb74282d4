/**
 * The queue's sweep of "rules pending" marks (migration 014). In queue mode an `analyze` job stores its
 * analyses marked rules-pending, runs the alert rules, then clears the mark; a job pg-boss gives up for
 * good (retries exhausted) after storing leaves its messages marked, and nothing else in queue mode runs
 * the rules on them. The `sweep` job (one at a time across workers: the queue's `stately` policy; at each
 * worker's start and every few minutes) raises those alerts and clears the marks.
 * - Only marks older than `minAgeMs` (the job timeout): a job still in flight clears its own.
 * - Never twice: the rules write at most one alert per rule and message (a unique index settles two
 *   writers racing), so a sweep meeting a job, or another sweep, writes nothing twice; clearing the mark
 *   comes after the alerts are written, so a sweep killed in between only leaves work for the next one.
 */
import type { Clock } from '../../core/ports.ts';
import type { Store } from '../../store/store.ts';
import { evaluateRulesOnMessages } from '../act/evaluate-rules.ts';

/** Marks read and evaluated per round trip. */
const PAGE = 1000;

/** What the sweep needs: the store, the time, the dashboard's address for alert links, the safe age. */
export interface SweepContext {
  store: Store;
  clock: Clock;
  publicUrl: string | null;
  /** Only marks at least this old (ms) are swept: younger ones belong to a job still running. */
  minAgeMs: number;
}

/** What one sweep did in one workspace (only workspaces where it found marks are listed). */
export interface SweptWorkspace {
  workspaceId: string;
  /** Messages whose mark it found and cleared. */
  messages: number;
  /** Alerts written (0 when another writer already had them). */
  alerts: number;
}

/** Raises the alerts of every workspace's stale rules-pending marks, then clears those marks. */
export async function sweepRulesPending(ctx: SweepContext): Promise<SweptWorkspace[]> {
  const { store } = ctx;
  const analyzedBefore = new Date(ctx.clock().getTime() - ctx.minAgeMs);
  const swept: SweptWorkspace[] = [];
  for (const { id: workspaceId } of await store.listWorkspaces()) {
    const out: SweptWorkspace = { workspaceId, messages: 0, alerts: 0 };
    let afterId: string | undefined;
    for (;;) {
      // Paging by id: a mark another writer re-sets meanwhile is left to the next sweep, not chased.
      const ids = await store.rulesPendingMessages(workspaceId, PAGE, { analyzedBefore, afterId });
      if (ids.length === 0) break;
      const evaluation = await evaluateRulesOnMessages(store, workspaceId, ids, { clock: ctx.clock, publicUrl: ctx.publicUrl });
      await store.markRulesChecked(workspaceId, ids);
      out.messages += ids.length;
      out.alerts += evaluation.alerts;
      afterId = ids[ids.length - 1];
      if (ids.length < PAGE) break;
    }
    if (out.messages > 0) swept.push(out);
  }
  return swept;
}
