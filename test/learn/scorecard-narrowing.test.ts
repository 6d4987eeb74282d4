/**
 * narrowScorecardFacts: the shared filter's team and customer-side criteria narrow whole conversations
 * (every reply and case with them), survey answers on their own fields and on language through their
 * conversation, and a team keeps its attributed answers and the cases of its conversations.
 */
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/core/act.ts';
import type { TeamedSurvey } from '../../src/insights/last-touch.ts';
import { isEmptyNarrowing, narrowScorecardFacts } from '../../src/learn/scorecards/scorecard-narrowing.ts';
import { message, survey } from '../insights/fixtures.ts';

const at = new Date('2026-11-02T10:00:00Z');
const conv = (id: string, team: string, o: { language?: string; segment?: string; channel?: 'email' | 'chat' } = {}) => [
  message({ conversationId: id, team, role: 'customer', language: o.language ?? 'fr', segment: o.segment ?? 'PME', channel: o.channel ?? 'email', at }),
  // The agent's reply carries no segment: it is kept with its conversation all the same.
  message({ conversationId: id, team, role: 'agent', language: 'fr', segment: null, channel: o.channel ?? 'email', at, a: null }),
];
const kase = (conversationId: string | null, team: string | null): Case => ({
  id: `k-${conversationId}`, workspaceId: 'w', conversationId, customerId: null, messageId: null, alertId: null, title: 't', status: 'closed', owner: null, team,
  priority: 'medium', urgency: null, dueAt: null, rootCauseId: null, firstResponseAt: null, resolvedAt: null, closedAt: at, reopenCount: 0, createdAt: at, updatedAt: at,
});
const teamed = (conversationId: string, team: string | null, o: { segment?: string } = {}): TeamedSurvey => ({
  survey: survey('csat', 5, { conversationId, team, segment: o.segment ?? 'PME' }), team, attributed: false,
});

const messages = [...conv('a', 'Paris'), ...conv('b', 'Lyon', { language: 'en', segment: 'Grand compte', channel: 'chat' }), ...conv('c', 'Paris', { language: 'en' })];
const surveys = [teamed('a', 'Paris'), teamed('b', 'Lyon', { segment: 'Grand compte' }), teamed('c', 'Paris'), { ...teamed('z', null), team: 'Lyon', attributed: true }];
const cases = [kase('a', null), kase('b', 'Lyon'), kase(null, 'Paris')];
const ids = (xs: readonly { conversationId: string }[]) => [...new Set(xs.map((x) => x.conversationId))];

describe('narrowScorecardFacts', () => {
  it('returns the facts as they are without a narrowing', () => {
    expect(isEmptyNarrowing({})).toBe(true);
    expect(isEmptyNarrowing({ brand: 'X' })).toBe(false);
    expect(narrowScorecardFacts({ messages, surveys, cases }, {})).toEqual({ messages, surveys, cases });
  });

  it('keeps whole conversations on the customer side, with their replies and cases', () => {
    const en = narrowScorecardFacts({ messages, surveys, cases }, { language: 'en' });
    expect(ids(en.messages)).toEqual(['b', 'c']);
    expect(en.messages.filter((m) => m.role === 'agent')).toHaveLength(2);
    expect(en.cases.map((k) => k.conversationId)).toEqual(['b']);
    // Answers by their conversation's language; one on an unknown conversation is out.
    expect(en.surveys.map((s) => s.survey.conversationId)).toEqual(['b', 'c']);
    const seg = narrowScorecardFacts({ messages, surveys, cases }, { segment: 'PME', channel: 'email' });
    expect(ids(seg.messages)).toEqual(['a', 'c']);
    expect(seg.surveys.map((s) => s.survey.conversationId)).toEqual(['a', 'c', 'z']);
  });

  it('keeps a team\'s messages, its answers by last contact and the cases of its conversations', () => {
    const lyon = narrowScorecardFacts({ messages, surveys, cases }, { team: 'Lyon' });
    expect(ids(lyon.messages)).toEqual(['b']);
    expect(lyon.surveys.map((s) => s.survey.conversationId)).toEqual(['b', 'z']);
    expect(lyon.cases.map((k) => k.conversationId)).toEqual(['b']);
    // A case without a team counts for its conversation's team.
    const paris = narrowScorecardFacts({ messages, surveys, cases }, { team: 'Paris', language: 'fr' });
    expect(ids(paris.messages)).toEqual(['a']);
    expect(paris.cases.map((k) => k.id)).toEqual(['k-a']);
  });
});
