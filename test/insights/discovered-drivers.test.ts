import { describe, expect, it } from 'vitest';
import type { MessageFact, SurveyFact } from '../../src/core/facts.ts';
import type { Emotion } from '../../src/core/labels.ts';
import { computeInsights, newInsightsMemo } from '../../src/insights/compute-insights.ts';
import { discoveredDrivers, SAME_AS_SHARE } from '../../src/insights/discovered-drivers.ts';
import { computeDrivers, conversationFactors } from '../../src/insights/key-drivers.ts';
import { fixFirst } from '../../src/insights/priorities.ts';
import type { DiscoveredTheme, Insights } from '../../src/insights/types.ts';
import { message, survey } from './fixtures.ts';

/**
 * Eleven surveyed conversations (NPS) and one unsurveyed, by hand:
 *   c1 billing anger 2 · c2 billing anger 3 · c3 billing confusion 9 · c8 billing anger 6
 *   c4 frustration 1 · c5 frustration 0 · c6 frustration 4 · c7 joy 10 · c11 frustration 2
 *   c9 joy 9 · c10 joy 10 · u1 delay (no survey)
 * Discovered "frais de port" = {c4, c5, c6, c7, c11, u1}; discovered "montant facture" = {c1, c2, c8},
 * which every one of its conversations also files under billing: it is billing in other words.
 */
const SPEC: [id: string, themes: string[], emotions: Emotion[], nps: number | null][] = [
  ['c1', ['billing'], ['anger'], 2], ['c2', ['billing'], ['anger'], 3], ['c3', ['billing'], ['confusion'], 9],
  ['c4', [], ['frustration'], 1], ['c5', [], ['frustration'], 0], ['c6', [], ['frustration'], 4], ['c7', [], ['joy'], 10],
  ['c8', ['billing'], ['anger'], 6], ['c9', [], ['joy'], 9], ['c10', [], ['joy'], 10], ['c11', [], ['frustration'], 2],
  ['u1', ['delay'], ['anger'], null],
];
const messages: MessageFact[] = SPEC.map(([id, themes, emotions]) => message({ conversationId: id, a: { themes, emotions } }));
const surveys: SurveyFact[] = SPEC.filter((s) => s[3] !== null).map(([id, , , nps]) => survey('nps', nps!, { conversationId: id }));
const theme = (id: string, label: string): DiscoveredTheme => ({ id, language: 'fr', label, terms: label.split(' '), phrases: [{ phrase: label, count: 3 }], messages: 3, examples: [] });
const THEMES = [theme('fr:montant-facture', 'montant facture'), theme('fr:frais-de-port', 'frais de port')];
const MEMBERS = new Map([
  ['fr:montant-facture', new Set(['c1', 'c2', 'c8'])],
  ['fr:frais-de-port', new Set(['c4', 'c5', 'c6', 'c7', 'c11', 'u1'])],
]);

describe('discovered themes as causes in "what to fix first"', () => {
  const factors = conversationFactors(messages, new Set(surveys.map((s) => s.conversationId)));
  const known = conversationFactors(messages, new Set([...MEMBERS.values()].flatMap((m) => [...m])));
  const detractors = { ...computeDrivers(factors, surveys, 'nps_detractor'), discovered: discoveredDrivers(THEMES, MEMBERS, factors, known, surveys, 'nps_detractor') };

  it('measures them on the same population and scale as built-in causes, with the emotions inside', () => {
    // 11 surveyed conversations, 7 detractors (c1 c2 c4 c5 c6 c8 c11).
    expect(detractors).toMatchObject({ n: 11, baseRate: 0.636 });
    const [port, montant] = detractors.discovered;
    // Frais de port: 4 of its 5 surveyed conversations are detractors (0.8) vs 3 of the other 6 (0.5):
    // difference 0.3, prevalence 5/11 = 0.455, impact 0.3 × 5/11 = 0.1364.
    expect(port).toMatchObject({
      kind: 'discovered', label: 'fr:frais-de-port', name: { fr: 'frais de port', en: 'frais de port' }, terms: ['frais', 'de', 'port'],
      withN: 5, withBad: 4, withoutN: 6, withoutBad: 3, rateWith: 0.8, rateWithout: 0.5, difference: 0.3, prevalence: 0.455, impact: 0.1364,
      significant: false, sameAs: null,
      emotions: [{ label: 'frustration', share: 0.8 }, { label: 'joy', share: 0.2 }],
    });
    // Montant facture: 3 of 3 vs 4 of 8: difference 0.5, impact 0.5 × 3/11 = 0.1364 (ties rank the larger first).
    expect(montant).toMatchObject({ label: 'fr:montant-facture', withN: 3, withBad: 3, difference: 0.5, impact: 0.1364, sameAs: 'billing', emotions: [{ label: 'anger', share: 1 }] });
    // Billing, for comparison: 3 of 4 vs 4 of 7: difference 0.1786, impact 0.1786 × 4/11 = 0.0649.
    expect(detractors.drivers.find((d) => d.label === 'billing')).toMatchObject({ withN: 4, withBad: 3, difference: 0.179, impact: 0.0649 });
    expect(SAME_AS_SHARE).toBe(0.8);
  });

  it('ranks them with themes and stages, and does not count a discovered theme that is a known theme twice', () => {
    const insights = { drivers: { detractors, lowCsat: { outcome: 'csat_low', n: 0, baseRate: null, drivers: [], discovered: [] } } } as unknown as Insights;
    const ranked = fixFirst(insights);
    expect(ranked.map((d) => [d.kind, d.label, d.impact])).toEqual([['discovered', 'fr:frais-de-port', 0.1364], ['theme', 'billing', 0.0649]]);
    expect(ranked[0].outcome).toBe('nps_detractor');
    // Without the sameAs rule, "montant facture" would rank first and count billing's detractors again.
    expect(ranked.some((d) => d.label === 'fr:montant-facture')).toBe(false);
  });

  it('is filled by computeInsights from the themes it discovers', () => {
    const facts: MessageFact[] = [];
    const answers: SurveyFact[] = [];
    for (let i = 0; i < 8; i++) {
      const planted = i < 5;
      const m = message({
        text: planted ? `Ma carte de fidélité bloquée depuis ${i + 2} jours, impossible de payer en magasin.` : `Tout s'est bien passé, merci pour la commande numéro ${i}.`,
        a: { emotions: planted ? ['frustration'] : ['joy'] },
      });
      facts.push(m);
      answers.push(survey('nps', planted ? (i < 4 ? 2 : 9) : 10, { conversationId: m.conversationId }));
    }
    const ins = computeInsights({ messages: facts, surveys: answers, employees: [], settings: { language: 'fr', desiredEmotions: {} }, now: new Date('2026-11-20T00:00:00Z') });
    const found = ins.discoveredThemes[0];
    expect(found.label).toBe('carte fidélité bloquée');
    // 4 of its 5 conversations are detractors, 0 of the other 3: difference 0.8, impact 0.8 × 5/8 = 0.5.
    expect(ins.drivers.detractors.discovered?.[0]).toMatchObject({ label: found.id, withN: 5, withBad: 4, difference: 0.8, impact: 0.5, sameAs: null, emotions: [{ label: 'frustration', share: 1 }] });
    expect(fixFirst(ins)[0]).toMatchObject({ kind: 'discovered', label: found.id, name: { fr: 'carte fidélité bloquée' } });
  });
  it('reads which built-in theme a discovered one restates from all its conversations, surveyed or not, with or without a memo', () => {
    // Six conversations say the same thing and are all filed under billing; only three are surveyed.
    const facts: MessageFact[] = [];
    const answers: SurveyFact[] = [];
    for (let i = 0; i < 10; i++) {
      const planted = i < 6;
      const m = message({
        conversationId: `k${i}`, messageId: `k${i}`, at: new Date(Date.UTC(2026, 10, 1 + i)),
        text: planted ? `Le montant de la facture est faux depuis ${i + 2} mois, encore.` : `Tout s'est bien passé, merci pour la commande numéro ${i}.`,
        a: { themes: planted ? ['billing'] : [], emotions: planted ? ['anger'] : ['joy'] },
      });
      facts.push(m);
      if (i % 2 === 0 || !planted) answers.push(survey('nps', planted ? 2 : 10, { conversationId: m.conversationId }));
    }
    const input = (ms: MessageFact[]) => ({ messages: ms, surveys: answers, employees: [], settings: { language: 'fr' as const, desiredEmotions: {} }, now: new Date('2026-11-20T00:00:00Z') });
    const memo = newInsightsMemo();
    const once = computeInsights(input(facts));
    expect(once.drivers.detractors.discovered?.[0]).toMatchObject({ withN: 3, sameAs: 'billing' });
    expect(computeInsights(input(facts), memo)).toEqual(once);
    // A later message in an unsurveyed conversation of the theme, then the same facts again: each kept answer equals one pass.
    const more = [...facts, message({ conversationId: 'k1', messageId: 'k1b', at: new Date(Date.UTC(2026, 10, 15)), text: 'Toujours rien.', a: { themes: ['delay'], emotions: ['sadness'] } })];
    expect(computeInsights(input(more), memo)).toEqual(computeInsights(input(more)));
    expect(computeInsights(input(facts), memo)).toEqual(once);
  });
});
