/**
 * Reply empathy in the EX–CX panel and the scorecards follows the reply coach's verdicts when they are
 * given, and the lexicon only without them. Hand-computed on replies where the two disagree
 * (reply-empathy-fixtures.ts: a formulaic "je comprends" the lexicon counts and the coach does not, a
 * reaction in words the lexicon does not list, which the coach counts).
 */
import { describe, expect, it } from 'vitest';
import type { MessageFact } from '../../src/core/facts.ts';
import { exCxLagSection } from '../../src/learn/ex-cx/lag-section.ts';
import { exCxLagsFromFacts } from '../../src/learn/ex-cx/lags-from-facts.ts';
import { buildExCxPanel } from '../../src/learn/ex-cx/panel.ts';
import { coachSaysEmpathic, coachVerdicts, replyEmpathyReader, showsEmpathy } from '../../src/learn/ex-cx/reply-empathy.ts';
import { COACH_EMPATHY_DEFINITION, DEFINITIONS, computeScorecards } from '../../src/learn/scorecards/compute-scorecards.ts';
import { parseWeights } from '../../src/learn/scorecards/scorecard-config.ts';
import { message } from '../insights/fixtures.ts';
import { EMPATHY_CASES } from './reply-empathy-fixtures.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 3, 9);

/** One conversation per case (a customer message, the agent's reply an hour later), plus an outbound agent message. */
function facts(): { messages: MessageFact[]; replyIds: Map<string, string>; outbound: MessageFact } {
  const messages: MessageFact[] = [];
  const replyIds = new Map<string, string>();
  EMPATHY_CASES.forEach((c, i) => {
    const conv = `conv-${c.key}`;
    const base = { conversationId: conv, team: 'A', agent: 'alice', customerId: `cust-${i}` };
    messages.push(message({ ...base, at: new Date(T0 + i * DAY), text: c.customer }));
    const reply = message({ ...base, role: 'agent', a: null, at: new Date(T0 + i * DAY + 3_600_000), text: c.reply });
    replyIds.set(c.key, reply.messageId);
    messages.push(reply);
  });
  // An agent writing first answers no customer message: the coach has nothing to read it against.
  const outbound = message({ conversationId: 'conv-outbound', team: 'A', agent: 'alice', role: 'agent', a: null, at: new Date(T0 + 9 * DAY), text: 'Je comprends votre frustration : voici votre nouveau code d’accès.' });
  messages.push(outbound);
  return { messages, replyIds, outbound };
}

/** The coach's verdicts as the shell hands them in: one per reply that answers a customer message. */
function verdicts(replyIds: Map<string, string>): Map<string, boolean> {
  return new Map(EMPATHY_CASES.map((c) => [replyIds.get(c.key)!, c.coach]));
}

describe('the reply-empathy reader', () => {
  it('reads the coach as: an emotional reaction of level 1 or 2 on a reply that is not canned', () => {
    const dims = (emotionalReaction: 0 | 1 | 2) => ({ emotionalReaction, interpretation: 0, exploration: 0, ownership: 0, personalization: 0 } as const);
    expect(coachSaysEmpathic({ dimensions: dims(0), canned: false })).toBe(false);
    expect(coachSaysEmpathic({ dimensions: dims(1), canned: false })).toBe(true);
    expect(coachSaysEmpathic({ dimensions: dims(2), canned: false })).toBe(true);
    // A template that names a feeling reacts to no one.
    expect(coachSaysEmpathic({ dimensions: dims(2), canned: true })).toBe(false);
    expect([...coachVerdicts(['m1', 'm2'], [{ dimensions: dims(2), canned: false }, { dimensions: dims(1), canned: true }])]).toEqual([['m1', true], ['m2', false]]);
  });

  it('uses the lexicon without verdicts, the verdicts otherwise, and skips a reply the coach did not read', () => {
    for (const c of EMPATHY_CASES) expect(showsEmpathy(c.reply), c.key).toBe(c.lexicon);
    const lexicon = replyEmpathyReader();
    expect(lexicon.source).toBe('lexicon');
    expect(lexicon.empathic({ messageId: 'x', text: 'Je comprends.' })).toBe(true);
    const coach = replyEmpathyReader(new Map([['m1', false]]));
    expect(coach.source).toBe('coach');
    expect(coach.empathic({ messageId: 'm1', text: 'Je comprends.' })).toBe(false);
    expect(coach.empathic({ messageId: 'm2', text: 'Je comprends.' })).toBeNull();
  });
});

describe('EX–CX panel: reply empathy follows the coach', () => {
  it('counts 2 of 5 coached replies (40 %) where the lexicon counts 4 of 6 (66.7 %)', () => {
    const { messages, replyIds } = facts();
    // Lexicon: formulaic, formulaic-2, names-feeling and the outbound message = 4 of 6.
    const lex = buildExCxPanel({ employees: [], surveys: [], messages });
    expect(lex.replyEmpathySource).toBe('lexicon');
    const lexCell = lex.cells.find((c) => c.team === 'A' && c.month === '2026-11')!;
    expect(lexCell.cx.replyEmpathy).toBeCloseTo((4 / 6) * 100, 10);
    expect(lexCell.cxN.replyEmpathy).toBe(6);
    // Coach: names-feeling and own-words of the 5 replies it read; the outbound message is not counted.
    const coach = buildExCxPanel({ employees: [], surveys: [], messages, replyVerdicts: verdicts(replyIds) });
    expect(coach.replyEmpathySource).toBe('coach');
    const cell = coach.cells.find((c) => c.team === 'A' && c.month === '2026-11')!;
    expect(cell.cx.replyEmpathy).toBe(40);
    expect(cell.cxN.replyEmpathy).toBe(5);
  });

  it('says in the lagged report which reader was used', () => {
    const { messages, replyIds } = facts();
    const lex = exCxLagsFromFacts({ employees: [], surveys: [], messages });
    const coach = exCxLagsFromFacts({ employees: [], surveys: [], messages, replyVerdicts: verdicts(replyIds) });
    expect(lex.replyEmpathySource).toBe('lexicon');
    expect(coach.replyEmpathySource).toBe('coach');
    // The report's section says it too, in both languages.
    expect(exCxLagSection(coach, 'en').paragraphs).toContain('Reply empathy: read by the reply coach (learned model).');
    expect(exCxLagSection(lex, 'fr').paragraphs).toContain('Empathie des réponses : lue par le lexique du coach (modèle du coach absent) ; tout « je comprends » compte.');
  });
});

describe('scorecards: the empathy metric follows the coach', () => {
  const config = { by: 'team' as const, weights: parseWeights('empathy=1'), minSample: 5 };

  it('scores 40 % on the coach (n = 5) where the lexicon gives 66.7 % (n = 6), with the coach replies as evidence', () => {
    const { messages, replyIds } = facts();
    const lex = computeScorecards(messages, [], config);
    expect(lex.replyEmpathySource).toBe('lexicon');
    expect(lex.definitions.empathy).toEqual(DEFINITIONS.empathy);
    expect(lex.scorecards[0].metrics.empathy).toMatchObject({ value: 66.7, score: 66.7, n: 6, enough: true });
    expect(lex.scorecards[0].composite).toBe(66.7);

    const coach = computeScorecards(messages, [], config, undefined, [], verdicts(replyIds));
    expect(coach.replyEmpathySource).toBe('coach');
    expect(coach.definitions.empathy).toEqual(COACH_EMPATHY_DEFINITION);
    const e = coach.scorecards[0].metrics.empathy;
    expect(e).toMatchObject({ value: 40, score: 40, n: 5, enough: true });
    expect(e.conversationIds).toEqual(['conv-names-feeling', 'conv-own-words']);
    expect(coach.scorecards[0]).toMatchObject({ subject: 'A', composite: 40, rank: 1 });
  });

  it('never ranks on the replies the coach could not read: 5 coached replies miss a minimum of 6', () => {
    const { messages, replyIds } = facts();
    const six = { ...config, minSample: 6 };
    expect(computeScorecards(messages, [], six).scorecards[0].rank).toBe(1);
    const coach = computeScorecards(messages, [], six, undefined, [], verdicts(replyIds)).scorecards[0];
    expect(coach.rank).toBeNull();
    expect(coach.unranked?.en).toBe('Not ranked: fewer than 6 observations for empathy (n=5).');
  });
});
