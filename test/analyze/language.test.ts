import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/analyze/compiled.ts';
import { detectLanguage } from '../../src/analyze/language.ts';
import type { AnalyzerModel } from '../../src/analyze/model.ts';
import { loadModel } from '../../src/runtime/analysis/load-model.ts';

let model: AnalyzerModel;
beforeAll(async () => { model = await loadModel(); });
const lang = (text: string, prefer?: string) => detectLanguage(text, compile(model), prefer);

describe('language identification', () => {
  it('reads short English chat lines by their words, not only their letters', () => {
    // Each of these was read as French by the character grams alone.
    for (const text of ["Don't raise your voice to me.", 'Be quiet!', 'Excuse me?']) expect(lang(text), text).toBe('en');
  });

  it('keeps short French lines French', () => {
    for (const text of ['Rien à faire.', "Qu'est-ce qui t'es arrivé ?", 'Toujours rien reçu', 'jsuis dégoûté']) expect(lang(text), text).toBe('fr');
  });

  it('does not take French "de" and "en" for Dutch function words', () => {
    expect(lang("Éoliennes de l'Érable plus de 8 millions en voirie")).toBe('fr');
    expect(lang('Lancement de l offre ADP Link auprès de l écosystème')).toBe('fr');
  });

  it('still names other Latin languages by their own function words', () => {
    expect(lang('Ik ben niet blij met de service van het bedrijf')).toBe('nl');
    expect(lang('Ich bin mit dem Service nicht zufrieden und das ist sehr schlecht')).toBe('de');
    expect(lang('Muchas gracias por la ayuda, el servicio es muy bueno')).toBe('es');
    expect(lang('Il servizio non è buono e sono molto deluso')).toBe('it');
  });

  it('reads a message either language could have written in the preferred language (a prior, not an override)', () => {
    // "facture" and "incorrecte" are letters and words both languages have: a toss-up without a prior.
    expect(lang('Facture incorrecte')).toBe('en');
    expect(lang('Facture incorrecte', 'fr')).toBe('fr');
    expect(lang('Facture incorrecte', 'en')).toBe('en');
    // Clear messages keep their language whatever the preference.
    expect(lang('The invoice is wrong and nobody answers my emails', 'fr')).toBe('en');
    expect(lang('Ma facture est fausse et personne ne répond', 'en')).toBe('fr');
    // Only French and English are priors; another value is ignored.
    expect(lang('Facture incorrecte', 'de')).toBe('en');
  });

  it('has whole words in the trained table, weighted against the grams', () => {
    expect(model.language.wordWeight).toBeGreaterThan(0);
    expect(model.language.ngrams).toContain('=quiet');
    expect(model.language.ngrams).toContain('=rien');
  });
});
