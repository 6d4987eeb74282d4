import { describe, expect, it } from 'vitest';
import { detectSpikes } from '../../src/insights/spikes.ts';
import { poissonUpperTail } from '../../src/insights/stats/poisson.ts';
import { dayAt, message } from './fixtures.ts';

describe('spike detection', () => {
  it('Poisson tail matches hand computation', () => {
    // P(X ≥ 2 | λ=1) = 1 − e⁻¹(1 + 1) = 1 − 0.73576 = 0.26424
    expect(poissonUpperTail(2, 1)).toBeCloseTo(0.26424, 5);
    // P(X = 12 | λ=2) = e⁻²·2¹²/12! = 0.135335·4096/479001600 = 1.1573e−6; the next terms
    // multiply by 2/13, 2/14, …: 1.7805e−7 + 2.544e−8 + 3.39e−9 + 4.2e−10 → total 1.3646e−6
    expect(poissonUpperTail(12, 2)).toBeCloseTo(1.3646e-6, 9);
  });

  it('flags the week where billing jumps from ~2 a week to 12, and nothing else', () => {
    const weekly = [2, 1, 3, 2, 2, 12]; // weeks W45..W50; baseline of W50 = (2+1+3+2+2)/5 = 2
    const facts = weekly.flatMap((n, w) =>
      Array.from({ length: n }, (_, i) => message({
        at: dayAt(w * 7 + (i % 5)),
        text: `La facture numéro ${i} est fausse, on m'a prélevé deux fois ce mois-ci.`,
        a: { themes: ['billing'], emotions: ['anger'], sentiment: 'negative' },
      })));
    // anger follows billing; add a steady theme that must not spike
    for (let w = 0; w < 6; w++) for (let i = 0; i < 4; i++) facts.push(message({ at: dayAt(w * 7 + i), a: { themes: ['delay'] } }));
    const spikes = detectSpikes(facts);
    expect(spikes.map((s) => `${s.kind}:${s.label}@${s.week}`).sort()).toEqual(['emotion:anger@2026-W50', 'theme:billing@2026-W50']);
    const billing = spikes.find((s) => s.label === 'billing')!;
    // p = P(X ≥ 12 | λ=2) = 1.36e−6: a spike (< 0.001), "medium" because "high" needs p < 1e−6
    expect(billing).toMatchObject({ count: 12, baseline: 2, ratio: 6, pValue: 1.36e-6, severity: 'medium' });
    expect(billing.example?.text).toContain('facture');
    expect(billing.name.fr).toBe('Facturation');
  });

  it('ignores small counts even when far above a zero baseline', () => {
    const facts = [0, 0, 0, 4].flatMap((n, w) => Array.from({ length: n }, () => message({ at: dayAt(w * 7), a: { themes: ['policy'] } })));
    facts.push(message({ at: dayAt(0), a: {} }));
    expect(detectSpikes(facts)).toEqual([]);
  });
});
