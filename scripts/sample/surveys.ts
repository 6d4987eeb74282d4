/**
 * Survey exports: a Typeform-like NPS CSV (English headers, mixed languages), a French CRM NPS export
 * (Windows-1252, semicolons, DD/MM/YYYY, multi-line messages) and a post-contact CSAT/CES survey tied
 * to team and agent, whose scores follow reply quality and the team's engagement.
 */
import iconv from 'iconv-lite';
import type { Rng } from './prng.ts';
import { type Customer, TEAMS } from './people.ts';
import type { Conv } from './thread.ts';
import { csvDocument } from './csv.ts';
import { atDay, clampEnd, dayOf, frenchDateTime, PERIOD_DAYS, sqlDateTime, sqlMinute } from './dates.ts';
import { FEEDBACK_FR } from './feedback-fr.ts';
import { FEEDBACK_EN } from './feedback-en.ts';
import { type Experience, npsScore, npsVerbatim } from './experience.ts';

const FEEDBACK = { fr: FEEDBACK_FR, en: FEEDBACK_EN };

export const TYPEFORM_HEADER = ['#', 'How likely are you to recommend Azur Télécom to a friend or colleague?',
  'What is the main reason for your score?', 'Customer ID', 'Segment', 'Language', 'Submit Date (UTC)'];

function answerDay(rng: Rng, c: Customer, e: Experience | undefined): number {
  if (c.atRisk && e) return Math.min(PERIOD_DAYS, dayOf(e.lastContactAt) + rng.int(1, 4));
  if (e && rng.chance(0.7)) return Math.min(PERIOD_DAYS, dayOf(e.lastContactAt) + rng.int(1, 10));
  return rng.int(0, PERIOD_DAYS);
}

/** Typeform NPS export. */
export function typeformCsv(rng: Rng, customers: readonly Customer[], exp: Map<string, Experience>): { text: string; ids: Set<string> } {
  const atRisk = customers.filter((c) => c.atRisk);
  const others = rng.sample(customers.filter((c) => !c.atRisk), 92);
  const rows = [...atRisk, ...others].map((c) => {
    const e = exp.get(c.id);
    const score = npsScore(rng, c, e);
    const at = clampEnd(atDay(rng, answerDay(rng, c, e)));
    return { at, cells: [score, npsVerbatim(rng, FEEDBACK[c.lang], score, c, e), c.id, c.segment, c.lang, sqlDateTime(at)] };
  }).sort((a, b) => a.at - b.at);
  const text = csvDocument(TYPEFORM_HEADER, rows.map((r, i) => [i + 1, ...r.cells]));
  return { text, ids: new Set(rows.map((r) => String(r.cells[2]))) };
}

export const CRM_HEADER = ['numero', 'date', 'canal', 'client', 'segment', 'note', 'message'];

/** French CRM NPS export, encoded in Windows-1252 with semicolons. */
export function crmCsv(rng: Rng, customers: readonly Customer[], exp: Map<string, Experience>, exclude: ReadonlySet<string>): Buffer {
  const pool = customers.filter((c) => c.lang === 'fr' && !exclude.has(c.id));
  const rows = rng.sample(pool, 72).map((c) => {
    const e = exp.get(c.id);
    const score = npsScore(rng, c, e);
    let message = npsVerbatim(rng, FEEDBACK_FR, score, c, e);
    if (message && rng.chance(0.2)) message = message.replace(/([.!?]) /, '$1\n');
    const at = clampEnd(atDay(rng, answerDay(rng, c, e)));
    return { at, cells: [frenchDateTime(at), rng.pick(['Enquête SMS', 'Enquête web', 'Enquête boutique']), c.id, c.segment, score, message] };
  }).sort((a, b) => a.at - b.at);
  const text = csvDocument(CRM_HEADER, rows.map((r, i) => [`NPS-${String(2_400 + i * 3)}`, ...r.cells]), ';');
  return iconv.encode(text, 'win1252');
}

export const CSAT_HEADER = ['Response ID', 'Date', 'Customer ID', 'Team', 'Agent', 'CSAT', 'CES', 'Comment'];

const QUALITY_BASE = { warm: 4.5, plain: 3.3, canned: 2.4, defensive: 1.6 } as const;

/** Post-contact CSAT/CES survey for a share of tickets, chats and calls. */
export function csatCsv(rng: Rng, convs: readonly Conv[]): string {
  const rows: { at: number; cells: (string | number)[] }[] = [];
  for (const conv of convs) {
    if (conv.plan.channel === 'social' || !rng.chance(0.24)) continue;
    const replies = conv.messages.filter((m) => m.role === 'agent');
    const last = replies[replies.length - 1];
    if (!last?.quality) continue;
    const end = conv.messages[conv.messages.length - 1].at;
    const month = Math.min(2, Math.max(0, Math.floor(dayOf(end) / 30)));
    const engagement = TEAMS[conv.team].engagement[month];
    const raw = QUALITY_BASE[last.quality] + (conv.resolved ? 0.5 : -0.6) + (engagement - 3.4) * 0.7 + (rng.next() - 0.5) * 1.2;
    const csat = Math.max(1, Math.min(5, Math.round(raw)));
    const ces = Math.max(1, Math.min(7, Math.round(csat * 1.3 + (rng.next() - 0.5) * 2.2)));
    const f = FEEDBACK[conv.lang];
    let comment = rng.chance(0.6) ? rng.pick(csat >= 4 ? f.csatGood : csat === 3 ? f.csatMid : f.csatBad) : '';
    if (comment && csat >= 4 && rng.chance(0.4)) comment = `${conv.lang === 'fr' ? 'Merci à' : 'Thanks to'} ${conv.agent.split(' ')[0]} ! ${comment}`.replace(' ! ', conv.lang === 'fr' ? ' ! ' : '! ');
    const at = clampEnd(end + rng.int(30, 2880) * 60_000);
    rows.push({ at, cells: [sqlMinute(at), conv.plan.customer.id, conv.team, conv.agent, csat, ces, comment] });
  }
  rows.sort((a, b) => a.at - b.at);
  return csvDocument(CSAT_HEADER, rows.map((r, i) => [`R_${(7_340_000 + i * 13).toString(36).toUpperCase()}`, ...r.cells]));
}
