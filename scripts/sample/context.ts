/** Per-conversation slot values: amounts, dates, order numbers, optional personal data. */
import type { Rng } from './prng.ts';
import { type Customer, genderOf, type Lang, type TeamName } from './people.ts';
import type { ScenarioKey } from './scenario.ts';
import type { Ctx } from './slots.ts';
import { frenchIban, frenchMobile, orderNumber, testCard, trackingNumber } from './pii.ts';
import { OUTAGE_START_DAY } from './dates.ts';

const WEEKDAYS: Record<Lang, readonly string[]> = {
  fr: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
const TRIPS: Record<Lang, readonly string[]> = {
  fr: ['du Maroc', 'des États-Unis', 'de Suisse', 'de Tunisie', 'de Turquie', 'du Royaume-Uni'],
  en: ['Morocco', 'the US', 'Switzerland', 'Turkey', 'Tunisia', 'the UK'],
};
const PRAISED = ['Camille', 'Amélie', 'Yasmine', 'Pierre', 'Julien', 'Inès', 'Emily', 'Priya'];

/** Money in the customer's currency and language ("49,99 €", "$49.99"). */
export function money(amount: number, lang: Lang, dollars: boolean): string {
  const fixed = amount.toFixed(2);
  if (lang === 'fr') return `${fixed.replace('.', ',')} ${dollars ? '$' : '€'}`;
  return `${dollars ? '$' : '€'}${fixed}`;
}

function ordinal(n: number, lang: Lang): string {
  if (lang === 'fr') return n === 1 ? '1re' : `${n}e`;
  const s = n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th';
  return `${n}${s}`;
}

function amountFor(rng: Rng, scenario: ScenarioKey, c: Customer): number {
  const cents = rng.int(0, 1) ? 0.99 : 0.0;
  switch (scenario) {
    case 'double_debit': return c.segment === 'Pro' ? rng.int(59, 149) + 0.99 : rng.int(24, 69) + 0.99;
    case 'roaming': return rng.int(86, 412) + rng.int(0, 99) / 100;
    case 'bill_increase': return rng.int(4, 24) + cents;
    case 'outage': return rng.int(10, 35);
    case 'install': return rng.int(30, 60);
    case 'cancel': return rng.int(49, 150);
    default: return rng.int(10, 40);
  }
}

export interface CtxOptions {
  customer: Customer;
  lang: Lang;
  scenario: ScenarioKey;
  day: number;
  attempt: number;
  agent: string;
  team: TeamName;
  pii: boolean;
  topic: string;
}

/** Builds the slot values for one conversation. */
export function buildCtx(rng: Rng, o: CtxOptions): Ctx {
  const c = o.customer;
  const dollars = c.country === 'QC';
  const oldPrice = rng.int(22, 44) + 0.99;
  const newPrice = oldPrice + rng.int(5, 18);
  const days = o.scenario === 'outage' && o.day >= OUTAGE_START_DAY
    ? Math.max(2, o.day - OUTAGE_START_DAY + 1)
    : rng.int(3, 16) + o.attempt * 4;
  const n = o.attempt + 2;
  return {
    gender: c.gender,
    agentGender: genderOf(o.agent.split(' ')[0]),
    first: c.first,
    last: c.last,
    id: c.id,
    city: c.city,
    company: c.company,
    years: c.years >= 2 ? String(c.years) : undefined,
    days: String(days),
    dayth: ordinal(days, o.lang),
    n: String(n),
    nth: ordinal(n, o.lang),
    weekday: rng.pick(WEEKDAYS[o.lang]),
    amount: money(amountFor(rng, o.scenario, c), o.lang, dollars),
    oldPrice: money(oldPrice, o.lang, dollars),
    newPrice: money(newPrice, o.lang, dollars),
    speed: String(rng.int(12, 180)),
    trip: rng.pick(TRIPS[o.lang]),
    order: orderNumber(rng),
    tracking: trackingNumber(rng),
    praised: rng.pick(PRAISED.filter((p) => p !== o.agent.split(' ')[0])),
    agentFirst: o.agent.split(' ')[0],
    team: o.team,
    topic: o.topic,
    iban: o.pii ? frenchIban(rng) : undefined,
    card: o.pii ? testCard(rng) : undefined,
    phone: o.pii ? frenchMobile(rng) : undefined,
    email: o.pii ? c.email : undefined,
  };
}
