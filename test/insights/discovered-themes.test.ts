import { describe, expect, it } from 'vitest';
import { discoverThemes } from '../../src/insights/discovered-themes.ts';
import { message } from './fixtures.ts';

const FR_FILLER = [
  'Bonjour, je voudrais savoir quand ma commande arrivera chez moi.',
  'Le service client a été très aimable au téléphone hier.',
  "J'ai reçu un produit abîmé, pouvez-vous me rembourser ?",
  'Merci pour votre réponse rapide, tout est réglé maintenant.',
  'Le prix a encore augmenté ce mois-ci, ce n’est pas normal.',
  'Impossible de modifier mon adresse de livraison sur le site.',
];
const EN_FILLER = [
  'Hello, I would like to know when my order will arrive.',
  'The agent on the phone was very kind yesterday.',
  'I received a damaged item, can you refund me please?',
  'Thanks for the quick answer, everything is sorted now.',
  'The price went up again this month, that is not fair.',
  'I cannot change my delivery address on the website.',
];

describe('discovered themes', () => {
  it('finds a planted recurring phrase in French and in English, labelled with its words', () => {
    const facts = [];
    for (let i = 0; i < 6; i++) {
      facts.push(message({ language: 'fr', text: FR_FILLER[i], a: { language: 'fr' } }));
      facts.push(message({ language: 'en', text: EN_FILLER[i], a: { language: 'en' } }));
      // Planted: the loyalty card gets blocked (not a built-in theme), phrased with variations around it.
      facts.push(message({ language: 'fr', text: `Ma carte de fidélité bloquée depuis ${i + 2} jours, je ne peux plus payer en magasin.`, a: { language: 'fr' } }));
      facts.push(message({ language: 'en', text: `My loyalty card frozen again (${i + 1} times now), so I could not pay at the till.`, a: { language: 'en' } }));
    }
    const themes = discoverThemes(facts, { minCount: 4 });
    const fr = themes.filter((t) => t.language === 'fr');
    const en = themes.filter((t) => t.language === 'en');
    expect(fr[0].label).toBe('carte fidélité bloquée');
    expect(fr[0].terms.slice(0, 3).sort()).toEqual(['bloquée', 'carte', 'fidélité']);
    expect(fr[0].messages).toBe(6);
    expect(fr[0].examples[0].text).toContain('carte de fidélité bloquée');
    expect(en[0].label).toBe('loyalty card frozen');
    expect(en[0].messages).toBe(6);
    // Filler sentences occur once each: nothing else recurs four times
    expect(themes.every((t) => t.messages >= 4)).toBe(true);
  });

  it('leaves out phrases the built-in themes already explain', () => {
    const facts = Array.from({ length: 5 }, (_, i) =>
      message({ text: `Colis en retard encore une fois, commande ${i}`, a: { themes: ['delay'], evidence: { delay: 'Colis en retard' } } }));
    expect(discoverThemes(facts, { minCount: 3 })).toEqual([]);
  });

  it('merges phrases that occur in the same messages', () => {
    const facts = Array.from({ length: 5 }, (_, i) =>
      message({ text: `Appli mobile plante systématiquement. Code promo refusé aussi, essai ${i}.` }));
    const themes = discoverThemes(facts, { minCount: 3 });
    expect(themes).toHaveLength(1);
    expect(themes[0].phrases.map((p) => p.phrase).sort()).toEqual(['appli mobile plante', 'code promo refusé', 'mobile plante systématiquement'].sort());
  });
});
