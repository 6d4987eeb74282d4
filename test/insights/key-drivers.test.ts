import { describe, expect, it } from 'vitest';
import { computeDrivers, conversationFactors } from '../../src/insights/key-drivers.ts';
import { twoByTwo } from '../../src/insights/stats/two-by-two.ts';
import { fixFirst } from '../../src/insights/priorities.ts';
import type { Insights } from '../../src/insights/types.ts';
import { message, survey } from './fixtures.ts';

describe('key driver analysis', () => {
  it('computes the detractor-rate difference with and without a theme', () => {
    // 10 surveyed conversations. 4 mention "delay": 3 detractors. 6 do not: 1 detractor.
    // rate with = 0.75, without = 1/6 = 0.1667, difference = 0.5833
    // SE = √(0.75·0.25/4 + 0.1667·0.8333/6) = √(0.046875 + 0.023148) = 0.26462 → CI [0.065, 1.102]
    // Haldane OR = (3.5·5.5)/(1.5·1.5) = 8.56; prevalence 0.4, impact = 0.4·0.5833 = 0.2333
    const messages = [];
    const surveys = [];
    const scores = [0, 3, 5, 9, /* without: */ 2, 10, 9, 8, 10, 7];
    for (let i = 0; i < 10; i++) {
      const conversationId = `conv${i}`;
      messages.push(message({ conversationId, a: { themes: i < 4 ? ['delay'] : ['price'], emotions: [] } }));
      surveys.push(survey('nps', scores[i], { conversationId }));
    }
    // An earlier answer in conv0 is replaced by its last one (0)
    surveys.unshift(survey('nps', 10, { conversationId: 'conv0', at: new Date('2026-01-01T00:00:00Z') }));
    const report = computeDrivers(conversationFactors(messages), surveys, 'nps_detractor');
    expect(report.n).toBe(10);
    expect(report.baseRate).toBe(0.4);
    const delay = report.drivers.find((d) => d.label === 'delay')!;
    expect(delay).toMatchObject({ kind: 'theme', withN: 4, withBad: 3, withoutN: 6, withoutBad: 1, rateWith: 0.75, rateWithout: 0.167, difference: 0.583, prevalence: 0.4, significant: true });
    expect(delay.differenceCi).toEqual({ low: 0.065, high: 1.102 });
    expect(delay.oddsRatio).toBe(8.56);
    expect(delay.impact).toBeCloseTo(0.2333, 4);
    expect(delay.name.fr).toBe('Retard');
    // price: with 1/6 vs without 3/4 → negative effect, ranked after delay
    expect(report.drivers[0].label).toBe('delay');
    expect(report.drivers.find((d) => d.label === 'price')!.difference).toBe(-0.583);
  });

  it('counts journey stages as causes, shows the emotions each cause holds, and never ranks an emotion as a cause', () => {
    // 8 surveyed conversations. Billing-stage ones (4): 3 detractors, felt frustration (4 of 4) and anger (2 of 4).
    // The others (4, delivery stage): 0 detractors, felt joy (2 of 4).
    const messages = [];
    const surveys = [];
    for (let i = 0; i < 8; i++) {
      const conversationId = `c${i}`;
      const billing = i < 4;
      messages.push(message({ conversationId, a: { stage: billing ? 'billing' : 'delivery', themes: [], emotions: billing ? (i < 2 ? ['frustration', 'anger'] : ['frustration']) : i < 6 ? ['joy'] : [] } }));
      surveys.push(survey('nps', billing ? (i < 3 ? 2 : 9) : 10, { conversationId }));
    }
    const report = computeDrivers(conversationFactors(messages), surveys, 'nps_detractor');
    const stage = report.drivers.find((d) => d.kind === 'stage' && d.label === 'billing')!;
    expect(stage).toMatchObject({ withN: 4, withBad: 3, withoutN: 4, withoutBad: 0 });
    expect(stage.name.en).toBe('Billing');
    expect(stage.emotions.map((e) => [e.label, e.share])).toEqual([['frustration', 1], ['anger', 0.5]]);
    expect(stage.emotions[0].name.fr).toBe('Frustration');
    // The emotion itself is a driver in the report (a symptom analysts may read), with no emotions inside…
    const frustration = report.drivers.find((d) => d.kind === 'emotion' && d.label === 'frustration')!;
    expect(frustration.emotions).toEqual([]);
    // …but "what to fix first" lists causes only.
    const insights = { drivers: { detractors: report, lowCsat: { outcome: 'csat_low', n: 0, baseRate: null, drivers: [] } } } as unknown as Insights;
    const first = fixFirst(insights);
    expect(first.map((d) => `${d.kind}:${d.label}`)).toEqual(['stage:billing']);
  });

  it('gives Woolf intervals that contain the odds ratio', () => {
    const e = twoByTwo(10, 20, 5, 40)!;
    // a=10.5 b=10.5 c=5.5 d=35.5 → OR = 10.5·35.5/(10.5·5.5) = 6.4545
    expect(e.oddsRatio).toBeCloseTo(6.4545, 3);
    expect(e.oddsRatioCi.low).toBeLessThan(e.oddsRatio);
    expect(e.oddsRatioCi.high).toBeGreaterThan(e.oddsRatio);
  });

  it('uses CSAT 1–3 as the bad outcome for low CSAT', () => {
    const messages = [message({ conversationId: 'a', a: { themes: ['billing'] } }), message({ conversationId: 'b', a: { themes: [] } })];
    const r = computeDrivers(conversationFactors(messages), [survey('csat', 3, { conversationId: 'a' }), survey('csat', 4, { conversationId: 'b' })], 'csat_low', 1);
    expect(r.baseRate).toBe(0.5);
    expect(r.drivers[0]).toMatchObject({ label: 'billing', withBad: 1, withoutBad: 0 });
  });

  it('only tracks surveyed conversations when told which they are', () => {
    const messages = [message({ conversationId: 'x', a: { themes: ['delay'] } }), message({ conversationId: 'y', a: { emotions: ['joy'] } })];
    const f = conversationFactors(messages, new Set(['y']));
    expect([...f.keys()]).toEqual(['y']);
    expect([...f.get('y')!]).toEqual(['emotion:joy']);
  });
});
