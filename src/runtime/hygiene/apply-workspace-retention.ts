import type { Store } from '../../store/store.ts';
import type { RetentionResult } from '../../store/retention-queries.ts';

/**
 * Applies the workspace's retention setting (`retentionMonths`): deletes conversations whose last
 * message is older than that many months. Returns null when the workspace keeps everything (0 or unset).
 * Used by `ecoute retention apply` and before each scheduled job of `ecoute serve`.
 */
export async function applyWorkspaceRetention(
  store: Store, workspaceId: string, opts: { dryRun?: boolean; actor?: string } = {},
): Promise<RetentionResult | null> {
  const ws = await store.ensureWorkspace(workspaceId);
  const months = ws.settings.retentionMonths ?? 0;
  if (months <= 0) return null;
  return store.applyRetention(workspaceId, months, opts);
}
