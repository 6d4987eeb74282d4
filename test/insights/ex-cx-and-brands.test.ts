import { describe, expect, it } from 'vitest';
import { computeExCxLink } from '../../src/insights/ex-cx-link.ts';
import { attributeTeams } from '../../src/insights/last-touch.ts';
import { computeCompetitors } from '../../src/insights/competitors.ts';
import { resolveOwnBrand } from '../../src/insights/own-brand.ts';
import { pearson, spearman } from '../../src/insights/stats/correlation.ts';
import { employee, message, survey } from './fixtures.ts';

describe('EX–CX link', () => {
  it('puts team eNPS and engagement next to CSAT with correlations and n', () => {
    const employees = [
      employee('A', 10, { pride: 5, tools: 4 }), employee('A', 9, { pride: 4, tools: 4 }), // eNPS 100, engagement (4.5+4)/2 = 4.25
      employee('B', 8, { pride: 3, tools: 3 }), employee('B', 3, { pride: 2, tools: 2 }), // eNPS −50, engagement 2.5
      employee('C', 9, { pride: 4, tools: 3 }), employee('C', 7, {}), // eNPS 50, engagement 3.5 (one answer with items)
    ];
    const surveys = [
      survey('csat', 5, { team: 'A' }), survey('csat', 5, { team: 'A' }), // 100 %
      survey('csat', 2, { team: 'B' }), survey('csat', 4, { team: 'B' }), // 50 %
      survey('csat', 4, { team: 'C' }), survey('csat', 4, { team: 'C' }), survey('csat', 1, { team: 'C' }), survey('csat', 5, { team: 'C' }), // 75 %
    ];
    const link = computeExCxLink(employees, attributeTeams(surveys, []));
    expect(link.teams).toEqual([
      { team: 'A', enps: 100, enpsResponses: 2, engagement: 4.25, engagementResponses: 2, csat: 100, nps: null, surveys: 2, attributedSurveys: 0 },
      { team: 'B', enps: -50, enpsResponses: 2, engagement: 2.5, engagementResponses: 2, csat: 50, nps: null, surveys: 2, attributedSurveys: 0 },
      { team: 'C', enps: 50, enpsResponses: 2, engagement: 3.5, engagementResponses: 1, csat: 75, nps: null, surveys: 4, attributedSurveys: 0 },
    ]);
    // eNPS (100, −50, 50), mean 33.33: deviations (66.67, −83.33, 16.67); CSAT (100, 50, 75), mean 75: (25, −25, 0)
    // Sxy = 1666.7 + 2083.3 + 0 = 3750; Sxx = 11666.7; Syy = 1250 → r = 3750/√(11666.7·1250) = 0.982
    // ranks identical → Spearman 1
    const enpsCsat = link.correlations.filter((c) => c.x === 'enps' && c.y === 'csat');
    expect(enpsCsat).toEqual([
      { x: 'enps', y: 'csat', method: 'pearson', r: 0.982, n: 3 },
      { x: 'enps', y: 'csat', method: 'spearman', r: 1, n: 3 },
    ]);
    // No NPS answers: no pairs, no r
    expect(link.correlations.find((c) => c.y === 'nps')).toMatchObject({ r: null, n: 0 });
  });

  it('counts a relationship NPS for the team of the customer\'s last contact within 90 days', () => {
    const at = (d: string) => new Date(`${d}T10:00:00Z`);
    const messages = [
      message({ customerId: 'k1', team: 'A', at: at('2026-09-01') }),
      message({ customerId: 'k1', team: 'B', at: at('2026-10-20') }), // the last contact before the answer
      message({ customerId: 'k1', team: 'A', at: at('2026-11-20') }), // after the answer: not its touch
      message({ customerId: 'k2', team: 'A', at: at('2026-06-01') }), // 154 days before: too old
      message({ customerId: 'k3', team: null, at: at('2026-10-30') }),
    ];
    const surveys = [
      survey('nps', 10, { customerId: 'k1', at: at('2026-11-02') }),
      survey('nps', 2, { customerId: 'k2', at: at('2026-11-02') }),
      survey('nps', 9, { customerId: 'k3', at: at('2026-11-02') }),
      survey('nps', 3, { customerId: 'k1', team: 'A', at: at('2026-11-02') }), // a row with its team keeps it
      survey('nps', 8, { at: at('2026-11-02') }), // no customer
    ];
    expect(attributeTeams(surveys, messages).map((s) => [s.team, s.attributed])).toEqual([
      ['B', true], [null, false], [null, false], ['A', false], [null, false],
    ]);
    const link = computeExCxLink([employee('A', 9), employee('B', 3)], attributeTeams(surveys, messages));
    expect(link.teams.map((t) => [t.team, t.nps, t.surveys, t.attributedSurveys])).toEqual([['A', -100, 1, 0], ['B', 100, 1, 1]]);
  });

  it('has no correlation under three points or with a constant side', () => {
    expect(pearson([1, 2], [3, 4])).toBeNull();
    expect(pearson([1, 2, 3], [5, 5, 5])).toBeNull();
    expect(spearman([1, 2, 3, 4], [10, 30, 20, 40])).toBeCloseTo(0.8, 6);
  });
});

describe('competitors', () => {
  it('lines brands up with stars, sentiment, themes and emotions', () => {
    const messages = [
      message({ brand: 'Nous', a: { sentiment: 'positive', emotions: ['joy'], themes: [] } }),
      message({ brand: 'Nous', a: { sentiment: 'negative', emotions: ['anger'], themes: ['delay'] } }),
      message({ brand: 'Rival', a: { sentiment: 'negative', emotions: ['anger'], themes: ['price'] } }),
    ];
    const surveys = [
      survey('csat', 5, { brand: 'Nous', channel: 'review' }), survey('csat', 4, { brand: 'Nous', channel: 'review' }),
      survey('csat', 1, { brand: 'Rival', channel: 'review' }), survey('csat', 2, { brand: 'Rival', channel: 'email' }),
    ];
    const [nous, rival] = computeCompetitors(messages, surveys, resolveOwnBrand(messages, surveys, 'Nous'));
    expect(nous).toMatchObject({ brand: 'Nous', own: true, messages: 2, stars: { mean: 4.5, responses: 2 }, csat: { score: 100 }, sentiment: { positive: 0.5, negative: 0.5, neutral: 0 } });
    expect(nous.topThemes).toEqual([{ label: 'delay', name: { fr: 'Retard', en: 'Delay' }, count: 1, share: 0.5 }]);
    expect(rival).toMatchObject({ brand: 'Rival', own: false, stars: { mean: 1, responses: 1, ci: null }, csat: { score: 0, responses: 2 } });
    expect(rival.topEmotions[0]).toMatchObject({ label: 'anger', count: 1, share: 1 });
  });
});
