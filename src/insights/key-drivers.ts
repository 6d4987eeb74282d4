import type { MessageFact, SurveyFact } from '../core/facts.ts';
import type { Driver, DriverReport } from './types.ts';
import { labelOf } from '../core/label-names.ts';
import { round } from './stats/intervals.ts';
import { twoByTwo } from './stats/two-by-two.ts';
import { FactorKeys } from './factor-keys.ts';
import { factorSet, tallyDrivers, type DriverRow, type DriversMemo } from './driver-tallies.ts';

/** The themes, journey stages and emotions found in one conversation's analysed customer messages. */
export type ConversationFactors = Map<string, Set<string>>;

/**
 * Builds conversationId → {"theme:delay", "stage:billing", "emotion:anger", …} in one pass over messages. With
 * `only` (the surveyed conversations), unsurveyed conversations are skipped: they cannot enter a
 * driver table, and most conversations of a big workspace have no survey answer. With `memo`, each
 * conversation's set is kept while its analysed customer messages are the same (driver-tallies.ts).
 */
export function conversationFactors(messages: readonly MessageFact[], only?: ReadonlySet<string>, memo?: DriversMemo): ConversationFactors {
  const groups = new Map<string, MessageFact[]>();
  for (const m of messages) {
    if (m.role !== 'customer' || !m.analysis || (only && !only.has(m.conversationId))) continue;
    const g = groups.get(m.conversationId);
    if (g) g.push(m);
    else groups.set(m.conversationId, [m]);
  }
  if (memo) return memo.factorSets(groups);
  const keys = new FactorKeys();
  const out: ConversationFactors = new Map();
  for (const [id, group] of groups) out.set(id, factorSet(group, keys));
  return out;
}

/**
 * Key driver analysis — not only counts. A theme mentioned often is not necessarily what makes
 * customers unhappy; what matters is how much more often conversations WITH the factor end badly than
 * conversations WITHOUT it. For each theme, journey stage and emotion we join each surveyed conversation's last answer
 * (detractor = NPS 0–6; low CSAT = 1–3) to the factors found in its messages and build a 2×2 table:
 * risk difference with a Wald 95% CI and odds ratio with a Woolf CI (see stats/two-by-two.ts).
 * Ranking is by impact = prevalence × risk difference, i.e. the share of all surveyed conversations
 * made bad by the factor (the "importance × performance" reading of driver analysis; cf. population
 * attributable risk, Levin 1953).
 */
export function computeDrivers(
  factors: ConversationFactors,
  surveys: readonly SurveyFact[],
  outcome: DriverReport['outcome'],
  minWith = 3,
  memo?: DriversMemo,
): DriverReport {
  const kind = outcome === 'nps_detractor' ? 'nps' : 'csat';
  const last = new Map<string, DriverRow>();
  for (const s of surveys) {
    if (s.kind !== kind) continue;
    const fs = factors.get(s.conversationId);
    if (!fs) continue;
    const prev = last.get(s.conversationId);
    if (!prev || prev.answer.at <= s.at) last.set(s.conversationId, { answer: s, factors: fs });
  }
  const isBad = (score: number) => (kind === 'nps' ? score <= 6 : score <= 3);
  // Per factor: conversations with it, the bad ones, and (for causes) the emotions they hold.
  const { n, bad, factors: withTally } = memo ? memo.tally(outcome, last, isBad) : tallyDrivers(last, isBad);
  const drivers: Driver[] = [];
  // In key order, so that a report kept by difference lists ties as one pass does.
  for (const key of [...withTally.keys()].sort()) {
    const t = withTally.get(key)!;
    const withoutN = n - t.n;
    if (t.n < minWith || withoutN < 1) continue;
    const e = twoByTwo(t.bad, t.n, bad - t.bad, withoutN);
    if (!e) continue;
    const [k, label] = key.split(':') as [Driver['kind'], string];
    const prevalence = t.n / n;
    drivers.push({
      kind: k,
      label,
      name: labelOf(k === 'theme' ? 'themes' : k === 'stage' ? 'stages' : 'emotions', label),
      emotions: [...t.emotions]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, 3)
        .map(([e, c]) => { const l = e.slice('emotion:'.length); return { label: l, name: labelOf('emotions', l), share: round(c / t.n, 3) }; }),
      withN: t.n,
      withBad: t.bad,
      withoutN,
      withoutBad: bad - t.bad,
      rateWith: round(e.rateWith, 3),
      rateWithout: round(e.rateWithout, 3),
      difference: round(e.difference, 3),
      differenceCi: { low: round(e.differenceCi.low, 3), high: round(e.differenceCi.high, 3) },
      oddsRatio: round(e.oddsRatio, 2),
      oddsRatioCi: { low: round(e.oddsRatioCi.low, 2), high: round(e.oddsRatioCi.high, 2) },
      prevalence: round(prevalence, 3),
      impact: round(prevalence * e.difference, 4),
      significant: e.differenceCi.low > 0,
    });
  }
  drivers.sort((a, b) => b.impact - a.impact || b.withN - a.withN || a.label.localeCompare(b.label));
  return { outcome, n, baseRate: n === 0 ? null : round(bad / n, 3), drivers };
}
