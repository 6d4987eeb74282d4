/**
 * Builds one written conversation (ticket, e-mail, chat or public post) from a plan: the customer's
 * opening, agent replies whose quality follows the team's engagement, follow-ups while unresolved,
 * and sometimes a closing thank-you.
 */
import type { Rng } from './prng.ts';
import { type Customer, type Lang, type TeamName, TEAMS } from './people.ts';
import type { ScenarioKey } from './scenario.ts';
import { scenarioDef } from './scenario.ts';
import { buildCtx } from './context.ts';
import { agentReply, customerFollowup, customerOpening, customerResolved, pickTone, PACKS, type Quality, type Written } from './compose.ts';
import type { Register } from './register.ts';
import { atDay, clampEnd, dayOf, MINUTE_MS, OUTAGE_START_DAY } from './dates.ts';
import { type Ctx, fill } from './slots.ts';

export type ConvChannel = Written | 'call';

export interface Msg {
  role: 'customer' | 'agent';
  author: string;
  at: number;
  text: string;
  quality?: Quality;
}

/** A planned contact: who, about what, where, when, how it should go. */
export interface Plan {
  customer: Customer;
  scenario: ScenarioKey;
  channel: ConvChannel;
  /** Zendesk "Via" value or similar source detail. */
  via: string;
  day: number;
  /** Earlier contacts about the same issue. */
  attempt: number;
  churn: boolean;
  pii: boolean;
  /** Force the outcome; otherwise it follows reply quality. */
  resolved?: boolean;
  /** Force the team (e.g. English conversations routed to a French team). */
  team?: TeamName;
}

export interface Conv {
  plan: Plan;
  lang: Lang;
  team: TeamName;
  agent: string;
  subject: string;
  start: number;
  messages: Msg[];
  resolved: boolean;
  ctx: Ctx;
}

/** Team for a plan: English speakers mostly reach Customer Care EN. */
export function teamFor(rng: Rng, plan: Plan): TeamName {
  if (plan.team) return plan.team;
  const def = scenarioDef(plan.scenario);
  if (plan.customer.lang === 'en') {
    return rng.chance(0.72) ? 'Customer Care EN' : def.team === 'Fidélisation' || def.team === 'Service client' ? 'Customer Care EN' : def.team;
  }
  return def.team;
}

/** Reply quality drawn from the team's mix; the technical team degrades under the outage load. */
export function drawQuality(rng: Rng, team: TeamName, day: number, vulnerable: boolean): Quality {
  const mix = { ...TEAMS[team].mix };
  if (team === 'Support technique' && day >= OUTAGE_START_DAY) {
    mix.canned += 0.2;
    mix.warm -= 0.15;
  }
  if (vulnerable) mix.warm += 0.15;
  return rng.weighted(mix);
}

function registerFor(rng: Rng, plan: Plan): Register {
  if (plan.scenario === 'bereavement' || plan.scenario === 'vulnerable_line') return 'formal';
  switch (plan.channel) {
    case 'email': return rng.chance(0.8) ? 'formal' : 'casual';
    case 'chat': return rng.weighted({ casual: 55, sms: 35, formal: 10 });
    case 'social': return rng.chance(0.5) ? 'sms' : 'casual';
    default: return rng.weighted({ formal: 50, casual: 35, sms: 15 });
  }
}

function replyDelay(rng: Rng, channel: ConvChannel, quality: Quality): number {
  if (channel === 'chat') return rng.int(1, 7) * MINUTE_MS;
  if (channel === 'social') return rng.int(15, 600) * MINUTE_MS;
  const slow = quality === 'canned' ? 0.2 : 1;
  return Math.round((rng.int(40, 3000) * slow + 10) * MINUTE_MS);
}

/** Composes the conversation for a plan. */
export function buildThread(rng: Rng, plan: Plan): Conv {
  const c = plan.customer;
  const lang = c.lang;
  const team = teamFor(rng, plan);
  const agent = rng.pick(TEAMS[team].agents);
  const sc = PACKS[lang].scenarios[plan.scenario];
  const ctx = buildCtx(rng, { customer: c, lang, scenario: plan.scenario, day: plan.day, attempt: plan.attempt, agent, team, pii: plan.pii, topic: rng.pick(sc.topic) });
  const def = scenarioDef(plan.scenario);
  const vulnerable = plan.scenario === 'bereavement' || plan.scenario === 'vulnerable_line';
  const register = registerFor(rng, plan);
  const channel = plan.channel === 'call' ? 'ticket' : plan.channel;
  const tone = pickTone(rng, plan.scenario, plan.attempt);
  const start = atDay(rng, plan.day);
  const messages: Msg[] = [];
  const rounds = !def.negative ? 1 : plan.attempt > 0 ? rng.int(1, 3) : Number(rng.weighted({ r1: 5, r2: 3, r3: 1 }).slice(1));
  let t = start;
  let resolved = false;
  const used = new Set<string>();
  messages.push({ role: 'customer', author: c.name, at: t, text: customerOpening(rng, lang, c, plan.scenario, ctx, { tone, register, attempt: plan.attempt, churn: plan.churn && rounds === 1, pii: plan.pii, channel }) });
  for (let r = 0; r < rounds; r++) {
    const quality = drawQuality(rng, team, dayOf(t), vulnerable);
    t = clampEnd(t + replyDelay(rng, plan.channel, quality));
    const firstReply = r === 0 && plan.channel === 'chat' && quality !== 'canned' ? `${fillHello(rng, lang, ctx)} ` : '';
    messages.push({ role: 'agent', author: agent, at: t, quality, text: firstReply + agentReply(rng, lang, plan.scenario, ctx, quality, r > 0, channel) });
    const fixes = plan.resolved ?? (quality === 'warm' ? rng.chance(0.75) : quality === 'plain' ? rng.chance(0.35) : rng.chance(0.12));
    if (!def.negative) break;
    if (fixes) {
      resolved = true;
      if (rng.chance(0.6)) {
        t = clampEnd(t + (plan.channel === 'chat' ? rng.int(1, 4) : rng.int(60, 4000)) * MINUTE_MS);
        messages.push({ role: 'customer', author: c.name, at: t, text: customerResolved(rng, lang, c, plan.scenario, ctx, register, channel) });
      }
      break;
    }
    if (r < rounds - 1) {
      t = clampEnd(t + (plan.channel === 'chat' ? rng.int(2, 6) : rng.int(600, 5000)) * MINUTE_MS);
      const churnNow = plan.churn && r === rounds - 2;
      messages.push({ role: 'customer', author: c.name, at: t, text: customerFollowup(rng, lang, c, plan.scenario, ctx, { tone: pickTone(rng, plan.scenario, plan.attempt + r + 1), register, attempt: plan.attempt + r + 1, churn: churnNow || (!plan.churn && rng.chance(0.08)), pii: false, channel, used }) });
    }
  }
  if (!def.negative) resolved = true;
  return { plan, lang, team, agent, subject: pickSubject(rng, sc.subjects, ctx), start, messages, resolved, ctx };
}

function pickSubject(rng: Rng, subjects: readonly string[], ctx: Ctx): string {
  return fill(rng.pick(subjects), ctx);
}

function fillHello(rng: Rng, lang: Lang, ctx: Ctx): string {
  const tpl = rng.pick(PACKS[lang].generic.chatHello);
  return tpl.replace(/\{(\w+)\}/g, (_, k: string) => ctx[k] ?? '');
}
