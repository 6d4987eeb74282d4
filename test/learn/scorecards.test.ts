import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/core/act.ts';
import type { MessageFact, SurveyFact } from '../../src/core/facts.ts';
import { UsageError } from '../../src/core/errors.ts';
import { attributeTeams } from '../../src/insights/last-touch.ts';
import { computeScorecards } from '../../src/learn/scorecards/compute-scorecards.ts';
import { DEFAULT_WEIGHTS, parseMinSample, parseSubject, parseWeights } from '../../src/learn/scorecards/scorecard-config.ts';
import { csvField, scorecardCsv, scorecardTable } from '../../src/learn/scorecards/scorecard-render.ts';
import { message, survey } from '../insights/fixtures.ts';

const H = 3_600_000;
const T0 = new Date('2026-10-05T08:00:00Z').getTime();

/**
 * A contact conversation of `team`: a customer message, then an agent reply `hours` later.
 * `unresolved` tags the customer message; `churn` states intent to leave; `empathic` picks the reply.
 */
function conversation(id: string, team: string, customer: string, day: number, o: { hours?: number; unresolved?: boolean; churn?: boolean; empathic?: boolean; negative?: boolean } = {}): MessageFact[] {
  const start = T0 + day * 24 * H;
  return [
    message({ conversationId: id, customerId: customer, team, agent: `${team}-agent`, channel: 'email', at: new Date(start),
      a: { themes: o.unresolved ? ['unresolved'] : [], churn: o.churn ?? false, sentiment: o.negative ? 'negative' : 'neutral' } }),
    message({ conversationId: id, customerId: customer, team, agent: `${team}-agent`, channel: 'email', role: 'agent', at: new Date(start + (o.hours ?? 2) * H), a: null,
      text: o.empathic ? 'Je comprends votre inquiétude, je m’en occupe.' : 'Votre demande a été traitée.' }),
  ];
}

const csat = (team: string, score: number, customer: string): SurveyFact => survey('csat', score, { team, customerId: customer, at: new Date(T0) });

/** A case of conversation `conversationId`, opened at T0 and closed `hours` later (null: still open). */
function kase(conversationId: string | null, hours: number | null, o: { team?: string | null; owner?: string | null } = {}): Case {
  const opened = new Date(T0);
  return {
    id: `case-${conversationId}-${hours}`, workspaceId: 'w', conversationId, customerId: null, messageId: null, alertId: null, title: 'Rappeler',
    status: hours === null ? 'open' : 'closed', owner: o.owner ?? null, team: o.team ?? null, priority: 'medium', urgency: null, dueAt: null,
    rootCauseId: null, firstResponseAt: null, resolvedAt: null, closedAt: hours === null ? null : new Date(T0 + hours * H), reopenCount: 0,
    createdAt: opened, updatedAt: opened,
  };
}

describe('scorecard settings', () => {
  it('parses and normalises weights, and rejects unknown keys, negatives and all-zero weights', () => {
    expect(parseWeights(undefined)).toEqual(DEFAULT_WEIGHTS);
    expect(parseWeights('csat=3, resolution=1')).toEqual({ nps: 0, csat: 0.75, resolution: 0.25, timeToClose: 0, empathy: 0, retention: 0 });
    expect(() => parseWeights('nps=0.5,sales=0.5')).toThrow(UsageError);
    expect(() => parseWeights('nps=0.5,sales=0.5')).toThrow(/Unknown weight "sales"\. Use any of: nps, csat, resolution, timeToClose, empathy, retention/);
    expect(() => parseWeights('nps=-1')).toThrow(/needs a number of 0 or more/);
    expect(() => parseWeights('nps')).toThrow(/needs a number of 0 or more/);
    expect(() => parseWeights('nps=0,csat=0')).toThrow(/At least one weight must be above 0/);
  });

  it('parses the minimum sample and the subject, with errors that name the fix', () => {
    expect(parseMinSample(undefined)).toBe(30);
    expect(parseMinSample('5')).toBe(5);
    expect(() => parseMinSample('-3')).toThrow(/whole number of 1 or more, not "-3"/);
    expect(() => parseMinSample('2.5')).toThrow(UsageError);
    expect(parseSubject('agent')).toBe('agent');
    expect(() => parseSubject('region')).toThrow(/by team or by agent, not "region"/);
  });
});

describe('scorecards', () => {
  // Team A: 4 conversations (customers a1..a4): 1 unresolved, replies after 2, 2, 4, 6 h, 2 empathic, a4 states churn.
  //   CSAT answers 5, 4, 2 from a1..a3 → 2/3 = 66.7 %. Cases of A1..A4 closed 5, 1, 3, 40 h after opening.
  // Team B: 4 conversations: all resolved, replies after 30 h each, none empathic, CSAT 5, 5, 5, 1 from b1..b4 → 75 %.
  //   Cases of B0..B2 closed after 30, 30, 60 h; B3's case is still open.
  // Time to close is case timing: the replies' spans (2–6 h, 30 h) must not matter.
  const messages = [
    ...conversation('A1', 'A', 'a1', 0, { empathic: true }), ...conversation('A2', 'A', 'a2', 0, { unresolved: true, empathic: true }),
    ...conversation('A3', 'A', 'a3', 0, { hours: 4 }), ...conversation('A4', 'A', 'a4', 0, { hours: 6, churn: true }),
    ...['b1', 'b2', 'b3', 'b4'].flatMap((c, i) => conversation(`B${i}`, 'B', c, 0, { hours: 30 })),
  ];
  const surveys = [csat('A', 5, 'a1'), csat('A', 4, 'a2'), csat('A', 2, 'a3'), csat('B', 5, 'b1'), csat('B', 5, 'b2'), csat('B', 5, 'b3'), csat('B', 1, 'b4')];
  const weights = parseWeights('csat=0.5,resolution=0.25,timeToClose=0.25');
  const cases = [kase('A1', 5), kase('A2', 1), kase('A3', 3), kase('A4', 40), kase('B0', 30), kase('B1', 30), kase('B2', 60), kase('B3', null)];
  const PERIOD = { from: null, to: null };

  it('computes each metric with its count, by hand', () => {
    const r = computeScorecards(messages, attributeTeams(surveys, messages), { by: 'team', weights, minSample: 3 }, PERIOD, cases);
    const a = r.scorecards.find((c) => c.subject === 'A')!;
    expect(a.metrics.csat).toMatchObject({ value: 66.7, score: 66.7, n: 3, enough: true, weight: 0.5 });
    expect(a.metrics.resolution).toMatchObject({ value: 75, n: 4, conversationIds: ['A2'] });
    // Cases closed after 1, 3, 5, 40 h: median 4 h ≤ 24 h target → score 100.
    expect(a.metrics.timeToClose).toMatchObject({ value: 4, score: 100, n: 4, unit: 'hours', conversationIds: ['A1', 'A2', 'A3', 'A4'] });
    expect(a.metrics.empathy).toMatchObject({ value: 50, n: 4 });
    expect(a.metrics.retention).toMatchObject({ value: 75, n: 4, conversationIds: ['A4'] });
    expect(a.metrics.nps).toMatchObject({ value: null, n: 0, enough: false, weight: 0 });
    // A: 0.5 × 66.67 + 0.25 × 75 + 0.25 × 100 = 77.1; B: 0.5 × 75 + 0.25 × 100 + 0.25 × 100 × 24/30 = 82.5
    expect(a.composite).toBe(77.1);
    const b = r.scorecards.find((c) => c.subject === 'B')!;
    // B's three closed cases: 30, 30, 60 h → median 30 h → 100 × 24/30 = 80 (the open one does not count).
    expect(b.metrics.timeToClose).toMatchObject({ value: 30, score: 80, n: 3 });
    expect(b.composite).toBe(82.5);
    expect(r.scorecards.map((c) => [c.subject, c.rank])).toEqual([['B', 1], ['A', 2]]);
    // 3 of A's 4 customers answered.
    expect(a).toMatchObject({ customers: 4, answeredCustomers: 3, responseRate: 0.75, drill: '/api/messages?team=A' });
  });

  it('never ranks on fewer answers than the minimum, and says why', () => {
    const r = computeScorecards(messages, attributeTeams(surveys, messages), { by: 'team', weights, minSample: 4 }, PERIOD, cases);
    const a = r.scorecards.find((c) => c.subject === 'A')!;
    expect(a).toMatchObject({ rank: null, composite: null });
    expect(a.metrics.csat.enough).toBe(false);
    expect(a.unranked!.en).toBe('Not ranked: fewer than 4 observations for csat (n=3).');
    expect(a.unranked!.fr).toBe('Non classé : moins de 4 observations pour csat (n=3).');
    // B has 4 answers but only 3 closed cases (B3's is open): not ranked either.
    const b = r.scorecards.find((c) => c.subject === 'B')!;
    expect(b).toMatchObject({ rank: null, composite: null });
    expect(b.unranked!.en).toBe('Not ranked: fewer than 4 observations for timeToClose (n=3).');
  });

  it('takes time to close from case timing: the case’s own team and owner first, else its conversation’s', () => {
    const moved = [
      kase('A1', 30), kase('A2', 50, { team: 'B' }), kase('A3', 40, { owner: 'Zoé' }), kase(null, 60, { team: 'A', owner: 'Zoé' }), kase('A4', null),
    ];
    const byTeam = computeScorecards(messages, [], { by: 'team', weights: parseWeights('timeToClose=1'), minSample: 1 }, PERIOD, moved);
    const team = (s: string) => byTeam.scorecards.find((c) => c.subject === s)!.metrics.timeToClose;
    // A: A1 (30 h), A3 (40 h, its conversation's team), the blank case filed under A (60 h) → median 40 h,
    // score 100 × 24/40 = 60; A2's case was handed to B (50 h).
    expect(team('A')).toMatchObject({ value: 40, n: 3, score: 60, conversationIds: ['A1', 'A3'] });
    expect(team('B')).toMatchObject({ value: 50, n: 1, score: 48 });
    const byAgent = computeScorecards(messages, [], { by: 'agent', weights: parseWeights('timeToClose=1'), minSample: 2 }, PERIOD, moved);
    const agent = (s: string) => byAgent.scorecards.find((c) => c.subject === s)!;
    // Zoé owns A3's case (40 h) and the blank one (60 h): median 50 h → 48; A-agent keeps A1 (30 h) and A2 (50 h): 40 h → 60.
    expect(agent('Zoé')).toMatchObject({ rank: 2, composite: 48, metrics: { timeToClose: { value: 50, n: 2 } } });
    expect(agent('A-agent')).toMatchObject({ rank: 1, composite: 60, metrics: { timeToClose: { value: 40, n: 2 } } });
    // Under the minimum, never ranked; without any closed case, the note says so.
    expect(agent('B-agent')).toMatchObject({ rank: null, metrics: { timeToClose: { n: 0, value: null } } });
    const none = computeScorecards(messages, [], { by: 'team', weights: parseWeights('timeToClose=1'), minSample: 1 });
    expect(none.notes[0].en).toMatch(/^No data for "timeToClose" \(no case was closed in the period\)/);
    expect(none.definitions.timeToClose.en).toMatch(/^Median hours from opening to closing of the cases closed in the period/);
  });

  it('warns of a low response rate and of answerers happier than the rest', () => {
    // Team C: 12 customers, the 2 who answered were calm, the 10 others negative.
    const msgs = Array.from({ length: 12 }, (_, i) => conversation(`C${i}`, 'C', `c${i}`, 0, { negative: i >= 2 })).flat()
      // Four more customer messages a conversation: 10 on the answerers' side, enough to compare.
      .concat(Array.from({ length: 48 }, (_, k) => message({ conversationId: `C${k % 12}`, customerId: `c${k % 12}`, team: 'C', at: new Date(T0 + H), a: { sentiment: k % 12 >= 2 ? 'negative' : 'neutral' } })));
    const r = computeScorecards(msgs, attributeTeams([csat('C', 5, 'c0'), csat('C', 5, 'c1')], msgs), { by: 'team', weights, minSample: 1 });
    const w = r.scorecards[0].warnings.map((x) => x.en);
    expect(w[0]).toBe('Response rate of 17% (2 of 12 customers): those who answer may not represent the rest.');
    expect(w[1]).toMatch(/markedly less negative .* \(100 points apart\)/);
  });

  it('scores agents only on answers that name them, and notes a weighted metric nobody has', () => {
    const r = computeScorecards(messages, attributeTeams(surveys, messages), { by: 'agent', weights: parseWeights('nps=1'), minSample: 1 });
    expect(r.scorecards.map((c) => c.subject).sort()).toEqual(['A-agent', 'B-agent']);
    expect(r.scorecards.every((c) => c.rank === null)).toBe(true);
    expect(r.notes[0].en).toMatch(/^No data for "nps" \(no answer names an agent\)/);
  });

  it('writes a spreadsheet-safe CSV and a table', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+33 1 23')).toBe("'+33 1 23");
    expect(csvField('@team')).toBe("'@team");
    expect(csvField(-12.5)).toBe('-12.5');
    const evil = [...conversation('E1', '=cmd|calc', 'e1', 0), ...conversation('E2', '=cmd|calc', 'e2', 0), ...conversation('E3', '=cmd|calc', 'e3', 0)];
    const r = computeScorecards(evil, [], { by: 'team', weights: parseWeights('resolution=1'), minSample: 3 });
    const csv = scorecardCsv(r, 'en');
    const [head, row] = csv.split('\r\n');
    expect(head.startsWith('team,rank,composite,survey_answers,response_rate,nps_value,nps_n')).toBe(true);
    expect(row.startsWith("'=cmd|calc,1,100,0,0,")).toBe(true);
    // Who judged the empathy column travels with the export (no coach verdicts given here: the lexicon).
    expect(head.endsWith(',min_sample,empathy_source,warnings')).toBe(true);
    expect(row).toMatch(/,3,lexicon,/);
    const table = scorecardTable(r, 'fr');
    expect(table).toContain('Pondérations: Résolution 100%');
    expect(table).toContain('Taux de réponse de 0 %');
  });
});
