import type { EmployeeFact, MessageFact, SurveyFact } from '../../core/facts.ts';
import { attributeTeams } from '../../insights/last-touch.ts';
import { isOwnBrand, resolveOwnBrand } from '../../insights/own-brand.ts';
import { computeExCxLags, type ExCxLagReport } from './ex-cx-lags.ts';
import { buildExCxPanel } from './panel.ts';
import type { ReplyVerdicts } from './reply-empathy.ts';

/** The facts the lagged report reads, and the workspace's own brand setting (as the insights read it). */
export interface LagFacts {
  employees: readonly EmployeeFact[];
  surveys: readonly SurveyFact[];
  messages: readonly MessageFact[];
  /** The workspace's brand setting; else inferred from the data, as for every insight. */
  brand?: string;
  /** The reply coach's verdict per agent reply (message id); without it, reply empathy is read by the lexicon. */
  replyVerdicts?: ReplyVerdicts;
}

/**
 * The lagged EX → CX report straight from the store's facts, on own-brand facts only (competitors'
 * reviews say nothing about our teams), relationship surveys counted for the team of the last contact
 * (as the same-period link does): the team × month panel, then the correlations.
 */
export function exCxLagsFromFacts(facts: LagFacts): ExCxLagReport {
  const own = resolveOwnBrand(facts.messages, facts.surveys, facts.brand);
  const messages = facts.messages.filter((m) => isOwnBrand(m.brand, own));
  const surveys = facts.surveys.filter((s) => isOwnBrand(s.brand, own));
  return computeExCxLags(buildExCxPanel({
    employees: facts.employees, surveys: attributeTeams(surveys, messages), messages, replyVerdicts: facts.replyVerdicts,
  }));
}
