import { describe, expect, it } from 'vitest';
import { computeScores, csatScore, npsScore } from '../../src/insights/scores.ts';
import { wilsonInterval, t975 } from '../../src/insights/stats/intervals.ts';
import { computeScoreBreakdowns } from '../../src/insights/score-breakdowns.ts';
import { survey, message, dayAt } from './fixtures.ts';

describe('NPS', () => {
  it('3 promoters, 1 passive, 2 detractors give 16.7 with the trinomial interval', () => {
    // n = 6, p = 3/6 = 0.5, d = 2/6 = 0.3333, NPS = 0.1667 → 16.7
    // Var = (p + d − NPS²)/n = (0.8333 − 0.02778)/6 = 0.13426; SE = 0.36641; 1.96·SE = 0.71816
    // CI = [0.1667 − 0.7182, 0.1667 + 0.7182] = [−55.1, 88.5]
    const s = computeScores([10, 9, 9, 8, 3, 6].map((x) => survey('nps', x))).nps;
    expect(s).toMatchObject({ score: 16.7, promoters: 3, passives: 1, detractors: 2, responses: 6 });
    expect(s.ci).toEqual({ low: -55.1, high: 88.5 });
  });

  it('has no score and no interval without answers', () => {
    expect(npsScore(0, 0, 0)).toMatchObject({ score: null, ci: null, responses: 0 });
  });
});

describe('CSAT', () => {
  it('8 satisfied out of 10 is 80 % with the Wilson interval [49.0, 94.3]', () => {
    // p = 0.8, z² = 3.8415, centre = (0.8 + 0.19207)/1.38415 = 0.71674
    // half = (1.95996/1.38415)·√(0.016 + 0.0096037) = 1.41600·0.160012 = 0.22658 → [0.4902, 0.9433]
    const ci = wilsonInterval(8, 10)!;
    expect(ci.low).toBeCloseTo(0.4902, 4);
    expect(ci.high).toBeCloseTo(0.9433, 4);
    const answers = [5, 5, 4, 4, 4, 5, 4, 5, 2, 3].map((x) => survey('csat', x));
    expect(computeScores(answers).csat).toEqual({ score: 80, satisfied: 8, responses: 10, ci: { low: 49, high: 94.3 } });
  });

  it('keeps the interval inside 0–100 at the edges', () => {
    expect(csatScore(3, 3).ci!.high).toBe(100);
    expect(csatScore(0, 3).ci!.low).toBe(0);
  });
});

describe('CES', () => {
  it('mean and Student t interval of 2, 4, 4, 5, 7', () => {
    // mean = 22/5 = 4.4; Σ(x−m)² = 5.76+0.16+0.16+0.36+6.76 = 13.2; s² = 3.3; s = 1.8166
    // SE = 1.8166/√5 = 0.81240; t(0.975, 4) = 2.776 → half = 2.2552 → [2.14, 6.66]
    const c = computeScores([2, 4, 4, 5, 7].map((x) => survey('ces', x))).ces;
    expect(c).toEqual({ mean: 4.4, sd: 1.82, responses: 5, ci: { low: 2.14, high: 6.66 } });
  });

  it('uses the normal limit for large samples', () => {
    expect(t975(1000)).toBeCloseTo(1.9623, 3);
    expect(t975(10)).toBe(2.228);
  });
});

describe('score breakdowns', () => {
  it('cuts by week and channel and reports the week-over-week move', () => {
    // Week 2026-W45: NPS answers 10, 0 → 0. Week 2026-W46: 10, 10 → 100. Move +100.
    const surveys = [
      survey('nps', 10, { at: dayAt(0), channel: 'chat' }),
      survey('nps', 0, { at: dayAt(1), channel: 'email' }),
      survey('nps', 10, { at: dayAt(7), channel: 'chat' }),
      survey('nps', 10, { at: dayAt(8), channel: 'chat' }),
    ];
    const messages = [
      message({ at: dayAt(0), channel: 'chat', a: { sentiment: 'negative' } }),
      message({ at: dayAt(8), channel: 'chat', a: { sentiment: 'positive' } }),
    ];
    const b = computeScoreBreakdowns(messages, surveys);
    expect(b.byWeek.map((w) => [w.week, w.nps.score, w.messages])).toEqual([['2026-W45', 0, 1], ['2026-W46', 100, 1]]);
    expect(b.trend).toMatchObject({ week: '2026-W46', nps: { current: 100, previous: 0, delta: 100 } });
    const chat = b.byChannel.find((g) => g.key === 'chat')!;
    expect(chat.nps).toMatchObject({ score: 100, responses: 3 });
    expect(chat.negativeShare).toBe(0.5);
    expect(b.byDay.map((d) => d.day)).toContain('2026-11-10');
  });
});
