/**
 * Phone calls as transcripts: a dialogue built from the same fragments as written contacts, written as
 * WebVTT (NOTE metadata block, `<v Name>` voice tags) or, for a few, as plain text with `# key: value`
 * headers and "Client:"/"Conseiller:" turns.
 */
import type { Rng } from './prng.ts';
import { TEAMS } from './people.ts';
import { buildCtx } from './context.ts';
import { drawQuality, teamFor, type Conv, type Msg, type Plan } from './thread.ts';
import { PACKS, pickTone, type Quality } from './compose.ts';
import { applyRegister } from './register.ts';
import { pickFill } from './slots.ts';
import { scenarioDef } from './scenario.ts';
import { atDay, isoZ, MINUTE_MS, vttTime } from './dates.ts';

/** Builds a call as a sequence of turns (the `Conv` shape, channel call). */
export function buildCall(rng: Rng, plan: Plan): Conv {
  const c = plan.customer;
  const lang = c.lang;
  const team = teamFor(rng, plan);
  const agent = rng.pick(TEAMS[team].agents);
  const { generic: g, scenarios } = PACKS[lang];
  const sc = scenarios[plan.scenario];
  const ctx = buildCtx(rng, { customer: c, lang, scenario: plan.scenario, day: plan.day, attempt: plan.attempt, agent, team, pii: false, topic: rng.pick(sc.topic) });
  const vulnerable = plan.scenario === 'bereavement' || plan.scenario === 'vulnerable_line';
  const quality: Quality = drawQuality(rng, team, plan.day, vulnerable);
  const tone = pickTone(rng, plan.scenario, plan.attempt);
  const start = atDay(rng, plan.day);
  const cust = (t: string) => applyRegister(rng, t, lang, c.country, 'casual');
  const turns: [('agent' | 'customer'), string][] = [];
  const actx = { ...ctx, gender: ctx.agentGender };
  const say = (role: 'agent' | 'customer', text: string) => { if (text.trim()) turns.push([role, text.trim()]); };
  say('agent', pickFill(rng, g.callOpen, actx));
  const situation = pickFill(rng, sc.situations, ctx);
  const hello = lang === 'fr' ? rng.pick(['Oui bonjour,', 'Bonjour,', 'Allô, bonjour.']) : rng.pick(['Hi,', 'Hello, yes,', 'Hi there.']);
  say('customer', cust(`${hello} ${hello.endsWith(',') && !/^(I|I'm|Azur)\b/.test(situation) ? situation.charAt(0).toLowerCase() + situation.slice(1) : situation}`));
  say('agent', pickFill(rng, g.callVerify, actx));
  say('customer', pickFill(rng, g.callGiveId, ctx));
  say('agent', pickFill(rng, g.callCheck, actx));
  const mid = [pickFill(rng, sc.details, ctx)];
  if (tone !== 'neutral') mid.push(pickFill(rng, g.tone[tone], ctx));
  if (plan.attempt > 0) mid.push(pickFill(rng, g.repeat, ctx));
  if (c.company && scenarioDef(plan.scenario).negative && rng.chance(0.5)) mid.push(pickFill(rng, g.proImpact, ctx));
  say('customer', cust(mid.filter(Boolean).join(' ')));
  if (quality === 'warm') say('agent', pickFill(rng, sc.empathy, actx));
  else if (quality === 'defensive') say('agent', pickFill(rng, sc.defensive, actx));
  else say('agent', pickFill(rng, sc.plain, actx));
  const ask = [pickFill(rng, sc.asks, ctx)];
  if (plan.churn) ask.push(pickFill(rng, g.churn, ctx));
  say('customer', cust(ask.filter(Boolean).join(' ')));
  if (quality === 'warm') {
    say('agent', pickFill(rng, sc.actions, actx));
    if (sc.questions.length > 0 && rng.chance(0.7)) {
      say('agent', pickFill(rng, sc.questions, actx));
      say('customer', lang === 'fr' ? rng.pick(['Oui, ce serait parfait.', 'Oui, ça m\'arrangerait.', 'Non, ça ira, merci.']) : rng.pick(['Yes, that would be perfect.', 'Yes please.', 'No, that is fine, thanks.']));
    }
  } else {
    say('agent', pickFill(rng, quality === 'defensive' ? g.defensiveClose : g.plainClose, actx));
  }
  const happy = quality === 'warm' && !plan.churn;
  const praiseReply = lang === 'fr' ? ['Merci à vous !', 'Avec plaisir, bonne journée.'] : ['Thank you!', 'My pleasure, have a good day.'];
  say('customer', plan.scenario === 'praise' ? rng.pick(praiseReply) : pickFill(rng, happy ? g.callAgree : g.callUnhappy, ctx));
  say('agent', pickFill(rng, happy ? g.callBye : g.callByeUnhappy, actx));
  say('customer', pickFill(rng, g.callCustomerBye, ctx));
  let t = start;
  const messages: Msg[] = turns.map(([role, text]) => {
    const m: Msg = { role, author: role === 'agent' ? agent : c.name, at: t, text, quality: role === 'agent' ? quality : undefined };
    t += Math.round((text.split(/\s+/).length / 2.6 + 1.2) * 1000);
    return m;
  });
  return { plan, lang, team, agent, subject: '', start, messages, resolved: happy, ctx };
}

function meta(conv: Conv, id: string): [string, string][] {
  const c = conv.plan.customer;
  return [
    ['id', id], ['customer', c.id], ['segment', c.segment], ['value', String(c.value)], ['team', conv.team],
    ['agent', conv.agent], ['date', isoZ(conv.start)], ['language', conv.lang],
  ];
}

/** WebVTT transcript with a NOTE metadata block and voice tags. */
export function callToVtt(conv: Conv, id: string, rng: Rng): string {
  const custSpeaker = conv.lang === 'fr' ? rng.pick(['Client', 'Cliente', 'Client']) : rng.pick(['Customer', 'Caller']);
  const lines = ['WEBVTT', '', 'NOTE', ...meta(conv, id).map(([k, v]) => `${k}: ${v}`), ''];
  let cursor = 0;
  conv.messages.forEach((m, i) => {
    const dur = Math.round((m.text.split(/\s+/).length / 2.6 + 0.8) * 10) / 10;
    const from = cursor;
    const to = cursor + dur;
    cursor = to + 0.4;
    const speaker = m.role === 'agent' ? conv.agent : custSpeaker;
    lines.push(String(i + 1), `${vttTime(from)} --> ${vttTime(to)}`, `<v ${speaker}>${m.text}`, '');
  });
  return lines.join('\n');
}

/** Plain-text transcript: "# key: value" header lines then "Client: …"/"Conseiller: …" turns. */
export function callToTxt(conv: Conv, id: string): string {
  const [cust, ag] = conv.lang === 'fr' ? ['Client', 'Conseiller'] : ['Customer', 'Agent'];
  const head = meta(conv, id).map(([k, v]) => `# ${k}: ${v}`);
  const body = conv.messages.map((m) => `${m.role === 'agent' ? ag : cust}: ${m.text}`);
  return [...head, '', ...body, ''].join('\n');
}

/** Duration in minutes, for the README. */
export function callMinutes(conv: Conv): number {
  const last = conv.messages[conv.messages.length - 1];
  return Math.max(1, Math.round((last.at - conv.start) / MINUTE_MS));
}
