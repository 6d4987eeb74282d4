import type { Insights, InsightsInput } from './types.ts';
import { computeScores } from './scores.ts';
import { computeDaySections, DaySectionsMemo } from './day-sections.ts';
import { computeDrivers, conversationFactors, type ConversationFactors } from './key-drivers.ts';
import { groupCustomerFacts } from './customer-facts.ts';
import { discoverThemes } from './discovered-themes.ts';
import { discoveredDrivers, discoveredFactors } from './discovered-drivers.ts';
import { buildCustomerProfiles } from './customer-profiles.ts';
import { CustomerMemo } from './customer-memo.ts';
import { computePersonas } from './personas.ts';
import { customersBeforeNewestDay, PersonasMemo } from './persona-fit.ts';
import { DriversMemo } from './driver-tallies.ts';
import { computeCustomersAtRisk, RiskMemo } from './customers-at-risk.ts';
import { computeCompetitors, CompetitorsMemo } from './competitors.ts';
import { computeExCxLink } from './ex-cx-link.ts';
import { attributeTeams } from './last-touch.ts';
import { pickCompliments, ComplimentsMemo } from './compliments.ts';
import { isOwnBrand, resolveOwnBrand } from './own-brand.ts';
import { PhraseMemo } from './phrase-memo.ts';
import { TouchMemo } from './touch-memo.ts';

/** What a caller that computes the insights again and again (a server) keeps between computations. */
export interface InsightsMemo {
  /** Each message text's phrases for theme discovery (phrase-memo.ts). */
  phrases?: PhraseMemo;
  /** Each day's tallies of the sections that are sums over days (day-sections.ts, day-memo.ts). */
  days?: DaySectionsMemo;
  /** Each customer's profile (customer-memo.ts). */
  customers?: CustomerMemo;
  /** Each customer's risk, while their profile and the scoring's settings are the same (customers-at-risk.ts). */
  risks?: RiskMemo;
  /** Each day's brand tallies of every fact, own and competitors' (competitors.ts). */
  competitors?: CompetitorsMemo;
  /** Each day's candidate compliments (compliments.ts). */
  compliments?: ComplimentsMemo;
  /** Each customer's touches, for the last-touch attribution of the EX↔CX link (touch-memo.ts). */
  touches?: TouchMemo;
  /** The personas' last fits and each profile's vector (persona-fit.ts). */
  personas?: PersonasMemo;
  /** Each surveyed conversation's factors, and the driver reports' tallies (driver-tallies.ts). */
  drivers?: DriversMemo;
}

/** Everything a server keeps between computations, empty (IncrementalInsights holds one per workspace). */
export function newInsightsMemo(): Required<InsightsMemo> {
  return {
    phrases: new PhraseMemo(), days: new DaySectionsMemo(), customers: new CustomerMemo(),
    risks: new RiskMemo(), competitors: new CompetitorsMemo(), compliments: new ComplimentsMemo(), touches: new TouchMemo(),
    personas: new PersonasMemo(), drivers: new DriversMemo(),
  };
}

/**
 * Computes every insight of a workspace from its facts. Pure: same input, same output (the clock
 * value comes in `now`); `memo`, held by a caller that computes again after every change, only saves
 * work (the output is the same without it). Each part is a linear pass or a few over the rows (no
 * pairwise work over messages), so a million facts stay in seconds; the server caches the result by
 * store.dataVersion.
 *
 * Every section reads the own brand's facts only (see own-brand.ts: settings.brand, else untagged
 * facts plus the one brand seen outside reviews), except `competitors`, which compares the own brand
 * with every other brand found in the facts.
 */
export function computeInsights(input: InsightsInput, memo: InsightsMemo = {}): Insights {
  const { employees, settings, now } = input;
  const own = resolveOwnBrand(input.messages, input.surveys, settings.brand);
  const messages = input.messages.filter((m) => isOwnBrand(m.brand, own));
  const surveys = input.surveys.filter((s) => isOwnBrand(s.brand, own));
  const scores = computeScores(surveys);
  const byCustomer = groupCustomerFacts(messages, surveys);
  const profiles = memo.customers ? memo.customers.profiles(byCustomer) : buildCustomerProfiles(messages, surveys);
  const atRisk = computeCustomersAtRisk(profiles.values(), undefined, undefined, settings.currency, memo.risks);
  const surveyed = new Set<string>();
  for (const s of surveys) if (s.customerId) surveyed.add(s.customerId);
  let surveyedOnly = 0;
  for (const id of surveyed) if (!profiles.has(id)) surveyedOnly++;
  // Discovered themes are causes too: ranked with their own conversations on each driver report.
  const members = new Map<string, Set<string>>();
  const discoveredThemes = discoverThemes(messages, { members, memo: memo.phrases });
  // The factors of surveyed conversations (the driver reports) and of the discovered themes' conversations,
  // surveyed or not (which built-in theme each one restates: knownFactors), in one pass and one memo.
  const surveyedIds = new Set(surveys.map((s) => s.conversationId));
  const wanted = new Set(surveyedIds);
  for (const ids of members.values()) for (const id of ids) wanted.add(id);
  const knownFactors = conversationFactors(messages, wanted, memo.drivers);
  const factors = onlyConversations(knownFactors, surveyedIds);
  const daySections = computeDaySections(messages, surveys, settings, memo.days);
  const augmented = discoveredFactors(discoveredThemes, members, factors);
  const driverReport = (outcome: 'nps_detractor' | 'csat_low') => ({
    ...computeDrivers(factors, surveys, outcome, undefined, memo.drivers),
    discovered: discoveredDrivers(discoveredThemes, members, factors, knownFactors, surveys, outcome, undefined, augmented),
  });
  return {
    version: 1,
    generatedAt: now.toISOString(),
    language: settings.language,
    period: { from: input.period?.from.toISOString() ?? null, to: input.period?.to.toISOString() ?? null },
    nps: scores.nps,
    csat: scores.csat,
    ces: scores.ces,
    messages: daySections.messages,
    customers: { total: profiles.size + surveyedOnly, surveyed: surveyed.size, atRisk: atRisk.count, valueAtRisk: atRisk.valueAtRisk },
    scores: daySections.scores,
    journey: daySections.journey,
    themes: daySections.themes,
    drivers: {
      detractors: driverReport('nps_detractor'),
      lowCsat: driverReport('csat_low'),
    },
    discoveredThemes,
    personas: computePersonas(profiles.values(), { memo: memo.personas, fitOn: customersBeforeNewestDay(byCustomer, profiles, memo.personas) }),
    atRisk,
    ownBrand: own,
    competitors: computeCompetitors(input.messages, input.surveys, own, settings.language, memo.competitors),
    spikes: daySections.spikes,
    exCx: computeExCxLink(employees, attributeTeams(surveys, messages, memo.touches?.touches(messages))),
    compliments: pickCompliments(messages, 3, memo.compliments),
  };
}

/** The entries of `factors` whose conversation is in `ids`, in the order of `factors`. */
function onlyConversations(factors: ConversationFactors, ids: ReadonlySet<string>): ConversationFactors {
  const out: ConversationFactors = new Map();
  for (const [id, fs] of factors) if (ids.has(id)) out.set(id, fs);
  return out;
}
