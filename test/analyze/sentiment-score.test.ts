/**
 * The sentiment score stored with a message agrees with its label, with the learned heads and
 * without them, including where a rule changed the core's label after it scored the message.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.ts';
import type { AnalyzerModel } from '../../src/analyze/model.ts';
import { loadModel } from '../../src/runtime/analysis/load-model.ts';

let model: AnalyzerModel;
beforeAll(async () => { model = await loadModel(); });

const MESSAGES = [
  // A sarcastic complaint the core turns negative while its probabilities read praise (+0.979 before).
  'Great, another delay. Thanks a lot.',
  // A thankful complaint: politeness is not praise.
  'Thanks. 3rd delay this week, the train was cancelled and late again.',
  // A request signed "thanks" is neutral, whatever the politeness words score.
  'Thanks, can you send me the form please?',
  'Service correct sans plus.',
  'Merci beaucoup, le conseiller a tout réglé en 10 minutes !',
  'Mon colis est arrivé cassé, je veux un remboursement.',
  'How do I change the payment date of my direct debit?',
  'bon accueil mais plats fades et chers',
];

describe('sentiment score', () => {
  it.each([false, true])('agrees with the label (rulesOnly %s)', (rulesOnly) => {
    for (const text of MESSAGES) {
      const { label, score } = analyze(text, { model, rulesOnly }).sentiment;
      if (label === 'positive') expect(score, text).toBeGreaterThan(0);
      if (label === 'negative') expect(score, text).toBeLessThan(0);
      if (label === 'neutral') expect(Math.abs(score), text).toBeLessThan(0.2);
    }
  });
  it('gives the sarcastic complaint a negative score', () => {
    expect(analyze(MESSAGES[0], { model }).sentiment).toEqual({ label: 'negative', score: -0.5 });
  });
});
