/**
 * Plans every contact of the 12 weeks: background traffic across channels, the Lyon fibre outage
 * spike in the last two weeks, the October double-debit bump, and a dozen at-risk customers whose
 * repeated, unresolved contacts end in churn intent.
 */
import type { Rng } from './prng.ts';
import { type Customer, inOutageArea, makeCustomers } from './people.ts';
import { SCENARIOS, type ScenarioKey } from './scenario.ts';
import type { ConvChannel, Plan } from './thread.ts';
import { DOUBLE_DEBIT_DAYS, OUTAGE_START_DAY, PERIOD_DAYS } from './dates.ts';

export interface World {
  customers: Customer[];
  plans: Plan[];
}

/** Background volume per channel (before the spike and the at-risk stories). */
const BACKGROUND: Record<ConvChannel, number> = { ticket: 175, chat: 128, email: 30, call: 21, social: 34 };
const TICKET_VIA = { web: 58, email: 42 };

function weekdayBias(rng: Rng, day: number): number {
  return day % 7 === 6 && rng.chance(0.6) ? Math.min(PERIOD_DAYS, day + 1) : day;
}

function scenarioFor(rng: Rng, day: number, c: Customer): ScenarioKey {
  const weights: Record<string, number> = {};
  for (const s of SCENARIOS) weights[s.key] = s.weight;
  if (day >= DOUBLE_DEBIT_DAYS[0] && day <= DOUBLE_DEBIT_DAYS[1]) weights.double_debit *= 9;
  if (inOutageArea(c)) weights.outage *= day >= OUTAGE_START_DAY ? 6 : 0.25;
  if (c.segment === 'Pro') weights.discover *= 0.6;
  return rng.weighted(weights) as ScenarioKey;
}

function viaFor(rng: Rng, channel: ConvChannel): string {
  switch (channel) {
    case 'ticket': return rng.weighted(TICKET_VIA);
    case 'social': return rng.chance(0.4) ? 'twitter' : 'social';
    default: return channel;
  }
}

function plan(rng: Rng, c: Customer, scenario: ScenarioKey, channel: ConvChannel, day: number, attempt = 0, churn = false): Plan {
  const piiable = channel !== 'social' && channel !== 'call';
  return { customer: c, scenario, channel, via: viaFor(rng, channel), day, attempt, churn, pii: piiable && rng.chance(0.03) };
}

/** Builds customers and the full contact plan. */
export function planWorld(rng: Rng): World {
  const customers = makeCustomers(rng.fork('customers'), 350);
  const plans: Plan[] = [];
  const r = rng.fork('background');
  const regulars = r.sample(customers, 90);
  for (const channel of Object.keys(BACKGROUND) as ConvChannel[]) {
    for (let i = 0; i < BACKGROUND[channel]; i++) {
      const c = r.chance(0.35) ? r.pick(regulars) : r.pick(customers);
      const day = weekdayBias(r, r.int(0, PERIOD_DAYS));
      const scenario = scenarioFor(r, day, c);
      const p = plan(r, c, scenario, channel, day);
      if (scenarioDefNegative(scenario) && r.chance(0.05)) p.churn = true;
      plans.push(p);
    }
  }
  addOutageSpike(rng.fork('outage'), customers, plans);
  addAtRisk(rng.fork('at-risk'), customers, plans);
  return { customers, plans };
}

function scenarioDefNegative(key: ScenarioKey): boolean {
  return SCENARIOS.find((s) => s.key === key)?.negative ?? false;
}

/** The Lyon outage: most customers of the area get in touch, some twice through another channel. */
function addOutageSpike(rng: Rng, customers: Customer[], plans: Plan[]): void {
  const area = customers.filter(inOutageArea);
  for (const c of area) {
    if (!rng.chance(0.8)) continue;
    const day = rng.int(OUTAGE_START_DAY, OUTAGE_START_DAY + 4);
    const first = rng.weighted({ ticket: 35, chat: 30, social: 18, call: 10, email: 7 }) as ConvChannel;
    plans.push(plan(rng, c, 'outage', first, day));
    if (rng.chance(0.4)) {
      const again = rng.weighted({ ticket: 30, chat: 25, social: 20, call: 15, email: 10 }) as ConvChannel;
      const p = plan(rng, c, 'outage', again, Math.min(PERIOD_DAYS, day + rng.int(2, 7)), 1, rng.chance(0.25));
      plans.push(p);
    }
  }
  // A vulnerable customer caught by the outage.
  const elder = area.find((c) => c.lang === 'fr' && c.segment === 'Particulier');
  if (elder) plans.push({ ...plan(rng, elder, 'vulnerable_line', 'call', OUTAGE_START_DAY + 2), pii: false });
}

const AT_RISK_SCENARIOS: ScenarioKey[] = ['double_debit', 'install', 'wifi', 'porting', 'hold_loop', 'renewal', 'bill_increase', 'wifi', 'install'];

/** Twelve high-value customers with escalating, unresolved stories across channels. */
function addAtRisk(rng: Rng, customers: Customer[], plans: Plan[]): void {
  const valuable = customers.filter((c) => c.segment !== 'Particulier').sort((a, b) => b.value - a.value || a.id.localeCompare(b.id));
  const lyon = valuable.filter(inOutageArea).slice(0, 3);
  const away = valuable.filter((c) => !inOutageArea(c));
  const premium = away.filter((c) => c.segment === 'Premium').slice(0, 10);
  const pro = away.filter((c) => c.segment === 'Pro').slice(0, 30);
  const others = [...rng.sample(pro, 7), ...rng.sample(premium, 2)];
  const chosen = [...lyon, ...others];
  chosen.forEach((c, i) => {
    c.atRisk = true;
    const outage = i < lyon.length;
    const scenario: ScenarioKey = outage ? 'outage' : AT_RISK_SCENARIOS[(i - lyon.length) % AT_RISK_SCENARIOS.length];
    const contacts = rng.int(3, 5);
    const channels = rng.shuffle<ConvChannel>(['ticket', 'call', 'chat', 'email', 'ticket', 'social']).slice(0, contacts);
    let day = outage ? OUTAGE_START_DAY : rng.int(8, 50);
    channels.forEach((channel, k) => {
      const last = k === contacts - 1;
      const p = plan(rng, c, scenario, channel, Math.min(PERIOD_DAYS, day), k, last);
      p.resolved = false;
      if (k === 1 && channel !== 'social' && channel !== 'call') p.pii = true;
      plans.push(p);
      day += outage ? rng.int(2, 3) : rng.int(4, 11);
    });
  });
}
