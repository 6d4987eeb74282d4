import { UsageError } from '../../core/errors.ts';
import type { Localized } from '../../core/lang.ts';

/** Every editable figure of the value model. */
export const VALUE_KEYS = [
  'customers', 'averageCustomerValue', 'valueAtRisk', 'churnRateAtRisk', 'saveRate',
  'contactsPerCustomer', 'repeatContactShare', 'repeatReduction', 'costPerContact',
  'detractorShare', 'npsShift', 'promoterSpendPremium', 'annualRevenue', 'benchmarkGainPerRevenue',
] as const;
export type ValueKey = (typeof VALUE_KEYS)[number];

/** Where a figure comes from: the workspace's data, a documented default, or the user (--set, ?key=). */
export type ValueOrigin = 'workspace' | 'default' | 'user';

/** One assumption with its value, unit, meaning and source, shown next to every result. */
export interface Assumption {
  key: ValueKey;
  value: number;
  unit: 'count' | 'money' | 'share' | 'ratio' | 'points' | 'per-year';
  origin: ValueOrigin;
  label: Localized;
  source: Localized;
}

/** Keys whose value is a share of 0..1. */
const SHARES: ReadonlySet<ValueKey> = new Set<ValueKey>(['churnRateAtRisk', 'saveRate', 'repeatContactShare', 'repeatReduction', 'detractorShare']);

const ASSUMED: Localized = {
  fr: 'Hypothèse de travail d’Écoute, sans source publiée : remplacez-la par votre propre historique.',
  en: 'Écoute’s working assumption, with no published source: replace it with your own history.',
};

/**
 * The documented defaults. Published figures are quoted with their source; the rest are labelled as
 * assumptions. Workspace figures (customers, values, contacts, NPS mix) replace the defaults where the
 * data has them (value-inputs.ts), and the user's figures replace both.
 */
export const DEFAULT_ASSUMPTIONS: Readonly<Record<ValueKey, Omit<Assumption, 'key' | 'origin'>>> = {
  customers: { value: 0, unit: 'count', label: { fr: 'Clients dans la base', en: 'Customers in the base' }, source: { fr: 'Espace de travail : clients distincts vus dans les conversations (la base réelle est souvent plus grande : --set customers=…).', en: 'Workspace: distinct customers seen in conversations (the real base is often larger: --set customers=…).' } },
  averageCustomerValue: { value: 0, unit: 'money', label: { fr: 'Valeur annuelle moyenne d’un client', en: 'Average annual value of a customer' }, source: { fr: 'Espace de travail : moyenne des valeurs client importées ; 0 sans valeur connue (à renseigner).', en: 'Workspace: mean of the imported customer values; 0 when none is known (set it).' } },
  valueAtRisk: { value: 0, unit: 'money', label: { fr: 'Valeur des clients à risque', en: 'Value of the customers at risk' }, source: { fr: 'Espace de travail : somme des valeurs des clients à risque (liste des clients à risque).', en: 'Workspace: total value of the customers at risk (the at-risk list).' } },
  churnRateAtRisk: { value: 0.3, unit: 'share', label: { fr: 'Part des clients à risque qui partiraient dans l’année sans action', en: 'Share of at-risk customers who would leave within a year without action' }, source: ASSUMED },
  saveRate: { value: 0.25, unit: 'share', label: { fr: 'Part de ces départs qu’une meilleure expérience évite', en: 'Share of those departures a better experience prevents' }, source: ASSUMED },
  contactsPerCustomer: { value: 0, unit: 'per-year', label: { fr: 'Contacts par client et par an', en: 'Contacts per customer per year' }, source: { fr: 'Espace de travail : conversations de contact ÷ clients, ramenées à un an sur la période couverte.', en: 'Workspace: contact conversations ÷ customers, scaled to a year over the period covered.' } },
  repeatContactShare: { value: 0, unit: 'share', label: { fr: 'Part des contacts suivis d’un recontact sous 7 jours', en: 'Share of contacts followed by a recontact within 7 days' }, source: { fr: 'Espace de travail : même client revenu sous 7 jours.', en: 'Workspace: same customer back within 7 days.' } },
  repeatReduction: { value: 0.2, unit: 'share', label: { fr: 'Part des recontacts qu’une meilleure expérience supprime', en: 'Share of repeat contacts a better experience removes' }, source: ASSUMED },
  costPerContact: { value: 8.01, unit: 'money', label: { fr: 'Coût d’un contact avec un conseiller', en: 'Cost of one assisted contact' }, source: { fr: 'Gartner, 2019 Customer Service and Support Leader poll (publié avec le communiqué « Only 9% of Customers Report Solving Their Issues Completely via Self-Service », 2019) : 8,01 US$ en moyenne par contact sur les canaux humains (téléphone, chat, e-mail), contre 0,10 US$ en libre-service. En dollars : remplacez-le par votre coût, dans votre devise.', en: 'Gartner, 2019 Customer Service and Support Leader poll (released with “Only 9% of Customers Report Solving Their Issues Completely via Self-Service”, 2019): US$8.01 per contact on average on live channels (phone, chat, e-mail), against US$0.10 for self-service. In dollars: replace it with your own cost, in your currency.' } },
  detractorShare: { value: 0, unit: 'share', label: { fr: 'Part de détracteurs (NPS 0–6)', en: 'Share of detractors (NPS 0–6)' }, source: { fr: 'Espace de travail : réponses NPS.', en: 'Workspace: NPS answers.' } },
  npsShift: { value: 5, unit: 'points', label: { fr: 'Points de clients passant de détracteur à promoteur', en: 'Points of customers moving from detractor to promoter' }, source: ASSUMED },
  promoterSpendPremium: { value: 1.4, unit: 'ratio', label: { fr: 'Dépense supplémentaire d’un client à la meilleure expérience par rapport à la pire', en: 'Extra spend of a customer with the best experience over one with the worst' }, source: { fr: 'P. Kriss, « The Value of Customer Experience, Quantified », Harvard Business Review, août 2014 : les clients aux meilleures expériences passées dépensent 140 % de plus que ceux aux pires (activité transactionnelle).', en: 'P. Kriss, “The Value of Customer Experience, Quantified”, Harvard Business Review, August 2014: customers with the best past experiences spend 140% more than those with the poorest (transaction-based business).' } },
  annualRevenue: { value: 0, unit: 'money', label: { fr: 'Chiffre d’affaires annuel', en: 'Annual revenue' }, source: { fr: 'Par défaut : clients × valeur moyenne ; mettez votre vrai chiffre (--set annualRevenue=…).', en: 'Default: customers × average value; put your real figure (--set annualRevenue=…).' } },
  benchmarkGainPerRevenue: { value: 0.8, unit: 'ratio', label: { fr: 'Gain sur trois ans d’une amélioration modérée de l’expérience, par unité de chiffre d’affaires annuel', en: 'Three-year gain of a modest CX improvement, per unit of annual revenue' }, source: { fr: 'Temkin Group, « ROI of Customer Experience, 2015 » : une amélioration modeste de l’expérience client rapporte plus de 800 M$ de revenus supplémentaires sur trois ans à une entreprise de 1 G$ de chiffre d’affaires annuel (moyenne de 20 secteurs ; 0,8 = 800 M$ ÷ 1 G$). Repère externe, non ajouté au total.', en: 'Temkin Group, “ROI of Customer Experience, 2015”: a modest improvement in customer experience brings a company with $1 billion in annual revenue more than $800 million of additional revenue over three years (average of 20 industries; 0.8 = $800M ÷ $1B). An outside benchmark, not added to the total.' } },
};

/**
 * Parses user overrides: "key=value" items (repeated flags or comma-separated). Unknown keys, values
 * that are not numbers, negatives and shares above 1 are UsageErrors naming the fix.
 */
export function parseOverrides(items: readonly string[]): Partial<Record<ValueKey, number>> {
  const out: Partial<Record<ValueKey, number>> = {};
  for (const item of items.flatMap((i) => i.split(',')).map((i) => i.trim()).filter(Boolean)) {
    const eq = item.indexOf('=');
    const key = (eq < 0 ? item : item.slice(0, eq)).trim();
    const raw = eq < 0 ? '' : item.slice(eq + 1).trim();
    if (!(VALUE_KEYS as readonly string[]).includes(key)) {
      throw new UsageError(`Unknown assumption "${key}". Use any of: ${VALUE_KEYS.join(', ')} (e.g. saveRate=0.3).`, { parameter: key, allowed: VALUE_KEYS });
    }
    setOverride(out, key as ValueKey, raw);
  }
  return out;
}

/** Checks and records one override; exported for query strings, where each key is its own parameter. */
export function setOverride(out: Partial<Record<ValueKey, number>>, key: ValueKey, raw: string): void {
  const v = Number(raw);
  if (raw === '' || !Number.isFinite(v) || v < 0) {
    throw new UsageError(`Assumption "${key}" needs a number of 0 or more, not "${raw}" (e.g. ${key}=${DEFAULT_ASSUMPTIONS[key].value || 1}).`, { parameter: key });
  }
  if (SHARES.has(key) && v > 1) {
    throw new UsageError(`Assumption "${key}" is a share from 0 to 1, not ${raw} (write 0.25 for 25 %).`, { parameter: key });
  }
  if (key === 'npsShift' && v > 100) throw new UsageError(`Assumption "npsShift" is in points from 0 to 100, not ${raw}.`, { parameter: key });
  out[key] = v;
}
