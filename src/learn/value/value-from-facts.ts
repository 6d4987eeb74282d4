import type { MessageFact, SurveyFact } from '../../core/facts.ts';
import { DEFAULT_CURRENCY, type WorkspaceSettings } from '../../core/workspace.ts';
import { buildCustomerProfiles } from '../../insights/customer-profiles.ts';
import { computeCustomersAtRisk } from '../../insights/customers-at-risk.ts';
import { isOwnBrand, resolveOwnBrand } from '../../insights/own-brand.ts';
import { computeValueModel, type ValueModel } from './compute-value.ts';
import type { ValueKey } from './value-assumptions.ts';
import { workspaceValueInputs } from './value-inputs.ts';

/**
 * The value model over a workspace's facts, read as the insights read them: own-brand facts only,
 * customers at risk scored exactly as the at-risk list scores them; the user's overrides win.
 */
export function valueModelFromFacts(
  messages: readonly MessageFact[],
  surveys: readonly SurveyFact[],
  settings: Pick<WorkspaceSettings, 'brand' | 'currency'>,
  overrides: Partial<Record<ValueKey, number>>,
): ValueModel {
  const own = resolveOwnBrand(messages, surveys, settings.brand);
  const ownMessages = messages.filter((m) => isOwnBrand(m.brand, own));
  const ownSurveys = surveys.filter((s) => isOwnBrand(s.brand, own));
  const currency = settings.currency ?? DEFAULT_CURRENCY;
  const atRisk = computeCustomersAtRisk(buildCustomerProfiles(ownMessages, ownSurveys).values(), undefined, undefined, currency);
  return computeValueModel(workspaceValueInputs(ownMessages, ownSurveys, atRisk), overrides, currency);
}
