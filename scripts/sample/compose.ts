/**
 * Composes customer messages and agent replies from fragments. A customer opening is
 * greeting + situation + detail + emotion + impact + history + request + churn + sign-off, each part
 * optional; agent replies come in four qualities (warm/specific, plain, canned template, defensive).
 */
import type { Rng } from './prng.ts';
import type { Customer, Lang } from './people.ts';
import type { ScenarioKey, ScenarioText, Tone } from './scenario.ts';
import { scenarioDef } from './scenario.ts';
import type { GenericText } from './generic.ts';
import { GENERIC_FR } from './fragments-fr.ts';
import { GENERIC_EN } from './fragments-en.ts';
import { SCENARIOS_FR } from './scenarios-fr.ts';
import { SCENARIOS_EN } from './scenarios-en.ts';
import { type Ctx, fill, fits, pickFill, withSlot } from './slots.ts';
import { applyRegister, extraFor, type Register } from './register.ts';

export type Quality = 'warm' | 'plain' | 'canned' | 'defensive';
export type Written = 'ticket' | 'email' | 'chat' | 'social';

/** The fragments of one language. */
export interface Pack {
  generic: GenericText;
  scenarios: Record<ScenarioKey, ScenarioText>;
}

export const PACKS: Record<Lang, Pack> = {
  fr: { generic: GENERIC_FR, scenarios: SCENARIOS_FR },
  en: { generic: GENERIC_EN, scenarios: SCENARIOS_EN },
};

/** Scenarios where a Pro customer mentions the impact on their business. */
const PRO_IMPACT = new Set<ScenarioKey>(['outage', 'wifi', 'mobile_signal', 'install', 'porting']);
/** Scenarios where slang and jokes would be out of place. */
const SENSITIVE = new Set<ScenarioKey>(['bereavement', 'vulnerable_line']);

const PII_SLOTS = ['iban', 'card', 'phone', 'email'];
const PII_LINES: Record<Lang, readonly string[]> = {
  fr: ['Vous pouvez me rappeler au {phone}.', 'Mon adresse mail perso si besoin : {email}.', 'Joignable au {phone} toute la journée.', 'Je veux bien régler par carte pour en finir : {card}.', 'Mon nouveau RIB pour le prélèvement : {iban}.'],
  en: ['You can call me back on {phone}.', 'My personal email if needed: {email}.', 'Reach me on {phone} any time.', 'Happy to pay by card to settle this: {card}.', 'New bank details for the direct debit: IBAN {iban}.'],
};

/** Picks the tone of a customer message; repeat contacts drift toward frustration and anger. */
export function pickTone(rng: Rng, scenario: ScenarioKey, attempt: number): Tone {
  const base = scenarioDef(scenario).tones;
  if (attempt === 0 || !scenarioDef(scenario).negative) return rng.weighted(base as Record<Tone, number>);
  const drift: Partial<Record<Tone, number>> = { frustration: 4, anger: 2 + attempt, sarcasm: 2, disappointment: 1 };
  if (base.anxiety) drift.anxiety = 2;
  return rng.weighted(drift as Record<Tone, number>);
}

export interface Opening {
  tone: Tone;
  register: Register;
  attempt: number;
  churn: boolean;
  pii: boolean;
  channel: Written;
  scenario?: ScenarioKey;
  /** Follow-up openings already used in this thread. */
  used?: Set<string>;
}

/** The customer's first message of a contact, as text ready for the channel. */
export function customerOpening(rng: Rng, lang: Lang, c: Customer, scenario: ScenarioKey, ctx: Ctx, o: Opening): string {
  const { generic: g, scenarios } = PACKS[lang];
  const sc = scenarios[scenario];
  const negative = scenarioDef(scenario).negative;
  if (o.channel === 'social') return socialPost(rng, lang, c, sc, ctx, { ...o, scenario });
  const body: string[] = [];
  body.push(pickFill(rng, sc.situations, ctx));
  let detailPool = sc.details;
  if (o.pii) {
    const piiDetails = withSlot(sc.details, PII_SLOTS).filter((f) => fits(f, ctx));
    detailPool = piiDetails.length > 0 ? piiDetails : sc.details;
  }
  if (o.pii || rng.chance(0.6)) body.push(pickFill(rng, detailPool.filter((f) => f !== body[0]), ctx));
  if (o.tone !== 'neutral' && rng.chance(0.85)) body.push(pickFill(rng, g.tone[o.tone], ctx));
  if (c.company && PRO_IMPACT.has(scenario) && rng.chance(0.5)) body.push(pickFill(rng, g.proImpact, ctx));
  if (negative && ctx.years && c.years >= 8 && rng.chance(0.45)) body.push(pickFill(rng, g.loyalty, ctx));
  if (o.attempt > 0) body.push(pickFill(rng, g.repeat, ctx));
  if (o.pii && !body.some((b) => PII_SLOTS.some((s) => ctx[s] && b.includes(ctx[s] as string)))) {
    body.push(pickFill(rng, PII_LINES[lang], ctx));
  }
  body.push(pickFill(rng, sc.asks, ctx));
  if (o.churn) body.push(pickFill(rng, g.churn, ctx));
  if (o.churn && rng.chance(0.35)) body.push(pickFill(rng, g.escalate, ctx));
  const extra = negative && ['anger', 'frustration', 'sarcasm', 'disappointment'].includes(o.tone) && !SENSITIVE.has(scenario) ? extraFor(rng, lang, c.country, o.register) : '';
  if (extra && rng.chance(0.5)) body.splice(Math.min(body.length, 2), 0, extra.charAt(0).toUpperCase() + extra.slice(1));
  let text = body.filter(Boolean).join(' ');
  if (o.register === 'sms' || (o.channel === 'chat' && rng.chance(0.3))) {
    if (negative && rng.chance(0.4)) text += ` ${rng.pick(g.emoji)}`;
  }
  text = applyRegister(rng, text, lang, c.country, o.register);
  return frame(rng, g, text, ctx, o.register, o.channel);
}

/** Lowercases the first letter unless the word looks like a name, an acronym or a mention. */
function lowerStart(text: string): string {
  const word = /^\S+/.exec(text)?.[0] ?? '';
  if (/^[A-Z0-9@#]{2,}/.test(word) || /^(Azur|Orbis|NovaBox|Lyon|Paris|Teams|I|I'm|Internet\b)/.test(word)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** A short public post: a scenario post, or a trimmed situation with a mention. */
function socialPost(rng: Rng, lang: Lang, c: Customer, sc: ScenarioText, ctx: Ctx, o: Opening): string {
  const { generic: g } = PACKS[lang];
  let text = rng.chance(0.55) ? pickFill(rng, sc.social, ctx) : `@AzurTelecom ${pickFill(rng, sc.situations, ctx)}`;
  if (o.churn) text += ` ${pickFill(rng, g.churn, ctx)}`;
  if (rng.chance(0.3) && scenarioDef(o.scenario ?? 'praise').negative) text += ` ${rng.pick(g.emoji)}`;
  return applyRegister(rng, text, lang, c.country, o.register === 'formal' ? 'casual' : o.register);
}

/** Adds greeting and sign-off as the channel would carry them. */
function frame(rng: Rng, g: GenericText, text: string, ctx: Ctx, register: Register, channel: Written): string {
  if (channel === 'social' || channel === 'chat') {
    if (channel === 'chat' && register !== 'sms' && rng.chance(0.4)) return `${rng.pick(g.greetCasual.filter(Boolean))}, ${lowerStart(text)}`;
    return text;
  }
  const formal = register === 'formal';
  const greet = formal ? rng.pick(g.greetFormal) : rng.pick(g.greetCasual);
  const sign = fill(formal ? rng.pick(g.signoffFormal) : rng.pick(g.signoffCasual), ctx);
  const head = greet ? (formal ? `${greet}\n\n` : `${greet}, `) : '';
  if (head && !formal) text = lowerStart(text);
  const tail = sign ? `\n\n${sign}` : '';
  return `${head}${text}${tail}`;
}

/** A later customer message on a thread that is not resolved. */
export function customerFollowup(rng: Rng, lang: Lang, c: Customer, scenario: ScenarioKey, ctx: Ctx, o: Opening): string {
  const { generic: g } = PACKS[lang];
  const used = o.used ?? new Set<string>();
  const pool = o.channel === 'chat' ? g.chatPushback : g.followup;
  const fresh = pool.filter((f) => !used.has(f));
  const chosen = rng.pick(fresh.length > 0 ? fresh : pool);
  used.add(chosen);
  const parts = [fill(chosen, ctx)];
  if (o.channel !== 'chat' && rng.chance(0.2)) parts.push(pickFill(rng, g.mixed, ctx));
  parts.push(pickFill(rng, g.tone[o.tone === 'neutral' ? 'frustration' : o.tone], ctx));
  if (rng.chance(0.5)) parts.push(pickFill(rng, g.repeat, ctx));
  if (o.churn) parts.push(pickFill(rng, g.churn, ctx));
  const text = applyRegister(rng, parts.filter(Boolean).join(' '), lang, c.country, o.register);
  return o.channel === 'chat' || o.channel === 'social' ? text : frame(rng, g, text, ctx, o.register, o.channel);
}

/** The customer's last message once the problem is fixed (relief, thanks). */
export function customerResolved(rng: Rng, lang: Lang, c: Customer, scenario: ScenarioKey, ctx: Ctx, register: Register, channel: Written = 'ticket'): string {
  const { generic: g, scenarios } = PACKS[lang];
  if (channel === 'chat') return applyRegister(rng, rng.pick(g.chatThanks), lang, c.country, register);
  const pool = scenarios[scenario].resolved;
  const base = pool.length > 0 ? pickFill(rng, pool, ctx) : pickFill(rng, g.tone.gratitude, ctx);
  const extra = rng.chance(0.3) ? ` ${pickFill(rng, g.tone.gratitude, ctx)}` : '';
  const emoji = rng.chance(0.25) ? ` ${rng.pick(['🙏', '👍', '😊', '🙂'])}` : '';
  return applyRegister(rng, `${base}${extra}${emoji}`, lang, c.country, register);
}

/** An agent reply of the given quality. Canned replies are returned verbatim from the template list. */
export function agentReply(rng: Rng, lang: Lang, scenario: ScenarioKey, customerCtx: Ctx, quality: Quality, chase: boolean, channel: Written): string {
  const ctx: Ctx = { ...customerCtx, gender: customerCtx.agentGender };
  const { generic: g, scenarios } = PACKS[lang];
  const sc = scenarios[scenario];
  if (quality === 'defensive' && !scenarioDef(scenario).negative && scenario === 'praise') quality = 'plain';
  if (channel === 'social' && quality !== 'warm' && rng.chance(0.7)) return pickFill(rng, g.socialDeflect, ctx);
  if (quality === 'canned') return rng.pick(g.canned);
  const short = channel === 'chat' || channel === 'social';
  if (channel === 'chat') chase = false;
  const greet = short ? '' : `${pickFill(rng, g.agentGreet, ctx)}\n\n`;
  const sign = short ? '' : `\n\n${pickFill(rng, g.agentSign, ctx)}`;
  const lines: string[] = [];
  if (chase) lines.push(pickFill(rng, g.agentChase, ctx));
  if (quality === 'warm' && chase) {
    lines.push(pickFill(rng, g.warmProgress, ctx));
  } else if (quality === 'warm') {
    if (scenarioDef(scenario).negative && scenario !== 'bereavement' && rng.chance(0.6)) lines.push(pickFill(rng, g.warmOpen, ctx));
    lines.push(pickFill(rng, sc.empathy, ctx), pickFill(rng, sc.actions, ctx));
    if (sc.questions.length > 0 && rng.chance(0.6)) lines.push(pickFill(rng, sc.questions, ctx));
    if (!short) lines.push(pickFill(rng, g.warmClose, ctx));
  } else if (quality === 'plain') {
    lines.push(pickFill(rng, sc.plain, ctx));
    if (!short) lines.push(pickFill(rng, g.plainClose, ctx));
  } else {
    lines.push(pickFill(rng, sc.defensive, ctx), pickFill(rng, g.defensiveClose, ctx));
  }
  const body = lines.filter(Boolean).join(short ? ' ' : '\n\n');
  return `${greet}${body}${sign}`;
}
