/** What each customer went through, summarised from their conversations, to drive survey answers. */
import type { Customer } from './people.ts';
import type { ScenarioKey } from './scenario.ts';
import { scenarioDef } from './scenario.ts';
import type { Conv } from './thread.ts';
import type { Rng } from './prng.ts';
import type { FeedbackText } from './feedback.ts';

export interface Experience {
  contacts: number;
  unresolved: number;
  lastScenario?: ScenarioKey;
  lastNegativeScenario?: ScenarioKey;
  lastContactAt: number;
  warmReplies: number;
}

/** Summary per customer id. */
export function summarise(convs: readonly Conv[]): Map<string, Experience> {
  const out = new Map<string, Experience>();
  for (const conv of [...convs].sort((a, b) => a.start - b.start)) {
    const id = conv.plan.customer.id;
    const e = out.get(id) ?? { contacts: 0, unresolved: 0, lastContactAt: 0, warmReplies: 0 };
    e.contacts++;
    if (!conv.resolved) e.unresolved++;
    e.lastScenario = conv.plan.scenario;
    if (scenarioDef(conv.plan.scenario).negative && conv.plan.scenario !== 'discover') e.lastNegativeScenario = conv.plan.scenario;
    e.lastContactAt = Math.max(e.lastContactAt, conv.messages[conv.messages.length - 1].at);
    e.warmReplies += conv.messages.filter((m) => m.quality === 'warm').length;
    out.set(id, e);
  }
  return out;
}

/** An NPS score (0–10) consistent with the customer's experience. */
export function npsScore(rng: Rng, c: Customer, e: Experience | undefined): number {
  if (c.atRisk) return rng.int(0, 3);
  if (e && e.unresolved > 0) return rng.pick([1, 2, 3, 4, 5, 5, 6, 6, 7]);
  if (e && e.warmReplies > 0) return rng.pick([7, 8, 8, 9, 9, 10, 10, 10]);
  return Number(rng.weighted({ s10: 15, s9: 20, s8: 20, s7: 14, s6: 10, s5: 6, s4: 5, s3: 4, s2: 3, s1: 1, s0: 1 }).slice(1));
}

function two(rng: Rng, pool: readonly string[]): string {
  const [a, b] = rng.sample(pool, 2);
  return rng.chance(0.5) ? a : `${a} ${b}`;
}

/** The verbatim behind a score: praise, mixed, or the actual reason for a low score. */
export function npsVerbatim(rng: Rng, f: FeedbackText, score: number, c: Customer, e: Experience | undefined): string {
  if (rng.chance(0.08)) return '';
  if (score >= 9) return two(rng, f.promoter);
  if (score >= 7) {
    const base = rng.pick(f.passive);
    return rng.chance(0.35) ? `${rng.pick(f.promoter)}${rng.pick(f.but)}${lowerFirst(rng.pick(f.detractor))}` : base;
  }
  const lyon = c.city === 'Lyon' || c.city === 'Villeurbanne';
  const specific = e?.lastNegativeScenario ? f.byScenario[e.lastNegativeScenario]?.filter((s) => lyon || !s.includes('Lyon')) : undefined;
  let text = specific && specific.length > 0 && rng.chance(0.8) ? rng.pick(specific) : rng.pick(f.detractor);
  if (rng.chance(0.3)) text += ` ${rng.pick(f.detractor.filter((d) => d !== text))}`;
  if (c.atRisk || (score <= 3 && rng.chance(0.3))) text += ` ${rng.pick(f.churn)}`;
  if (!c.atRisk && score >= 5 && rng.chance(0.25)) text = `${rng.pick(f.promoter)}${rng.pick(f.but)}${lowerFirst(text)}`;
  return text;
}

export function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
