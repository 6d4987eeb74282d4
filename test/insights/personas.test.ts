import { describe, expect, it } from 'vitest';
import { buildCustomerProfiles } from '../../src/insights/customer-profiles.ts';
import { computePersonas } from '../../src/insights/personas.ts';
import { kmeans } from '../../src/insights/stats/kmeans.ts';
import type { AnalysisSpec } from './fixtures.ts';
import { message } from './fixtures.ts';

/** Three obviously different kinds of customers, four of each. */
function crowd() {
  const kinds: { segment: string; channel: 'chat' | 'email' | 'call'; a: AnalysisSpec; text: string }[] = [
    { segment: 'pro', channel: 'chat', a: { needs: ['speed'], themes: ['delay'], emotions: ['anger'], sentiment: 'negative' }, text: 'Toujours pas livré, on attend le matériel pour le chantier depuis une semaine.' },
    { segment: 'particulier', channel: 'email', a: { needs: ['reassurance'], themes: ['account_access'], emotions: ['anxiety'], sentiment: 'negative' }, text: "Je n'arrive plus à me connecter et j'ai peur d'avoir perdu mes données." },
    { segment: 'premium', channel: 'call', a: { needs: [], themes: [], emotions: ['gratitude'], sentiment: 'positive' }, text: 'Merci beaucoup à Julie pour son aide, tout est réglé en deux minutes.' },
  ];
  const messages = [];
  for (const [k, kind] of kinds.entries()) {
    for (let i = 0; i < 4; i++) {
      const customerId = `k${k}-c${i}`;
      for (let j = 0; j < 2; j++) {
        messages.push(message({ customerId, customerRef: customerId, segment: kind.segment, channel: kind.channel, text: kind.text, a: kind.a }));
      }
    }
  }
  return messages;
}

describe('personas', () => {
  it('separates three obviously different groups and names them in French and English', () => {
    const personas = computePersonas(buildCustomerProfiles(crowd(), []).values());
    expect(personas).toHaveLength(3);
    const groups = personas.map((p) => [...p.customerIds].sort().map((id) => id.slice(0, 2)));
    for (const g of groups) expect(new Set(g).size).toBe(1);
    expect(personas.map((p) => p.size)).toEqual([4, 4, 4]);

    const hurried = personas.find((p) => p.segment === 'pro')!;
    expect(hurried.name).toEqual({ fr: 'Le client pro pressé · Retard', en: 'The hurried pro customer · Delay' });
    expect(hurried.goals[0]).toMatchObject({ need: 'speed', share: 1 });
    expect(hurried.frustrations.map((f) => f.label)).toEqual(['delay', 'anger']);
    expect(hurried.channel).toBe('chat');
    expect(hurried.quotes[0].text).toContain('chantier');

    const anxious = personas.find((p) => p.segment === 'particulier')!;
    expect(anxious.name.fr).toBe('Le client particulier inquiet · Accès au compte');
    const loyal = personas.find((p) => p.segment === 'premium')!;
    expect(loyal.name).toEqual({ fr: 'Le client premium fidèle', en: 'The loyal premium customer' });
  });

  it('is deterministic and needs at least six customers', () => {
    const profiles = buildCustomerProfiles(crowd(), []);
    expect(computePersonas(profiles.values())).toEqual(computePersonas(profiles.values()));
    expect(computePersonas([...profiles.values()].slice(0, 5))).toEqual([]);
  });

  it('k-means recovers two clear clusters', () => {
    const pts = [[0, 0], [0, 0.1], [0.1, 0], [5, 5], [5, 5.1], [5.1, 5]].map((p) => Float64Array.from(p));
    const r = kmeans(pts, 2, 7);
    expect(r.assignment[0]).toBe(r.assignment[1]);
    expect(r.assignment[0]).toBe(r.assignment[2]);
    expect(r.assignment[3]).toBe(r.assignment[5]);
    expect(r.assignment[0]).not.toBe(r.assignment[3]);
    expect(r.silhouette).toBeGreaterThan(0.9);
  });
});
