import type { FactFilter } from '../core/facts.ts';
import type { InsightsInput } from '../insights/types.ts';
import type { Store } from '../store/store.ts';

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

function firstDate(messages: { at: Date }[], surveys: { at: Date }[]): Date | null {
  let min: number | null = null;
  for (const r of messages.length > 0 ? [messages[0]] : []) min = r.at.getTime();
  for (const s of surveys) if (min === null || s.at.getTime() < min) min = s.at.getTime();
  return min === null ? null : new Date(min);
}
