import type { FactFilter } from '../../core/facts.ts';
import type { InsightsInput } from '../../insights/types.ts';
import type { Store } from '../../store/store.ts';

/**
 * Reads everything `computeInsights` needs for one workspace from the store (shell side), so the CLI
 * report, the digest, the server and the demo build insights the same way. Employee answers are not
 * time-filtered: engagement surveys are sparse and the EX–CX link needs them all.
 */
export async function loadInsightsInput(
  store: Store,
  workspaceId: string,
  now: Date,
  filter: FactFilter = {},
): Promise<InsightsInput> {
  const [workspace, messages, surveys, employees] = await Promise.all([
    store.ensureWorkspace(workspaceId),
    store.messageFacts(workspaceId, filter),
    store.surveyFacts(workspaceId, filter),
    store.employeeFacts(workspaceId),
  ]);
  const period = filter.from || filter.to
    ? { from: filter.from ?? firstDate(messages, surveys) ?? now, to: filter.to ?? now }
    : undefined;
  return { messages, surveys, employees, settings: workspace.settings, now, period };
}

/** Earliest fact date (messages come ordered by time; surveys are scanned). */
function firstDate(messages: { at: Date }[], surveys: { at: Date }[]): Date | null {
  let min = messages.length > 0 ? messages[0].at.getTime() : Infinity;
  for (const s of surveys) min = Math.min(min, s.at.getTime());
  return Number.isFinite(min) ? new Date(min) : null;
}
