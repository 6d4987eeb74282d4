import type { Localized } from '../../core/lang.ts';
import { DEFAULT_ASSUMPTIONS, VALUE_KEYS, type Assumption, type ValueKey } from './value-assumptions.ts';

/** One line of the value model: its amount per year and the formula with the figures put in. */
export interface ValueLine {
  id: 'revenueKept' | 'repeatContactsAvoided' | 'promoterGap';
  label: Localized;
  amount: number;
  /** The formula with names, then with the figures used: every step can be checked by hand. */
  formula: string;
  computation: string;
  inputs: ValueKey[];
}

/** What a CX improvement is worth: every assumption (with origin and source), each line, the total, the outside benchmark. */
export interface ValueModel {
  currency: string;
  assumptions: Assumption[];
  lines: ValueLine[];
  /** Sum of the lines, per year. */
  total: number;
  /** Temkin's average three-year gain scaled to this revenue, per year: beside the total, never in it. */
  benchmark: { amount: number; formula: string; computation: string; inputs: ValueKey[] };
  notes: Localized[];
}

const r2 = (x: number) => Math.round(x * 100) / 100;
/** Figures in a computation: four decimals, so the line can be recomputed by hand to the cent. */
const fmt = (x: number) => String(Math.round(x * 10_000) / 10_000);

/**
 * Resolves each assumption (user over workspace over default) and computes the value of a CX
 * improvement per year. Lines: (1) revenue kept: valueAtRisk × churnRateAtRisk × saveRate;
 * (2) repeat contacts avoided: customers × contactsPerCustomer × repeatContactShare × repeatReduction
 * × costPerContact; (3) promoter gap: customers × min(npsShift / 100, detractorShare) ×
 * averageCustomerValue × promoterSpendPremium (detractors who become promoters spend the premium
 * more). Benchmark: annualRevenue × benchmarkGainPerRevenue ÷ 3.
 */
export function computeValueModel(
  workspace: Partial<Record<ValueKey, number>>,
  user: Partial<Record<ValueKey, number>>,
  currency: string,
): ValueModel {
  const assumptions: Assumption[] = VALUE_KEYS.map((key) => {
    const d = DEFAULT_ASSUMPTIONS[key];
    const origin = user[key] !== undefined ? 'user' : workspace[key] !== undefined ? 'workspace' : 'default';
    const value = user[key] ?? workspace[key] ?? d.value;
    return { key, ...d, value, origin };
  });
  const a = Object.fromEntries(assumptions.map((x) => [x.key, x.value])) as Record<ValueKey, number>;
  // Annual revenue defaults to the base times its mean value unless data or user give it.
  const revenue = assumptions.find((x) => x.key === 'annualRevenue')!;
  if (revenue.origin === 'default') revenue.value = a.annualRevenue = r2(a.customers * a.averageCustomerValue);

  // The shift is capped at the detractors there are, when the workspace (or the user) says how many.
  const detractorsKnown = assumptions.find((x) => x.key === 'detractorShare')!.origin !== 'default';
  const shift = detractorsKnown ? Math.min(a.npsShift / 100, a.detractorShare) : a.npsShift / 100;
  const lines: ValueLine[] = [
    {
      id: 'revenueKept',
      label: { fr: 'Revenu conservé chez les clients à risque', en: 'Revenue kept from customers at risk' },
      amount: r2(a.valueAtRisk * a.churnRateAtRisk * a.saveRate),
      formula: 'valueAtRisk × churnRateAtRisk × saveRate',
      computation: `${fmt(a.valueAtRisk)} × ${fmt(a.churnRateAtRisk)} × ${fmt(a.saveRate)}`,
      inputs: ['valueAtRisk', 'churnRateAtRisk', 'saveRate'],
    },
    {
      id: 'repeatContactsAvoided',
      label: { fr: 'Recontacts évités', en: 'Repeat contacts avoided' },
      amount: r2(a.customers * a.contactsPerCustomer * a.repeatContactShare * a.repeatReduction * a.costPerContact),
      formula: 'customers × contactsPerCustomer × repeatContactShare × repeatReduction × costPerContact',
      computation: `${fmt(a.customers)} × ${fmt(a.contactsPerCustomer)} × ${fmt(a.repeatContactShare)} × ${fmt(a.repeatReduction)} × ${fmt(a.costPerContact)}`,
      inputs: ['customers', 'contactsPerCustomer', 'repeatContactShare', 'repeatReduction', 'costPerContact'],
    },
    {
      id: 'promoterGap',
      label: { fr: 'Écart de dépense promoteurs / détracteurs', en: 'Promoter / detractor spend gap' },
      amount: r2(a.customers * shift * a.averageCustomerValue * a.promoterSpendPremium),
      formula: 'customers × min(npsShift ÷ 100, detractorShare) × averageCustomerValue × promoterSpendPremium',
      computation: `${fmt(a.customers)} × ${fmt(shift)} × ${fmt(a.averageCustomerValue)} × ${fmt(a.promoterSpendPremium)}`,
      inputs: ['customers', 'npsShift', 'detractorShare', 'averageCustomerValue', 'promoterSpendPremium'],
    },
  ];
  const notes: Localized[] = [{
    fr: 'Montants par an, dans la devise de l’espace de travail (le coût par contact par défaut est en dollars). Chaque hypothèse est modifiable : --set clé=valeur, ou ?clé=valeur sur l’API.',
    en: 'Amounts per year, in the workspace currency (the default cost per contact is in dollars). Every assumption can be changed: --set key=value, or ?key=value on the API.',
  }];
  if (a.averageCustomerValue === 0) {
    notes.push({
      fr: 'Aucune valeur client connue : le revenu conservé et l’écart promoteurs/détracteurs valent 0 tant que averageCustomerValue (et valueAtRisk) ne sont pas renseignés.',
      en: 'No customer value known: revenue kept and the promoter gap stay at 0 until averageCustomerValue (and valueAtRisk) are set.',
    });
  }
  if (detractorsKnown && a.npsShift / 100 > a.detractorShare) {
    notes.push({
      fr: `Le glissement NPS est plafonné à la part de détracteurs (${fmt(a.detractorShare)}) : on ne convertit pas plus de détracteurs qu’il n’y en a.`,
      en: `The NPS shift is capped at the detractor share (${fmt(a.detractorShare)}): no more detractors can be converted than there are.`,
    });
  }
  return {
    currency,
    assumptions,
    lines,
    total: r2(lines.reduce((s, l) => s + l.amount, 0)),
    benchmark: {
      amount: r2((a.annualRevenue * a.benchmarkGainPerRevenue) / 3),
      formula: 'annualRevenue × benchmarkGainPerRevenue ÷ 3',
      computation: `${fmt(a.annualRevenue)} × ${fmt(a.benchmarkGainPerRevenue)} ÷ 3`,
      inputs: ['annualRevenue', 'benchmarkGainPerRevenue'],
    },
    notes,
  };
}
