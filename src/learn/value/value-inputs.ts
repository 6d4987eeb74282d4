import type { MessageFact, SurveyFact } from '../../core/facts.ts';
import type { AtRiskReport } from '../../insights/types.ts';
import { contactConversations } from '../ex-cx/recontact.ts';
import type { ValueKey } from './value-assumptions.ts';

/** Fewest days of contacts before they are scaled to a year (a week scaled ×52 says little). */
export const MIN_DAYS_TO_ANNUALISE = 28;

/**
 * The figures the workspace's own data gives the value model: customers seen, their mean known value,
 * the value of those at risk, contacts per customer per year, the recontact share and the detractor
 * share. A figure the data cannot give is left out, so the documented default (or the user) decides.
 */
export function workspaceValueInputs(messages: readonly MessageFact[], surveys: readonly SurveyFact[], atRisk: AtRiskReport): Partial<Record<ValueKey, number>> {
  const out: Partial<Record<ValueKey, number>> = {};
  const values = new Map<string, number>();
  const customers = new Set<string>();
  for (const m of messages) {
    if (!m.customerId || m.role !== 'customer') continue;
    customers.add(m.customerId);
    if (m.customerValue !== null && m.customerValue > 0) values.set(m.customerId, m.customerValue);
  }
  if (customers.size > 0) out.customers = customers.size;
  if (values.size > 0) out.averageCustomerValue = Math.round([...values.values()].reduce((s, v) => s + v, 0) / values.size);
  if (atRisk.count > 0) out.valueAtRisk = atRisk.valueAtRisk;
  const convs = contactConversations(messages);
  const contactCustomers = new Set(convs.map((c) => c.customerId).filter((id): id is string => id !== null));
  if (convs.length > 0 && contactCustomers.size > 0) {
    const start = Math.min(...convs.map((c) => c.start.getTime()));
    const end = Math.max(...convs.map((c) => c.end.getTime()));
    const days = (end - start) / 86_400_000;
    if (days >= MIN_DAYS_TO_ANNUALISE) out.contactsPerCustomer = Math.round((convs.length / contactCustomers.size) * (365 / days) * 100) / 100;
    out.repeatContactShare = Math.round((convs.filter((c) => c.recontacted).length / convs.length) * 1000) / 1000;
  }
  const nps = surveys.filter((s) => s.kind === 'nps');
  if (nps.length > 0) out.detractorShare = Math.round((nps.filter((s) => s.score <= 6).length / nps.length) * 1000) / 1000;
  return out;
}
