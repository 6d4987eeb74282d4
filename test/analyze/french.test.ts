import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.ts';
import type { AnalyzerModel } from '../../src/analyze/model.ts';
import { loadModel } from '../../src/runtime/analysis/load-model.ts';

let model: AnalyzerModel;
beforeAll(async () => { model = await loadModel(); });
const sentiment = (t: string) => analyze(t, { model }).sentiment;
const emotions = (t: string) => analyze(t, { model }).emotions.map((e) => e.label);

describe('French phenomena', () => {
  it('detects French, including SMS spelling and missing accents', () => {
    expect(analyze("J'ai appelé trois fois et personne ne m'a rappelé", { model }).language).toBe('fr');
    expect(analyze('jsuis degoute, c nul ce service', { model }).language).toBe('fr');
    expect(analyze('My parcel never arrived and nobody answers', { model }).language).toBe('en');
  });

  it('handles negation', () => {
    expect(sentiment('Je ne suis pas du tout satisfait du service').label).toBe('negative');
    expect(sentiment('Je suis satisfait du service').label).toBe('positive');
    expect(sentiment("Le repas n'était pas terrible").label).toBe('negative');
    expect(sentiment('not bad at all, the delivery was on time').label).not.toBe('negative');
    expect(sentiment('Je ne suis pas déçu, bien au contraire').score).toBeGreaterThan(sentiment('Je suis déçu').score);
  });

  it('expands elisions and reads SMS spelling', () => {
    expect(sentiment("J'adore cette appli, tout est simple").label).toBe('positive');
    expect(sentiment('jsuis vraiment decu, c nul').label).toBe('negative');
    expect(emotions('pkoi ma facture a doublé ?? je comprends pas')).toContain('confusion');
  });

  it('reads a problem finally solved as relief, not a complaint', () => {
    const text = 'Installation faite enfin, tout fonctionne.';
    // The core model, trained on public text, reads the relief of "enfin"; the learned emotion head,
    // which decides on a customer's message, reads its satisfaction (joy): both of the joy family.
    expect(analyze(text, { model, rulesOnly: true }).emotions.map((e) => e.label)).toContain('relief');
    const a = analyze(text, { model, customer: true });
    expect(a.sentiment.label).toBe('positive');
    expect(['joy', 'relief']).toContain(a.emotions[0].label);
    expect(a.emotions.map((e) => e.label)).not.toContain('frustration');
    expect(sentiment('Finally everything works, thanks').label).toBe('positive');
  });

  it('reads sarcasm for its meaning', () => {
    expect(sentiment('Super, 3e semaine sans internet').label).toBe('negative');
    expect(sentiment('Great, another delay. Thanks for nothing').label).toBe('negative');
  });

  it('uses emoji', () => {
    expect(sentiment('Colis reçu 😍').score).toBeGreaterThan(sentiment('Colis reçu 😡').score);
    expect(sentiment('Colis reçu :)').score).toBeGreaterThan(sentiment('Colis reçu :(').score);
    expect(analyze('voir https://exemple.fr/suivi', { model }).sentiment.label).toBe('neutral');
  });

  it('finds CX emotions with their evidence', () => {
    const a = analyze("Ras le bol, c'est la 3e fois que j'appelle et toujours rien.", { model });
    expect(a.sentiment.label).toBe('negative');
    expect(a.emotions[0].label).toBe('frustration');
    expect(a.emotions[0].evidence).toBeTruthy();
    expect(emotions("Merci beaucoup pour votre aide, je recommande")).toEqual(expect.arrayContaining(['gratitude']));
    expect(emotions('Je suis soulagée, le colis est enfin arrivé')).toContain('relief');
    expect(emotions("J'ai peur de rater ma correspondance, je suis très inquiète")).toContain('anxiety');
  });
});
