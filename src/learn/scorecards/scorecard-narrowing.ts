/**
 * The dashboard's shared filter (team, segment, channel, brand, language; the period is applied when
 * the facts are read) narrowing a scorecard's facts. Pure. Whole conversations are kept or dropped,
 * never single messages: a reply, its customer's unresolved tag and its closing case belong together,
 * so "French, by e-mail" scores the French e-mail conversations with every reply in them.
 */
import type { Case } from '../../core/act.ts';
import type { MessageFact } from '../../core/facts.ts';
import type { Channel } from '../../core/labels.ts';
import type { TeamedSurvey } from '../../insights/last-touch.ts';
import { contactConversations } from '../ex-cx/recontact.ts';

/** The non-period part of the shared filter, as the scorecards apply it. */
export interface ScorecardNarrowing {
  team?: string;
  segment?: string;
  channel?: Channel;
  brand?: string;
  language?: string;
}

/** A scorecard's facts: messages of the period, surveys already attributed to a team, cases closed in it. */
export interface ScorecardFacts {
  messages: readonly MessageFact[];
  surveys: readonly TeamedSurvey[];
  cases: readonly Case[];
}

const same = (want: string | undefined, have: string | null | undefined) => want === undefined || want === have;

/** True when the narrowing narrows nothing. */
export function isEmptyNarrowing(n: ScorecardNarrowing | undefined): boolean {
  return !n || (n.team ?? n.segment ?? n.channel ?? n.brand ?? n.language) === undefined;
}

/**
 * `facts` narrowed. Customer side (segment, channel, brand, language): the conversations with a
 * customer message matching all of them, with all their replies and the cases opened on them; survey
 * answers on their own segment, channel and brand, and on language through their conversation (an
 * answer has no language of its own). Team: its messages, the answers counted for it by last contact
 * (TeamedSurvey.team) and the cases it closed (the case's team, else its conversation's), so an
 * agent scorecard under a team filter shows that team's agents. `context` holds every message read
 * (the look-back too), for the language of a survey's conversation.
 */
export function narrowScorecardFacts(facts: ScorecardFacts, n: ScorecardNarrowing | undefined, context: readonly MessageFact[] = facts.messages): ScorecardFacts {
  if (isEmptyNarrowing(n)) return facts;
  const f = n!;
  const customerSide = f.segment !== undefined || f.channel !== undefined || f.brand !== undefined || f.language !== undefined;
  let messages = facts.messages;
  let cases = facts.cases;
  let surveys = facts.surveys;
  if (customerSide) {
    const matching = new Set<string>();
    for (const m of facts.messages) {
      if (m.role === 'customer' && same(f.segment, m.segment) && same(f.channel, m.channel) && same(f.brand, m.brand) && same(f.language, m.language)) matching.add(m.conversationId);
    }
    messages = messages.filter((m) => matching.has(m.conversationId));
    cases = cases.filter((k) => k.conversationId !== null && matching.has(k.conversationId));
    const inLanguage = f.language === undefined ? null : new Set(context.filter((m) => m.language === f.language).map((m) => m.conversationId));
    surveys = surveys.filter(({ survey: s }) => same(f.segment, s.segment) && same(f.channel, s.channel) && same(f.brand, s.brand)
      && (inLanguage === null || inLanguage.has(s.conversationId)));
  }
  if (f.team !== undefined) {
    // A case's conversation team as compute-scorecards reads it (the contact conversation's first team).
    const teamOf = new Map(contactConversations(facts.messages).map((c) => [c.conversationId, c.team]));
    messages = messages.filter((m) => m.team === f.team);
    surveys = surveys.filter((t) => t.team === f.team);
    cases = cases.filter((k) => (k.team ?? (k.conversationId ? teamOf.get(k.conversationId) : null) ?? null) === f.team);
  }
  return { messages, surveys, cases };
}
