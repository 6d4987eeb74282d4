import type { EmployeeFact, MessageFact } from '../../core/facts.ts';
import type { TeamedSurvey } from '../../insights/last-touch.ts';
import { NEGATIVE_EMOTIONS, type Emotion } from '../../core/labels.ts';
import { contactConversations } from './recontact.ts';
import { replyEmpathyReader, type ReplyEmpathySource, type ReplyVerdicts } from './reply-empathy.ts';

/** Employee measures (EX) a panel cell carries. */
export const EX_MEASURES = ['enps', 'engagement'] as const;
export type ExMeasure = (typeof EX_MEASURES)[number];

/** Customer measures (CX) a panel cell carries. */
export const CX_MEASURES = ['nps', 'csat', 'negativeShare', 'replyEmpathy', 'recontactRate'] as const;
export type CxMeasure = (typeof CX_MEASURES)[number];

/** Fewest employee answers behind a team-month EX figure (fewer would also expose individuals). */
export const MIN_EX_ANSWERS = 3;
/** Fewest observations (answers, messages, replies, conversations) behind a team-month CX figure. */
export const MIN_CX_OBSERVATIONS = 5;

/** One team in one calendar month (UTC, "YYYY-MM"): each measure with the count it rests on. */
export interface PanelCell {
  team: string;
  month: string;
  ex: Record<ExMeasure, number | null>;
  exN: Record<ExMeasure, number>;
  cx: Record<CxMeasure, number | null>;
  cxN: Record<CxMeasure, number>;
}

/** The team × month panel, cells sorted by team then month. */
export interface ExCxPanel {
  cells: PanelCell[];
  /** Who judged the replies behind replyEmpathy: the reply coach, or its lexicon (no model file; the default). */
  replyEmpathySource?: ReplyEmpathySource;
}

/** The inputs of a panel: the facts `loadInsightsInput` already reads, surveys with their team resolved. */
export interface PanelInput {
  employees: readonly EmployeeFact[];
  surveys: readonly TeamedSurvey[];
  messages: readonly MessageFact[];
  /** The coach's verdict per agent reply (message id); without it, the lexicon reads the replies. */
  replyVerdicts?: ReplyVerdicts;
}

const NEGATIVE = new Set<Emotion>(NEGATIVE_EMOTIONS);
const MONTH = /^(\d{4})-(\d{2})/;

/** "YYYY-MM" of a period label when it starts with one, else of the answer's date (UTC). */
export function monthOf(period: string | null, at: Date): string {
  const m = period ? MONTH.exec(period) : null;
  return m ? `${m[1]}-${m[2]}` : at.toISOString().slice(0, 7);
}

/** `month` moved by `k` months ("2026-11" + 2 = "2027-01"). */
export function addMonths(month: string, k: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + k;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${yy}-${String(mm + 1).padStart(2, '0')}`;
}

interface Acc {
  enps: { p: number; d: number; n: number };
  eng: { sum: number; n: number };
  nps: { p: number; d: number; n: number };
  csat: { ok: number; n: number };
  neg: { hit: number; n: number };
  emp: { hit: number; n: number };
  rec: { hit: number; n: number };
}

const emptyAcc = (): Acc => ({
  enps: { p: 0, d: 0, n: 0 }, eng: { sum: 0, n: 0 }, nps: { p: 0, d: 0, n: 0 }, csat: { ok: 0, n: 0 },
  neg: { hit: 0, n: 0 }, emp: { hit: 0, n: 0 }, rec: { hit: 0, n: 0 },
});

/** A rate in % when its count reaches `min`, else null (too thin to stand for the team that month). */
const rate = (hit: number, n: number, min: number): number | null => (n >= min && n > 0 ? (hit / n) * 100 : null);

/**
 * Builds the team × month panel. EX: eNPS (% promoters 9–10 − % detractors 0–6) and mean engagement
 * item (1–5) of the month's answers. CX: NPS and CSAT (% 4–5) of the surveys counted for the team,
 * share of customer messages with a negative dominant emotion, share of agent replies showing
 * empathy (the coach's verdicts when given, else its lexicon: reply-empathy.ts), share of contact
 * conversations followed by a recontact within a week. A measure under its minimum count is null,
 * never a figure from two answers.
 */
export function buildExCxPanel(input: PanelInput): ExCxPanel {
  const acc = new Map<string, Acc>();
  const reader = replyEmpathyReader(input.replyVerdicts);
  const cell = (team: string, month: string): Acc => {
    const key = `${team}\u0000${month}`;
    let a = acc.get(key);
    if (!a) acc.set(key, (a = emptyAcc()));
    return a;
  };
  for (const e of input.employees) {
    const a = cell(e.team, monthOf(e.period, e.at));
    if (e.enps !== null) {
      a.enps.n++;
      if (e.enps >= 9) a.enps.p++;
      else if (e.enps <= 6) a.enps.d++;
    }
    const vals = Object.values(e.items);
    if (vals.length > 0) {
      a.eng.sum += vals.reduce((s, v) => s + v, 0) / vals.length;
      a.eng.n++;
    }
  }
  for (const { survey, team } of input.surveys) {
    if (!team) continue;
    const a = cell(team, monthOf(null, survey.at));
    if (survey.kind === 'nps') {
      a.nps.n++;
      if (survey.score >= 9) a.nps.p++;
      else if (survey.score <= 6) a.nps.d++;
    } else if (survey.kind === 'csat') {
      a.csat.n++;
      if (survey.score >= 4) a.csat.ok++;
    }
  }
  for (const m of input.messages) {
    if (!m.team) continue;
    if (m.role === 'customer' && m.analysis) {
      const a = cell(m.team, monthOf(null, m.at));
      a.neg.n++;
      const top = m.analysis.emotions[0];
      if (top && NEGATIVE.has(top.label)) a.neg.hit++;
    } else if (m.role === 'agent') {
      const verdict = reader.empathic(m);
      if (verdict === null) continue;
      const a = cell(m.team, monthOf(null, m.at));
      a.emp.n++;
      if (verdict) a.emp.hit++;
    }
  }
  for (const c of contactConversations(input.messages)) {
    if (!c.team) continue;
    const a = cell(c.team, monthOf(null, c.start));
    a.rec.n++;
    if (c.recontacted) a.rec.hit++;
  }
  const cells: PanelCell[] = [...acc.entries()].map(([key, a]) => {
    const [team, month] = key.split('\u0000');
    return {
      team,
      month,
      ex: {
        enps: a.enps.n >= MIN_EX_ANSWERS ? ((a.enps.p - a.enps.d) / a.enps.n) * 100 : null,
        engagement: a.eng.n >= MIN_EX_ANSWERS ? a.eng.sum / a.eng.n : null,
      },
      exN: { enps: a.enps.n, engagement: a.eng.n },
      cx: {
        nps: a.nps.n >= MIN_CX_OBSERVATIONS ? ((a.nps.p - a.nps.d) / a.nps.n) * 100 : null,
        csat: rate(a.csat.ok, a.csat.n, MIN_CX_OBSERVATIONS),
        negativeShare: rate(a.neg.hit, a.neg.n, MIN_CX_OBSERVATIONS),
        replyEmpathy: rate(a.emp.hit, a.emp.n, MIN_CX_OBSERVATIONS),
        recontactRate: rate(a.rec.hit, a.rec.n, MIN_CX_OBSERVATIONS),
      },
      cxN: { nps: a.nps.n, csat: a.csat.n, negativeShare: a.neg.n, replyEmpathy: a.emp.n, recontactRate: a.rec.n },
    };
  });
  cells.sort((x, y) => x.team.localeCompare(y.team) || x.month.localeCompare(y.month));
  return { cells, replyEmpathySource: reader.source };
}
