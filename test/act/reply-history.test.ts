import { describe, expect, it } from 'vitest';
import { replyPairs, summarizeReplyHistory } from '../../src/act/coach/reply-history.ts';
import { renderReplyHistory } from '../../src/act/coach/reply-history-render.ts';
import type { CoachResult } from '../../src/act/coach/coach-model.ts';
import { message, survey } from '../insights/fixtures.ts';

const at = (h: number) => new Date(Date.UTC(2026, 10, 2, h));
const result = (score: number, canned = false, level: 0 | 1 | 2 = 1): CoachResult => ({
  id: null, score, canned, suggestions: [],
  dimensions: { emotionalReaction: level, interpretation: level, exploration: 0, ownership: level, personalization: canned ? 0 : level },
});

describe('reply history', () => {
  it('pairs each agent reply with the customer message before it, in time order', () => {
    const facts = [
      message({ messageId: '4', conversationId: 'A', role: 'agent', agent: 'Ana', team: 'Paris', at: at(3), text: 'Je comprends, je rappelle demain.', language: 'fr' }),
      message({ messageId: '1', conversationId: 'A', role: 'customer', at: at(0), text: 'Colis perdu.' }),
      message({ messageId: '2', conversationId: 'A', role: 'agent', agent: 'Ana', team: 'Paris', at: at(1), text: 'Nous regardons.' }),
      message({ messageId: '3', conversationId: 'A', role: 'customer', at: at(2), text: 'Toujours rien !' }),
      // An agent opening a conversation answers nobody: no pair. An empty reply is no reply.
      message({ messageId: '5', conversationId: 'B', role: 'agent', agent: 'Bob', at: at(0), text: 'Bonjour, une enquête…' }),
      message({ messageId: '6', conversationId: 'B', role: 'customer', at: at(1), text: 'Late again.', language: 'en' }),
      message({ messageId: '7', conversationId: 'B', role: 'agent', agent: 'Bob', team: 'Lyon', at: at(2), text: '   ', language: 'en' }),
      message({ messageId: '8', conversationId: 'B', role: 'agent', agent: 'Bob', team: 'Lyon', at: at(3), text: 'So sorry, I will fix it today.', language: 'en' }),
    ];
    const pairs = replyPairs(facts);
    expect(pairs.map((p) => [p.input.id, p.input.customer, p.agent])).toEqual([
      ['2', 'Colis perdu.', 'Ana'], ['4', 'Toujours rien !', 'Ana'], ['8', 'Late again.', 'Bob'],
    ]);
    expect(pairs[0].input.lang).toBe('fr');
    expect(pairs[2].input.lang).toBe('en');
  });

  it('scores agents and teams, and links empathy with the next score and reopened cases (hand-computed)', () => {
    // 12 conversations, one reply each: conversation i scores 10·i (i = 0..11), agents alternate.
    const pairs = Array.from({ length: 12 }, (_, i) => ({
      input: { id: `r${i}`, customer: 'c', reply: 'r' }, conversationId: `k${i}`, agent: i % 2 ? 'Bob' : 'Ana', team: i < 6 ? 'Paris' : 'Lyon', at: at(1),
    }));
    const results = pairs.map((_, i) => result(10 * (i < 11 ? i : 10), i === 0));
    // Next NPS after the reply rises with the score except one inversion; an answer before the reply and a CES do not count.
    const nps = [0, 2, 1, 3, 4, 5, 6, 7, 8, 9, 10, 10];
    const surveys = [
      ...nps.map((s, i) => survey('nps', s, { conversationId: `k${i}`, at: at(5) })),
      survey('nps', 10, { conversationId: 'k0', at: at(0) }),
      survey('ces', 1, { conversationId: 'k1', at: at(4) }),
    ];
    // Cases: k0, k1 (below the median) reopened one of two; k10, k11 (above) none.
    const cases = [{ conversationId: 'k0', reopenCount: 1 }, { conversationId: 'k1', reopenCount: 0 }, { conversationId: 'k10', reopenCount: 0 }, { conversationId: 'k11', reopenCount: 0 }, { conversationId: null, reopenCount: 3 }];
    const h = summarizeReplyHistory(pairs, results, surveys, cases, 6);
    expect(h.replies).toBe(12);
    // Scores 0,10,…,100,100: sum 650, mean 54.2; canned 1 of 12.
    expect(h.overall).toMatchObject({ replies: 12, meanScore: 54.2, cannedRate: 0.083, enough: true });
    // Ana: 0,20,40,60,80,100 → 50; Bob: 10,30,50,70,90,100 → 58.3.
    expect(h.byAgent.map((g) => [g.key, g.meanScore, g.replies])).toEqual([['Bob', 58.3, 6], ['Ana', 50, 6]]);
    // Paris 0..50 → 25; Lyon 60,70,80,90,100,100 → 83.3.
    expect(h.byTeam.map((g) => [g.key, g.meanScore])).toEqual([['Lyon', 83.3], ['Paris', 25]]);
    expect(h.byTeam[0].dimensions.emotionalReaction).toBe(1);
    // Spearman: ranks of scores (last two tied at 11.5) vs NPS ranks (1,2 swapped; last two tied) → 0.990.
    expect(h.nextScore.conversations).toBe(12);
    expect(h.nextScore.r).toBeCloseTo(0.990, 2);
    expect(h.nextScore.ci!.low).toBeGreaterThan(0.9);
    expect(h.nextScore.ci!.high).toBeLessThan(1);
    // Median of 0,10,…,100,100 is (50+60)/2 = 55.
    expect(h.reopen).toEqual({ medianScore: 55, below: { cases: 2, reopened: 1, rate: 0.5 }, above: { cases: 2, reopened: 0, rate: 0 } });
  });

  it('never ranks groups under the minimum, says when too few conversations were scored, and speaks both languages', () => {
    const pairs = [{ input: { id: 'r', customer: 'c', reply: 'r' }, conversationId: 'k', agent: 'Ana', team: null, at: at(1) }];
    const h = summarizeReplyHistory(pairs, [result(40, true)], [survey('csat', 5, { conversationId: 'k', at: at(2) })], [], 5);
    expect(h.byAgent).toMatchObject([{ key: 'Ana', enough: false, cannedRate: 1 }]);
    expect(h.byTeam).toEqual([]);
    expect(h.nextScore).toEqual({ conversations: 1, r: null, ci: null });
    expect(renderReplyHistory(h, 'fr')).toContain('1 réponse (moins de 5 réponses : non classé)');
    expect(renderReplyHistory(h, 'fr')).toContain('trop peu de conversations notées');
    expect(renderReplyHistory(h, 'en')).toContain('canned  100%');
    expect(renderReplyHistory(summarizeReplyHistory([], [], [], []), 'en')).toContain('No agent reply to a customer message in the period.');
  });
});
