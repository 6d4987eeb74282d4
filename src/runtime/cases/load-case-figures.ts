import { caseFigures, type CaseFigures } from '../../act/cases/case-figures.ts';
import type { CaseScope } from '../../store/case-store.ts';
import type { Store } from '../../store/store.ts';

/** How far before the first case comparable customers are looked for (recovery's baseline). */
const BASELINE_DAYS = 90;

/**
 * Reads what Act's figures need (every case, the root causes, the customers' messages since shortly
 * before the first case) and computes them. Without cases nothing else is read. With a scope (the
 * dashboard's shared filter) the figures are those of the cases in it, read by the same store query.
 */
export async function loadCaseFigures(store: Store, workspaceId: string, now: Date, scope?: CaseScope): Promise<CaseFigures> {
  const [cases, rootCauses] = await Promise.all([store.allCases(workspaceId, scope), store.listRootCauses(workspaceId)]);
  const from = cases.length > 0 ? new Date(cases[0].createdAt.getTime() - BASELINE_DAYS * 86_400_000) : null;
  const facts = from ? await store.messageFacts(workspaceId, { from, customerOnly: true }) : [];
  return caseFigures({ cases, rootCauses, facts, now });
}
