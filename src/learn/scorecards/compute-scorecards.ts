import type { Case } from '../../core/act.ts';
import type { MessageFact } from '../../core/facts.ts';
import type { Localized } from '../../core/lang.ts';
import type { TeamedSurvey } from '../../insights/last-touch.ts';
import { contactConversations, type ContactConversation } from '../ex-cx/recontact.ts';
import { replyEmpathyReader, type ReplyEmpathySource, type ReplyVerdicts } from '../ex-cx/reply-empathy.ts';
import { selectionWarnings } from './selection-bias.ts';
import { SCORECARD_METRICS, TIME_TO_CLOSE_TARGET_HOURS, type ScorecardConfig, type ScorecardMetric, type ScorecardSubject } from './scorecard-config.ts';

/** How many conversation ids each figure lists as its evidence. */
export const EVIDENCE_IDS = 20;

/** One metric of one scorecard: its figure in its own unit, its 0–100 score, the count behind it. */
export interface MetricFigure {
  metric: ScorecardMetric;
  /** NPS in points (−100..100), rates in %, time to close in hours (median, from case timing). */
  value: number | null;
  unit: 'points' | '%' | 'hours';
  /** On 0..100, higher is better; what the weights combine. */
  score: number | null;
  /** Answers, conversations, replies, customers or closed cases behind the figure. */
  n: number;
  /** n reaches the minimum sample. */
  enough: boolean;
  weight: number;
  /** Conversations behind the figure (first EVIDENCE_IDS): the answers, the empathic replies, and for resolution and retention the ones that pulled it down. */
  conversationIds: string[];
}

/** One team's or agent's scorecard. */
export interface Scorecard {
  subject: string;
  metrics: Record<ScorecardMetric, MetricFigure>;
  /** Weighted mean of the scores; null when a weighted metric lacks the minimum sample. */
  composite: number | null;
  /** 1 = best; null when not ranked (never on fewer answers than the minimum). */
  rank: number | null;
  unranked: Localized | null;
  conversations: number;
  /** Customers served in contact conversations, and those of them who answered a survey counted here. */
  customers: number;
  answeredCustomers: number;
  surveyAnswers: number;
  /**
   * answeredCustomers ÷ customers; null without customers. Per customer, because survey exports rarely
   * name the conversation they follow.
   */
  responseRate: number | null;
  warnings: Localized[];
  /** The listening station filtered on this team (no agent filter there yet). */
  drill: string | null;
}

/** Every scorecard of a period, with the settings used. */
export interface ScorecardReport {
  by: ScorecardSubject;
  period: { from: string | null; to: string | null };
  weights: Record<ScorecardMetric, number>;
  minSample: number;
  scorecards: Scorecard[];
  /** Report-wide notes: a weighted metric no team or agent has any data for. */
  notes: Localized[];
  /** How each metric is measured, so a pay plan knows what it pays for. */
  definitions: Record<ScorecardMetric, Localized>;
  /** Who judged the replies behind empathy: the reply coach, or its lexicon when the model file is absent. */
  replyEmpathySource: ReplyEmpathySource;
}

export const DEFINITIONS: Record<ScorecardMetric, Localized> = {
  nps: { fr: 'NPS (% promoteurs 9–10 − % détracteurs 0–6) des réponses comptées pour l’équipe ou l’agent ; score = (NPS + 100) / 2.', en: 'NPS (% promoters 9–10 − % detractors 0–6) of the answers counted for the team or agent; score = (NPS + 100) / 2.' },
  csat: { fr: 'CSAT : part des réponses 4–5 sur 5.', en: 'CSAT: share of answers 4–5 out of 5.' },
  resolution: { fr: 'Conversations de contact sans message client marqué « non résolu ».', en: 'Contact conversations with no customer message tagged "unresolved".' },
  timeToClose: { fr: `Médiane, en heures, de l’ouverture à la clôture des dossiers clos dans la période (équipe du dossier, ou de sa conversation ; agent : son responsable, ou l’agent de sa conversation) ; score 100 jusqu’à ${TIME_TO_CLOSE_TARGET_HOURS} h, puis ${TIME_TO_CLOSE_TARGET_HOURS} ÷ médiane.`, en: `Median hours from opening to closing of the cases closed in the period (the case's team, else its conversation's; for an agent: its owner, else its conversation's agent); score 100 up to ${TIME_TO_CLOSE_TARGET_HOURS} h, then ${TIME_TO_CLOSE_TARGET_HOURS} ÷ median.` },
  empathy: { fr: 'Part des réponses d’agent qui nomment le ressenti du client ou l’accueillent (lexique du coach).', en: 'Share of agent replies that name or acknowledge the customer’s feeling (the coach’s lexicon).' },
  retention: { fr: 'Part des clients servis qui n’ont pas exprimé d’intention de partir dans ces conversations (indicateur avancé, pas un churn constaté).', en: 'Share of customers served who stated no intent to leave in those conversations (a leading indicator, not observed churn).' },
};

/** The empathy definition when the learned coach judged the replies (DEFINITIONS holds the lexicon's). */
export const COACH_EMPATHY_DEFINITION: Localized = {
  fr: 'Part des réponses d’agent (à un message client) où le coach de réponse lit une réaction émotionnelle (niveau 1 ou 2) et aucun modèle copié-collé.',
  en: 'Share of agent replies (to a customer message) in which the reply coach reads an emotional reaction (level 1 or 2) and no canned template.',
};

const UNITS: Record<ScorecardMetric, MetricFigure['unit']> = { nps: 'points', csat: '%', resolution: '%', timeToClose: 'hours', empathy: '%', retention: '%' };

interface Acc {
  p: number; d: number; npsN: number; npsIds: string[];
  ok: number; csatN: number; csatIds: string[];
  convs: ContactConversation[];
  replies: number; empathic: number; replyIds: string[];
  answered: Set<string>; answers: number; attributed: number;
  closeHours: number[]; closeIds: string[];
}

const emptyAcc = (): Acc => ({ p: 0, d: 0, npsN: 0, npsIds: [], ok: 0, csatN: 0, csatIds: [], convs: [], replies: 0, empathic: 0, replyIds: [], answered: new Set(), answers: 0, attributed: 0, closeHours: [], closeIds: [] });
const push = (ids: string[], id: string) => { if (ids.length < EVIDENCE_IDS && !ids.includes(id)) ids.push(id); };
const round1 = (x: number) => Math.round(x * 10) / 10;

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Scorecards per team or agent over the facts given (already cut to the period). Each metric shows
 * its count; a metric under the minimum sample is shown but never counts, and a subject whose
 * weighted metrics do not all reach it is not ranked. Relationship NPS counts for a team by last
 * contact (TeamedSurvey), never for an agent: only answers that name the agent count for the agent.
 * Time to close comes from `cases` (those closed in the period): a conversation's first-to-last
 * message span measures how long the customer kept writing, not how long the loop took to close.
 * Empathy follows the reply coach's verdicts (`replyVerdicts`, by message id) when given, else its lexicon.
 */
export function computeScorecards(
  messages: readonly MessageFact[],
  surveys: readonly TeamedSurvey[],
  config: ScorecardConfig,
  period: { from: Date | null; to: Date | null } = { from: null, to: null },
  cases: readonly Case[] = [],
  replyVerdicts?: ReplyVerdicts,
): ScorecardReport {
  const reader = replyEmpathyReader(replyVerdicts);
  const acc = new Map<string, Acc>();
  const of = (key: string | null): Acc | null => {
    if (!key) return null;
    let a = acc.get(key);
    if (!a) acc.set(key, (a = emptyAcc()));
    return a;
  };
  const byTeam = config.by === 'team';
  for (const t of surveys) {
    const a = of(byTeam ? t.team : t.survey.agent);
    if (!a) continue;
    const s = t.survey;
    if (s.kind === 'nps') {
      a.npsN++;
      if (s.score >= 9) a.p++;
      else if (s.score <= 6) a.d++;
      push(a.npsIds, s.conversationId);
    } else if (s.kind === 'csat') {
      a.csatN++;
      if (s.score >= 4) a.ok++;
      push(a.csatIds, s.conversationId);
    } else continue;
    a.answers++;
    if (s.customerId) a.answered.add(s.customerId);
    if (t.attributed) a.attributed++;
  }
  for (const m of messages) {
    if (m.role !== 'agent') continue;
    const a = of(byTeam ? m.team : m.agent);
    if (!a) continue;
    const verdict = reader.empathic(m);
    if (verdict === null) continue;
    a.replies++;
    if (verdict) {
      a.empathic++;
      push(a.replyIds, m.conversationId);
    }
  }
  const contacts = contactConversations(messages);
  for (const c of contacts) of(byTeam ? c.team : c.agent)?.convs.push(c);
  const contactOf = new Map(contacts.map((c) => [c.conversationId, c]));
  for (const k of cases) {
    if (!k.closedAt) continue;
    // The case's own team and owner first: a case can be handed to another team than the conversation's.
    const contact = k.conversationId ? contactOf.get(k.conversationId) : undefined;
    const a = of(byTeam ? k.team ?? contact?.team ?? null : k.owner ?? contact?.agent ?? null);
    if (!a) continue;
    a.closeHours.push((k.closedAt.getTime() - k.createdAt.getTime()) / 3_600_000);
    if (k.conversationId) push(a.closeIds, k.conversationId);
  }
  const negative = negativeByConversation(messages);

  const cards = [...acc.entries()].map(([subject, a]) => card(subject, a, config, negative, byTeam));
  const ranked = cards.filter((c) => c.composite !== null).sort((x, y) => y.composite! - x.composite!);
  ranked.forEach((c, i) => { c.rank = i > 0 && ranked[i - 1].composite === c.composite ? ranked[i - 1].rank : i + 1; });
  cards.sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity) || x.subject.localeCompare(y.subject));
  return {
    by: config.by,
    period: { from: period.from?.toISOString() ?? null, to: period.to?.toISOString() ?? null },
    weights: config.weights,
    minSample: config.minSample,
    scorecards: cards,
    notes: SCORECARD_METRICS.filter((m) => config.weights[m] > 0 && cards.every((c) => c.metrics[m].n === 0)).map((m) => {
      const why = m === 'timeToClose' ? { fr: 'aucun dossier clos dans la période', en: 'no case was closed in the period' }
        : config.by === 'agent' ? { fr: 'aucune réponse ne nomme d’agent', en: 'no answer names an agent' } : { fr: 'aucune équipe', en: 'no team has any' };
      return {
        fr: `Aucune donnée pour « ${m} » (${why.fr}) : tant qu’il est pondéré, personne n’est classé. Donnez-lui un poids nul (--weights sans ${m}).`,
        en: `No data for "${m}" (${why.en}): while it is weighted nobody is ranked. Weigh it 0 (--weights without ${m}).`,
      };
    }),
    definitions: reader.source === 'coach' ? { ...DEFINITIONS, empathy: COACH_EMPATHY_DEFINITION } : DEFINITIONS,
    replyEmpathySource: reader.source,
  };
}

/** Per conversation: customer messages analysed, and how many had a negative sentiment. */
function negativeByConversation(messages: readonly MessageFact[]): Map<string, { n: number; neg: number }> {
  const out = new Map<string, { n: number; neg: number }>();
  for (const m of messages) {
    if (m.role !== 'customer' || !m.analysis) continue;
    let c = out.get(m.conversationId);
    if (!c) out.set(m.conversationId, (c = { n: 0, neg: 0 }));
    c.n++;
    if (m.analysis.sentiment.label === 'negative') c.neg++;
  }
  return out;
}

function card(subject: string, a: Acc, config: ScorecardConfig, negative: Map<string, { n: number; neg: number }>, byTeam: boolean): Scorecard {
  const convIds = (list: ContactConversation[]) => list.slice(0, EVIDENCE_IDS).map((c) => c.conversationId);
  const ttc = median(a.closeHours);
  const customers = new Map<string, boolean>();
  for (const c of a.convs) if (c.customerId) customers.set(c.customerId, (customers.get(c.customerId) ?? false) || c.churnIntent);
  const kept = [...customers.values()].filter((left) => !left).length;
  const resolved = a.convs.filter((c) => !c.unresolved).length;
  const nps = a.npsN > 0 ? ((a.p - a.d) / a.npsN) * 100 : null;
  const raw: Record<ScorecardMetric, { value: number | null; score: number | null; n: number; ids: string[] }> = {
    nps: { value: nps, score: nps === null ? null : (nps + 100) / 2, n: a.npsN, ids: a.npsIds },
    csat: pctFig(a.ok, a.csatN, a.csatIds),
    resolution: pctFig(resolved, a.convs.length, convIds(a.convs.filter((c) => c.unresolved))),
    timeToClose: { value: ttc, score: ttc === null ? null : 100 * Math.min(1, TIME_TO_CLOSE_TARGET_HOURS / Math.max(ttc, 1e-9)), n: a.closeHours.length, ids: a.closeIds },
    empathy: pctFig(a.empathic, a.replies, a.replyIds),
    retention: pctFig(kept, customers.size, convIds(a.convs.filter((c) => c.churnIntent))),
  };
  const metrics = Object.fromEntries(SCORECARD_METRICS.map((m) => {
    const r = raw[m];
    return [m, {
      metric: m, value: r.value === null ? null : round1(r.value), unit: UNITS[m], score: r.score === null ? null : round1(r.score),
      n: r.n, enough: r.n >= config.minSample, weight: config.weights[m], conversationIds: r.ids,
    } satisfies MetricFigure];
  })) as Record<ScorecardMetric, MetricFigure>;
  const weighted = SCORECARD_METRICS.filter((m) => config.weights[m] > 0);
  const short = weighted.filter((m) => !metrics[m].enough || metrics[m].score === null);
  const composite = short.length === 0 ? round1(weighted.reduce((s, m) => s + config.weights[m] * raw[m].score!, 0)) : null;
  const answered = [...customers.keys()].filter((id) => a.answered.has(id)).length;
  const responseRate = customers.size > 0 ? answered / customers.size : null;
  return {
    subject, metrics, composite, rank: null,
    unranked: short.length === 0 ? null : {
      fr: `Non classé : moins de ${config.minSample} observations pour ${short.map((m) => `${m} (n=${metrics[m].n})`).join(', ')}.`,
      en: `Not ranked: fewer than ${config.minSample} observations for ${short.map((m) => `${m} (n=${metrics[m].n})`).join(', ')}.`,
    },
    conversations: a.convs.length,
    customers: customers.size,
    answeredCustomers: answered,
    surveyAnswers: a.answers,
    responseRate: responseRate === null ? null : Math.round(responseRate * 1000) / 1000,
    warnings: selectionWarnings({ convs: a.convs, answered: a.answered, answers: a.answers, attributed: a.attributed }, customers.size, answered, negative),
    drill: byTeam ? `/api/messages?team=${encodeURIComponent(subject)}` : null,
  };
}

function pctFig(hit: number, n: number, ids: string[]) {
  return { value: n > 0 ? (hit / n) * 100 : null, score: n > 0 ? (hit / n) * 100 : null, n, ids };
}
