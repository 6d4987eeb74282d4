/**
 * The reply coach over a workspace's history: how empathic its agents' replies were, per agent and per
 * team, how many were canned, and whether empathy goes with the customer's next score and with cases
 * reopened. Pure: the shell (src/runtime/act/reply-history.ts) loads the facts and runs the coach.
 * Associations, not causes: a team that answers the hardest cases may score lower on both.
 */
import type { Case } from '../../core/act.ts';
import type { MessageFact, SurveyFact } from '../../core/facts.ts';
import { round } from '../../insights/stats/intervals.ts';
import { fisherInterval } from '../../insights/stats/fisher-interval.ts';
import { spearman } from '../../insights/stats/correlation.ts';
import { DIMENSIONS, type CoachInput, type CoachResult, type Dimension } from './coach-model.ts';

/** An agent reply with the customer message it answers (the latest customer message before it). */
export interface ReplyPair {
  input: CoachInput;
  conversationId: string;
  agent: string | null;
  team: string | null;
  at: Date;
}

/** Replies of one agent, one team, or all. */
export interface EmpathyGroup {
  key: string | null;
  replies: number;
  /** Mean coach score, 0..100. */
  meanScore: number;
  cannedRate: number;
  /** Mean level (0..2) per dimension. */
  dimensions: Record<Dimension, number>;
  /** At least the minimum number of replies: below it, the figures are shown but never ranked. */
  enough: boolean;
}

/** Spearman correlation of a conversation's mean reply score with the next survey answer after the first reply. */
export interface NextScoreLink {
  conversations: number;
  r: number | null;
  /** Fisher-z 95 % interval (approximate for Spearman); null under 10 conversations. */
  ci: { low: number; high: number } | null;
}

/** Reopen rate of cases in conversations whose replies scored below vs at or above the median. */
export interface ReopenLink {
  medianScore: number | null;
  below: { cases: number; reopened: number; rate: number | null };
  above: { cases: number; reopened: number; rate: number | null };
}

/** What `ecoute empathy` and GET /api/coach/history show. */
export interface ReplyHistory {
  replies: number;
  minReplies: number;
  overall: EmpathyGroup | null;
  byAgent: EmpathyGroup[];
  byTeam: EmpathyGroup[];
  nextScore: NextScoreLink;
  reopen: ReopenLink;
}

/** Pairs each agent reply with the customer message before it in its conversation (time, then id order). */
export function replyPairs(facts: readonly MessageFact[]): ReplyPair[] {
  const byConversation = new Map<string, MessageFact[]>();
  for (const f of facts) {
    const list = byConversation.get(f.conversationId);
    if (list) list.push(f); else byConversation.set(f.conversationId, [f]);
  }
  const out: ReplyPair[] = [];
  for (const [conversationId, list] of byConversation) {
    list.sort((a, b) => a.at.getTime() - b.at.getTime() || Number(a.messageId) - Number(b.messageId));
    let customer: MessageFact | null = null;
    for (const f of list) {
      if (f.role === 'customer') customer = f;
      else if (f.role === 'agent' && customer && f.text.trim()) {
        const lang = f.language === 'fr' || f.language === 'en' ? f.language : undefined;
        out.push({ input: { id: f.messageId, customer: customer.text, reply: f.text, ...(lang ? { lang } : {}) }, conversationId, agent: f.agent, team: f.team, at: f.at });
      }
    }
  }
  return out;
}

function group(key: string | null, rs: readonly CoachResult[], minReplies: number): EmpathyGroup {
  const n = rs.length;
  const dims = Object.fromEntries(DIMENSIONS.map((d) => [d, round(rs.reduce((s, r) => s + r.dimensions[d], 0) / n, 2)])) as Record<Dimension, number>;
  return {
    key, replies: n, meanScore: round(rs.reduce((s, r) => s + r.score, 0) / n, 1),
    cannedRate: round(rs.filter((r) => r.canned).length / n, 3), dimensions: dims, enough: n >= minReplies,
  };
}

function groupsBy(pairs: readonly ReplyPair[], results: readonly CoachResult[], keyOf: (p: ReplyPair) => string | null, minReplies: number): EmpathyGroup[] {
  const by = new Map<string, CoachResult[]>();
  pairs.forEach((p, i) => {
    const k = keyOf(p);
    if (k === null) return;
    const list = by.get(k);
    if (list) list.push(results[i]); else by.set(k, [results[i]]);
  });
  return [...by].map(([k, rs]) => group(k, rs, minReplies))
    .sort((a, b) => Number(b.enough) - Number(a.enough) || b.meanScore - a.meanScore || (a.key ?? '').localeCompare(b.key ?? ''));
}

/** A survey answer on a 0..1 scale (NPS 0–10, CSAT 1–5; effort is not a satisfaction score). */
function satisfaction(s: SurveyFact): number | null {
  if (s.kind === 'nps') return s.score / 10;
  if (s.kind === 'csat') return (s.score - 1) / 4;
  return null;
}

/** Summarises coached history; `results[i]` is the coach's result for `pairs[i]`. */
export function summarizeReplyHistory(
  pairs: readonly ReplyPair[], results: readonly CoachResult[], surveys: readonly SurveyFact[],
  cases: readonly Pick<Case, 'conversationId' | 'reopenCount'>[], minReplies = 5,
): ReplyHistory {
  // Per conversation: mean reply score and the time of its first reply.
  const conv = new Map<string, { sum: number; n: number; first: number }>();
  pairs.forEach((p, i) => {
    const c = conv.get(p.conversationId) ?? { sum: 0, n: 0, first: Infinity };
    c.sum += results[i].score; c.n++; c.first = Math.min(c.first, p.at.getTime());
    conv.set(p.conversationId, c);
  });
  const next = new Map<string, { at: number; value: number }>();
  for (const s of surveys) {
    const c = conv.get(s.conversationId);
    const v = satisfaction(s);
    if (!c || v === null || s.at.getTime() < c.first) continue;
    const seen = next.get(s.conversationId);
    if (!seen || s.at.getTime() < seen.at) next.set(s.conversationId, { at: s.at.getTime(), value: v });
  }
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [id, v] of next) { const c = conv.get(id)!; xs.push(c.sum / c.n); ys.push(v.value); }
  const r = spearman(xs, ys);
  const interval = r === null || xs.length < 10 || Math.abs(r) >= 1 ? null : fisherInterval(r, xs.length);
  const ci = interval && { low: round(interval.low, 3), high: round(interval.high, 3) };

  const means = [...conv.values()].map((c) => c.sum / c.n).sort((a, b) => a - b);
  const median = means.length === 0 ? null : means.length % 2 ? means[(means.length - 1) / 2] : (means[means.length / 2 - 1] + means[means.length / 2]) / 2;
  const below = { cases: 0, reopened: 0 };
  const above = { cases: 0, reopened: 0 };
  for (const k of cases) {
    const c = k.conversationId ? conv.get(k.conversationId) : undefined;
    if (!c || median === null) continue;
    const side = c.sum / c.n < median ? below : above;
    side.cases++;
    if (k.reopenCount > 0) side.reopened++;
  }
  const rate = (s: { cases: number; reopened: number }) => ({ ...s, rate: s.cases === 0 ? null : round(s.reopened / s.cases, 3) });
  return {
    replies: pairs.length,
    minReplies,
    overall: pairs.length ? group(null, results, minReplies) : null,
    byAgent: groupsBy(pairs, results, (p) => p.agent, minReplies),
    byTeam: groupsBy(pairs, results, (p) => p.team, minReplies),
    nextScore: { conversations: xs.length, r: r === null ? null : round(r, 3), ci },
    reopen: { medianScore: median === null ? null : round(median, 1), below: rate(below), above: rate(above) },
  };
}
