import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.ts';
import type { AnalyzerModel } from '../../src/analyze/model.ts';
import { NEGATIVE_EMOTIONS } from '../../src/core/labels.ts';
import { loadModel } from '../../src/runtime/analysis/load-model.ts';

let model: AnalyzerModel;
beforeAll(async () => { model = await loadModel(); });

/** Messages in the shapes the gold guidelines single out: sarcasm, polite fury, thanks, flat complaints. */
const MESSAGES = [
  'Super, 3e semaine sans internet 🙄',
  'Great, another delay. Thanks a lot.',
  'Bravo la banque, 3 jours que l’appli affiche « maintenance en cours » 🙃',
  'Madame, Monsieur, je constate que le remboursement promis n’est toujours pas arrivé. C’est inadmissible.',
  'My flight was delayed 3 hours and nobody told us anything.',
  'colis jamais arrivé',
  'Merci beaucoup, le conseiller a tout réglé en 10 minutes !',
  'Thanks so much, the driver went above and beyond.',
  'Je ne comprends pas pourquoi ma facture a doublé ce mois-ci.',
  'Service correct sans plus.',
  '😡😡😡',
  '   ',
];

describe('emotion findings', () => {
  it('are sorted strongest first, with scores in [0, 1]', () => {
    for (const text of MESSAGES) {
      const { emotions } = analyze(text, { model });
      for (let i = 0; i < emotions.length; i++) {
        expect(emotions[i].score).toBeGreaterThanOrEqual(0);
        expect(emotions[i].score).toBeLessThanOrEqual(1);
        if (i > 0) expect(emotions[i].score, text).toBeLessThanOrEqual(emotions[i - 1].score);
      }
    }
  });

  it('each carry a non-empty evidence span copied verbatim from the input', () => {
    for (const text of MESSAGES) {
      for (const e of analyze(text, { model }).emotions) {
        expect(e.evidence, `${text} -> ${e.label}`).not.toBeNull();
        expect(e.evidence!.length).toBeGreaterThan(0);
        expect(text).toContain(e.evidence!);
      }
    }
  });

  it('read sarcasm as a negative message led by a negative emotion, without gratitude or joy', () => {
    for (const text of MESSAGES.slice(0, 3)) {
      const a = analyze(text, { model });
      expect(a.sentiment.label, text).toBe('negative');
      expect(NEGATIVE_EMOTIONS, text).toContain(a.emotions[0]?.label);
      expect(a.emotions.map((e) => e.label), text).not.toContain('gratitude');
      expect(a.emotions.map((e) => e.label), text).not.toContain('joy');
    }
  });

  it('follow the sentiment: complaints lead with a negative emotion, praise has no hostile one', () => {
    for (const text of MESSAGES) {
      const a = analyze(text, { model });
      const labels = a.emotions.map((e) => e.label);
      if (a.sentiment.label === 'negative') expect(NEGATIVE_EMOTIONS, text).toContain(labels[0]);
      if (a.sentiment.label === 'positive') for (const l of ['anger', 'frustration', 'disgust']) expect(labels, text).not.toContain(l);
    }
  });

  it('name anger for outrage, confusion for "je ne comprends pas", gratitude for a thank-you', () => {
    expect(analyze(MESSAGES[3], { model }).emotions[0]?.label).toBe('anger');
    expect(analyze(MESSAGES[8], { model }).emotions.map((e) => e.label)).toContain('confusion');
    expect(analyze(MESSAGES[6], { model }).emotions[0]?.label).toBe('gratitude');
    expect(analyze(MESSAGES[7], { model }).emotions[0]?.label).toBe('gratitude');
  });

  it('treat flat factual complaints as negative and a lukewarm verdict as neutral', () => {
    expect(analyze(MESSAGES[4], { model }).sentiment.label).toBe('negative');
    expect(analyze(MESSAGES[5], { model }).sentiment.label).toBe('negative');
    expect(analyze(MESSAGES[9], { model }).sentiment.label).toBe('neutral');
  });
});
