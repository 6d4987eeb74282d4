/**
 * The value model for one workspace: reads its facts and settings, then the pure model
 * (src/learn/value). The shared step of `ecoute value` and GET /api/value.
 */
import type { ValueModel } from '../../learn/value/compute-value.ts';
import type { ValueKey } from '../../learn/value/value-assumptions.ts';
import { valueModelFromFacts } from '../../learn/value/value-from-facts.ts';
import type { Store } from '../../store/store.ts';

/** The value of a CX improvement for `workspaceId`, with the user's overrides applied. */
export async function loadValueModel(store: Store, workspaceId: string, overrides: Partial<Record<ValueKey, number>>): Promise<ValueModel> {
  const [workspace, messages, surveys] = await Promise.all([
    store.ensureWorkspace(workspaceId),
    store.messageFacts(workspaceId),
    store.surveyFacts(workspaceId),
  ]);
  return valueModelFromFacts(messages, surveys, workspace.settings, overrides);
}
