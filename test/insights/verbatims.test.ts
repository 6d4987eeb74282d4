import { describe, expect, it } from 'vitest';
import { QuotePicker, quoteScore } from '../../src/insights/verbatims.ts';
import { pickCompliments } from '../../src/insights/compliments.ts';
import { dayAt, message } from './fixtures.ts';

const STORY = 'Trois semaines que j’attends mon canapé, et chaque appel me renvoie vers un autre service.';

describe('representative verbatims', () => {
  it('prefers a readable sentence over a fragment, shouting or a link', () => {
    expect(quoteScore(STORY)).toBe(1);
    expect(quoteScore('Nul.')).toBe(0);
    // 31 characters: 0.4 + 0.6·(31 − 15)/65 = 0.548
    expect(quoteScore('Retard de livraison, encore ça.')).toBeCloseTo(0.548, 3);
    expect(quoteScore(STORY.toUpperCase())).toBeCloseTo(0.3, 5);
    expect(quoteScore(`${STORY} Voir https://example.test/x`)).toBeCloseTo(0.3, 5);
    expect(quoteScore(STORY, 0.5)).toBe(0.5);
  });

  it('keeps the k best, drops duplicates and breaks ties by id', () => {
    const picker = new QuotePicker(2);
    const a = message({ text: STORY });
    const b = message({ text: STORY });
    const c = message({ text: 'Le livreur a laissé le colis sous la pluie devant la porte sans sonner.' });
    const d = message({ text: 'Court.' });
    for (const m of [d, a, b, c]) picker.offer(m, quoteScore(m.text));
    expect(picker.result().map((v) => v.messageId)).toEqual([a.messageId, c.messageId]);
  });

  it('picks compliments among positive grateful messages, newest first', () => {
    const facts = [
      message({ at: dayAt(1), text: 'Merci infiniment à Sophie pour sa patience, elle a tout réglé en un appel.', a: { sentiment: 'positive', score: 0.9, emotions: ['gratitude'] } }),
      message({ at: dayAt(2), text: 'Merci de rien, toujours pas de réponse à ma réclamation depuis dix jours.', a: { sentiment: 'negative', emotions: ['gratitude'] } }),
      message({ at: dayAt(3), text: 'Très contente de la livraison, le colis est arrivé en avance et bien emballé.', a: { sentiment: 'positive', score: 0.8, emotions: ['joy'] } }),
    ];
    const picked = pickCompliments(facts);
    expect(picked.map((v) => v.text.slice(0, 12))).toEqual(['Très content', 'Merci infini']);
  });

  it('leaves out mixed praise that still carries a need or an open problem', () => {
    const facts = [
      message({ at: dayAt(1), text: 'La connexion est revenue ce matin, merci. Par contre j’attends toujours le geste promis.', a: { sentiment: 'positive', score: 0.6, emotions: ['gratitude'], themes: ['unresolved'] } }),
      message({ at: dayAt(2), text: 'Merci pour votre accueil, pouvez-vous me renvoyer la facture de septembre ?', a: { sentiment: 'positive', score: 0.7, emotions: ['gratitude'], needs: ['resolution'] } }),
      message({ at: dayAt(3), text: 'Bravo à Karim, installation propre et expliquée, je recommande sans hésiter.', a: { sentiment: 'positive', score: 0.9, emotions: ['trust'] } }),
    ];
    expect(pickCompliments(facts).map((v) => v.text.slice(0, 9))).toEqual(['Bravo à K']);
  });
});
