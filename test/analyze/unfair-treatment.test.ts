import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.ts';
import type { AnalyzerModel } from '../../src/analyze/model.ts';
import { loadModel } from '../../src/runtime/analysis/load-model.ts';

let model: AnalyzerModel;
beforeAll(async () => { model = await loadModel(); });

/**
 * The CX rules (rulesOnly: they are features of the learned heads, and the whole CX layer of a model
 * without heads). The loyalty penalty and an imposed price rise are fairness complaints stated with warm words
 * ("client fidèle", "a loyal customer"): they used to read as positive with trust (GUIDELINES:
 * fairness is "being treated justly"; renewal is "price or terms changed at renewal").
 */
describe('unfair treatment', () => {
  const complaints = [
    'Les nouveaux clients ont la même box à 32,99 € et moi, client fidèle, je paie 48,99 €.',
    'Fin de ma promo : mon forfait passe de 39,99 € à 44,99 € par mois.',
    'My promo has ended and my plan jumps from €39.99 to €44.99 a month.',
    'New customers get the same box for 32.99 while I, a loyal customer, pay 48.99.',
    'Price goes up at every renewal, loyalty counts for nothing.',
  ];
  it.each(complaints)('reads "%s" as a price complaint wanting fairness, at renewal', (text) => {
    const a = analyze(text, { model, rulesOnly: true });
    expect(a.sentiment.label).toBe('negative');
    expect(a.sentiment.score).toBeLessThan(0);
    expect(a.emotions.map((e) => e.label)).not.toContain('trust');
    expect(a.emotions.map((e) => e.label)).not.toContain('joy');
    expect(a.themes.map((t) => t.label)).toContain('price');
    expect(a.needs[0]?.label).toBe('fairness');
    expect(a.stage?.label).toBe('renewal');
    for (const f of [...a.themes, ...a.needs]) expect(f.evidence && text.includes(f.evidence)).toBe(true);
  });

  it('leaves loyalty praise, a loyalty discount and a denied penalty alone', () => {
    expect(analyze('Client fidèle depuis 10 ans, toujours satisfait, je vous recommande.', { model }).sentiment.label).toBe('positive');
    expect(analyze('Merci pour la remise fidélité, je reste chez vous du coup.', { model }).sentiment.label).toBe('positive');
    const denied = analyze('Je ne paie pas plus que les nouveaux clients, tout va bien.', { model });
    expect(denied.sentiment.label).not.toBe('negative');
    expect(denied.themes.map((t) => t.label)).not.toContain('price');
  });

  it('needs a currency before a "from X to Y" change is about price, and implies no renewal', () => {
    const themes = (t: string) => analyze(t, { model, rulesOnly: true }).themes.map((x) => x.label);
    expect(themes('Our flight went from 9 to 11 and nobody told us why.')).not.toContain('price');
    expect(themes('Mon colis passe de 2 à 5 jours de délai.')).not.toContain('price');
    const bill = analyze('pkoi ma mensualité passe de 78 à 131 euros ?? jai rien changé', { model, rulesOnly: true });
    expect(bill.themes.map((x) => x.label)).toContain('price');
    expect(bill.stage?.label).not.toBe('renewal');
  });
});
